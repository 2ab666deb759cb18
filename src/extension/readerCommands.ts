import * as vscode from 'vscode';
import { markNotFinding, ReaderEditError, trackAsFinding, type TextEdit } from '../core';
import { COMMANDS } from './commandIds';
import { EXPLAIN_SCHEME, READING_LANGUAGE, type ExplainDocuments } from './explainDocuments';
import { resolveTargets, type TargetDeps } from './findingTargets';
import { findingName } from './findingText';
import { coreLine } from './lines';
import type { StatusWriter, WriteResult } from './statusWriter';

export interface ReaderCommandDeps extends TargetDeps {
  writer: StatusWriter;
  explain: ExplainDocuments;
}

/**
 * The commands that show and correct how a report was read: Explain Report Reading, Not a
 * Finding and Track as Finding. The edits are computed by the core and written by the writer,
 * as a status change is: one undoable edit, or a one-line message and nothing written.
 */
export function registerReaderCommands(deps: ReaderCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.explainReportReading, (arg?: unknown) => explain(deps, arg)),
    vscode.commands.registerCommand(COMMANDS.markNotFinding, (arg?: unknown, selection?: unknown) => notAFinding(deps, arg, selection)),
    vscode.commands.registerCommand(COMMANDS.trackAsFinding, (uri?: unknown, line?: unknown) => track(deps, uri, line)),
  );
}

/**
 * Opens the reading of a report beside it: the report given (a URI, from the editor's context
 * menu), else the active editor's report, with the blocks at its cursor first. Run from the
 * reading itself, it reads its report again. Returns the reading's editor.
 */
async function explain(deps: ReaderCommandDeps, arg: unknown): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  let reportUri = arg instanceof vscode.Uri ? arg : active?.document.uri;
  if (reportUri?.scheme === EXPLAIN_SCHEME) reportUri = vscode.Uri.parse(reportUri.query);
  if (!reportUri) {
    void vscode.window.showInformationMessage('Audit Lens: open a report first; Explain Report Reading shows how Audit Lens read it.');
    return undefined;
  }
  let report: vscode.TextDocument;
  try {
    report = await vscode.workspace.openTextDocument(reportUri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Audit Lens: cannot open ${vscode.workspace.asRelativePath(reportUri)}: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const fromReport = active?.document.uri.toString() === report.uri.toString();
  const uri = deps.explain.update(report, fromReport ? coreLine(active.selection.active) : undefined);
  // Shown again where it is already open, else beside the report.
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== READING_LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, READING_LANGUAGE);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside, preview: false });
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/** Not a Finding, on the finding a code action, the tree or the cursor names. */
async function notAFinding(deps: ReaderCommandDeps, arg: unknown, selection: unknown): Promise<WriteResult[]> {
  if (!trusted()) return [];
  const findings = await resolveTargets(deps, arg, selection, 'Not a finding: which one?');
  const results: WriteResult[] = [];
  // One report edit at a time: each is computed on the text the previous one left.
  for (const f of findings) {
    const result = await deps.writer.writeEdits(f.report.uri, (text) => computed(() => markNotFinding(text, { id: f.finding.id }).edits), 'the ignore comment was written');
    results.push(result);
    report(result, `${findingName(f.finding)} is no longer a finding: an ignore comment was written before it.`);
  }
  return results;
}

/** Track as Finding, on a line of a report: the code action's arguments, else the cursor. */
async function track(deps: ReaderCommandDeps, uriArg: unknown, lineArg: unknown): Promise<WriteResult | undefined> {
  if (!trusted()) return undefined;
  const editor = vscode.window.activeTextEditor;
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
  const line = typeof lineArg === 'number' ? lineArg : editor && uri && editor.document.uri.toString() === uri.toString() ? coreLine(editor.selection.active) : undefined;
  if (!uri || line === undefined || !deps.index.isReport(uri)) {
    void vscode.window.showInformationMessage('Audit Lens: put the cursor on a heading or list item of a report to track it as a finding.');
    return undefined;
  }
  let how = '';
  const result = await deps.writer.writeEdits(
    uri,
    (text) =>
      computed(() => {
        const r = trackAsFinding(text, line);
        how = r.by === 'status' ? 'its status line was written' : 'a findings comment was written before it';
        return r.edits;
      }),
    'the finding was tracked',
  );
  report(result, `Line ${line} is now a finding: ${how}.`);
  return result;
}

/** A core edit for the writer; the core's refusal becomes the message, with nothing written. */
function computed(edit: () => TextEdit[]): { edits: TextEdit[]; changed: number } | { error: string } {
  try {
    const edits = edit();
    return { edits, changed: edits.length > 0 ? 1 : 0 };
  } catch (error) {
    if (error instanceof ReaderEditError) return { error: error.message };
    throw error;
  }
}

function report(result: WriteResult, done: string): void {
  if (result.error) void vscode.window.showErrorMessage(`Audit Lens: ${result.error}`);
  if (result.changed > 0) vscode.window.setStatusBarMessage(`$(check) Audit Lens: ${done} Undo in the report takes it back.`, 6000);
}

function trusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage('Audit Lens: correcting how a report is read writes to the report, which Restricted Mode does not allow. Trust this workspace first.');
  return false;
}
