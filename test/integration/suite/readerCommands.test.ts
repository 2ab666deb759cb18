import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditLensApi } from '../../../src/extension/extension';
import type { WriteResult } from '../../../src/extension/statusWriter';
import { api, closeEditors, diagnosticFor, fixture, lineOf, MULTI_ROOT, readDisk, restore, waitFor, writeDisk } from './helpers';

async function ourActions(uri: vscode.Uri, line: number): Promise<vscode.CodeAction[]> {
  const range = new vscode.Range(line - 1, 0, line - 1, 0);
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return all.filter((a) => a.command?.command.startsWith('auditLens.'));
}

/** The part of an Explain document about the cursor's line: between its two headings. */
function atCursor(text: string): string {
  const from = text.indexOf('(the cursor):');
  const to = text.indexOf('The whole report:');
  assert.ok(from >= 0 && to > from, `both parts are there:\n${text.slice(0, 400)}`);
  return text.slice(from, to);
}

if (!MULTI_ROOT) {
  describe('Reading commands: Explain Report Reading, Not a Finding, Track as Finding', () => {
    const report = fixture('SECURITY_AUDIT.md');
    const login = fixture('src/auth/login.ts');
    // A report written for these tests, whose headings the reader takes for notes, not findings.
    const notes = fixture('reviews/notes-review.md');
    const NOTES = '# Notes from the review\n\n## Things we saw\n\n### Token stored in local storage\n\nWe saw the token in local storage.\n';
    let a: AuditLensApi;
    let original: string;

    before(async () => {
      a = await api();
      original = await readDisk(report);
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
    });

    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && doc.uri.scheme === 'file') await restore(doc);
      if ((await readDisk(report)) !== original) await writeDisk(report, original);
      await closeEditors();
      try {
        await vscode.workspace.fs.delete(notes);
      } catch {
        // Only some tests create it.
      }
      await waitFor(() => diagnosticFor(login, 'H1') && !a.index.report(notes), 'the fixture reports as they were');
    });

    it('opens the reading of the report beside it, read-only, starting at the block under the cursor', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const h1 = lineOf(doc.getText(), '### [H1]');
      editor.selection = new vscode.Selection(h1 + 2, 0, h1 + 2, 0);
      const shown = await vscode.commands.executeCommand<vscode.TextEditor>('auditLens.explainReportReading');
      assert.equal(shown.document.uri.scheme, 'audit-lens-explain');
      assert.equal(shown.viewColumn, vscode.ViewColumn.Two, 'beside the report');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), shown.document.uri.toString());
      assert.equal(shown.document.languageId, 'audit-lens-reading');
      // H1's section runs from its heading to the line before M1's (SECURITY_AUDIT.md).
      const h1End = lineOf(doc.getText(), '### [M1]') - 2;
      const h1Decision = new RegExp(`^\\s*FINDING\\s+line ${h1}-${h1End} heading "\\[H1\\] Session token compared with =="`, 'm');
      assert.match(atCursor(shown.document.getText()), h1Decision, 'the block at the cursor, and its decision');
      assert.doesNotMatch(atCursor(shown.document.getText()), /\[M1\]/, 'only the blocks that hold the cursor come first');
      assert.match(shown.document.getText(), /^\s*FINDING\s+line \d+-\d+ heading "\[L2\] Security headers are not documented"/m, 'then the whole report');
      // Typing into it changes nothing: the editor is read-only.
      const text = shown.document.getText();
      await vscode.commands.executeCommand('type', { text: 'x' });
      assert.equal(shown.document.getText(), text, 'the reading is read-only');
    });

    it('refreshes the open reading when run again, in the same editor', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const first = await vscode.commands.executeCommand<vscode.TextEditor>('auditLens.explainReportReading');
      assert.doesNotMatch(first.document.getText(), /Plain-text tokens/);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(report, doc.lineAt(lineOf(doc.getText(), '### [H1]') - 1).range, '### [H1] Plain-text tokens');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const again = await vscode.commands.executeCommand<vscode.TextEditor>('auditLens.explainReportReading');
      assert.equal(again.document.uri.toString(), first.document.uri.toString());
      await waitFor(() => /FINDING\s+line \d+-\d+ heading "\[H1\] Plain-text tokens"/.test(again.document.getText()), 'the new title in the reading');
      const readings = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'audit-lens-explain');
      assert.equal(readings.length, 1, 'one reading, refreshed in place');
    });

    it('Not a Finding writes an ignore comment before the finding, as one undoable edit; the reader drops it', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      await waitFor(() => a.index.report(report)?.version === doc.version, 'the index has read the open report');
      const c1 = lineOf(doc.getText(), '### [C1]');
      const [action] = await ourActions(report, c1);
      assert.equal(action?.title, 'Not a Finding: C1 (write an ignore comment before it)');
      assert.deepEqual(await ourActions(report, c1 + 2), [], 'nothing on a field line inside the finding');
      const before = doc.getText();
      const results = await vscode.commands.executeCommand<WriteResult[]>(action.command!.command, ...(action.command!.arguments ?? []));
      assert.equal(results[0]?.error, undefined);
      assert.equal(doc.getText(), before.replace('### [C1]', '<!-- audit-lens: ignore -->\n### [C1]'));
      const ids = a.index.report(report)!.findings.map((f) => f.finding.id);
      assert.deepEqual(ids, ['H1', 'M1', 'L1', 'I1', 'M2', 'L2'], 'C1 is gone, the rest stay');
      assert.equal(await readDisk(report), doc.getText(), 'saved, as a status change is');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one Undo takes it back');
    });

    it('Not a Finding is in the findings tree\'s context menu', () => {
      const menu = (vscode.extensions.getExtension('audit-lens.audit-lens')!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes.menus;
      const entry = menu['view/item/context'].find((e) => e.command === 'auditLens.markNotFinding');
      assert.match(entry?.when ?? '', /viewItem =~ \/\^finding\\\.\//);
      assert.ok(menu['editor/context'].some((e) => e.command === 'auditLens.explainReportReading' && e.when === 'auditLens.reportActive'));
    });

    it('Track as Finding writes the status line under a heading the reader passed over; the reader then lists it', async () => {
      await writeDisk(notes, NOTES);
      const doc = await vscode.workspace.openTextDocument(notes);
      await vscode.window.showTextDocument(doc);
      await waitFor(() => a.index.report(notes)?.version === doc.version, 'the new report indexed');
      assert.deepEqual(a.index.report(notes)!.findings, [], 'no finding in it yet');
      const heading = lineOf(NOTES, '### Token stored');
      assert.deepEqual(await ourActions(notes, heading + 2), [], 'nothing on a prose line');
      const [action] = await ourActions(notes, heading);
      assert.equal(action?.title, 'Track as Finding');
      assert.equal(action.disabled, undefined);
      const result = await vscode.commands.executeCommand<WriteResult>(action.command!.command, ...(action.command!.arguments ?? []));
      assert.equal(result.error, undefined);
      assert.equal(doc.getText(), NOTES.replace('### Token stored in local storage\n', '### Token stored in local storage\n\n**Status:** Open\n'));
      const found = a.index.report(notes)!.findings.map((f) => [f.finding.title, f.finding.status, f.finding.reportRange.startLine]);
      assert.deepEqual(found, [['Token stored in local storage', 'open', heading]]);
      const [now] = await ourActions(notes, heading);
      assert.equal(now?.title, 'Not a Finding: "Token stored in local storage" (write an ignore comment before it)', 'a finding now, it offers the way back');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), NOTES, 'one Undo takes it back');
    });

    it('Track as Finding refuses with a message, writing nothing, where the reader would change other findings', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      const before = doc.getText();
      await waitFor(() => a.index.report(report)?.version === doc.version, 'the index has read the open report');
      // `## Findings` holds every finding of the report: as one finding it would swallow them.
      // The action is there, disabled with the reason; VS Code's executeCodeActionProvider lists
      // only enabled actions, so none comes back here, while one does on a trackable heading.
      assert.deepEqual(await ourActions(report, lineOf(before, '## Findings')), [], 'no runnable Track as Finding');
      const result = await vscode.commands.executeCommand<WriteResult>('auditLens.trackAsFinding', report.toString(), lineOf(before, '## Findings'));
      assert.match(result.error ?? '', /Nothing was written\.$/);
      assert.equal(doc.getText(), before);
      assert.equal(doc.isDirty, false);
    });
  });
}
