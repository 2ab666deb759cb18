// Shared by the integration suites: reaching the extension's live objects, waiting for the
// asynchronous results (indexing, throttled edits, file events), and the fixture's paths.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditLensApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'audit-lens.audit-lens';
export const SOURCE = 'Audit Lens';

/** The fixture opened: test/fixtures/workspace (one folder) or multi-root.code-workspace (two). */
export const MULTI_ROOT = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;

export async function api(): Promise<AuditLensApi> {
  const ext = vscode.extensions.getExtension<AuditLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const a = await ext.activate();
  await a.index.whenReady();
  return a;
}

/** A file of the (first) workspace folder, or of the folder named. */
export function fixture(relPath: string, folderName?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folderName ? folders.find((f) => f.name === folderName) : folders[0];
  assert.ok(folder, `no workspace folder ${folderName ?? ''}`);
  return vscode.Uri.joinPath(folder.uri, relPath);
}

/** Polls until `probe` returns something truthy; fails with the last value seen. */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value) return value;
    last = value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * A finding's diagnostic in this file: by its own id (the diagnostic's code), or, for a finding
 * whose id is derived from its title (never shown), by that title (the diagnostic's message).
 */
export function diagnosticFor(uri: vscode.Uri, idOrTitle: string): vscode.Diagnostic | undefined {
  return ourDiagnostics(uri).find(
    (d) => (typeof d.code === 'object' && d.code !== null && d.code.value === idOrTitle) || d.message === idOrTitle || d.message === `${idOrTitle} (deferred)`,
  );
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/** The range a finding's diagnostic covers with the document at hand: first code character to line end. */
export function expectedRange(doc: vscode.TextDocument, startLine: number, endLine = startLine): vscode.Range {
  const first = doc.lineAt(startLine - 1);
  return new vscode.Range(startLine - 1, first.firstNonWhitespaceCharacterIndex, endLine - 1, doc.lineAt(endLine - 1).text.length);
}

export function assertRange(actual: vscode.Range, expected: vscode.Range, what: string): void {
  assert.deepEqual(
    [actual.start.line, actual.start.character, actual.end.line, actual.end.character],
    [expected.start.line, expected.start.character, expected.end.line, expected.end.character],
    `${what}: range`,
  );
}

export async function setSetting(section: string, value: unknown, folder?: vscode.Uri): Promise<void> {
  const [head, ...rest] = section.split('.');
  await vscode.workspace.getConfiguration(head, folder).update(rest.join('.'), value, vscode.ConfigurationTarget.Workspace);
}

/** Reads a file from disk (not from an open buffer). */
export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeDisk(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Today as the extension writes it into a status line. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The line of `text` that contains `needle` (1-based), for assertions about report lines. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" not found`);
  return i + 1;
}

/** Closes every editor; callers restore dirty documents first. */
export async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Puts an open document back to the file's content, saved. (The Revert File command was not
 * reliable under load: it could clear the dirty flag without reloading the text.)
 */
export async function restore(doc: vscode.TextDocument): Promise<void> {
  const disk = await readDisk(doc.uri);
  if (doc.getText() !== disk) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), disk);
    assert.ok(await vscode.workspace.applyEdit(edit), `restoring ${doc.uri.path}`);
  }
  // Under load a save can be refused for a moment (the workbench is still catching up with a
  // file event); what counts is that the document ends up clean and equal to the file.
  for (let attempt = 0; doc.isDirty && attempt < 5; attempt++) {
    if (!(await doc.save())) await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal(doc.isDirty, false, `${doc.uri.path} could not be saved`);
  assert.equal(doc.getText(), await readDisk(doc.uri), `${doc.uri.path} is back to its file`);
}
