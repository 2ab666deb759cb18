import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WriteResult } from '../../../src/extension/statusWriter';
import type { FindingNode, GroupNode } from '../../../src/extension/treeModel';
import { api, closeEditors, diagnosticFor, fixture, lineOf, MULTI_ROOT, readDisk, restore, today, waitFor } from './helpers';

if (!MULTI_ROOT) {
  describe('Status commands and write-back', () => {
    const login = fixture('src/auth/login.ts');
    const handler = fixture('src/api/handler.ts');
    const report = fixture('SECURITY_AUDIT.md');
    const table = fixture('reviews/api-review.md');
    const checklist = fixture('audits/checklist.md');
    const key = (uri: vscode.Uri, id: string): string => `${uri.toString()}#${id}`;

    before(async () => {
      await api();
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
    });

    afterEach(async () => {
      // Every test leaves the reports as it found them, saved.
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await restore(doc);
      await closeEditors();
    });

    /** Runs a status command on a finding in a report shown in the active editor, then undoes it. */
    async function markAndUndo(command: string, uri: vscode.Uri, id: string, source: vscode.Uri, expectedLine: string, shownAs = id): Promise<void> {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const before = doc.getText();
      const results = await vscode.commands.executeCommand<WriteResult[]>(command, key(uri, id));
      assert.deepEqual(results.map((r) => [r.changed, r.error]), [[1, undefined]], `${command} wrote one change`);
      assert.ok(doc.getText().includes(expectedLine), `the report now holds: ${expectedLine}`);
      assert.equal(doc.isDirty, false, 'the report was saved');
      assert.ok((await readDisk(uri)).includes(expectedLine), 'and the file on disk has it');
      await waitFor(() => !diagnosticFor(source, shownAs), `the ${id} diagnostic to go`);

      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'undo restores the report text');
      await waitFor(() => diagnosticFor(source, shownAs), `the ${id} diagnostic to come back`);
      await doc.save();
    }

    it('Mark Fixed writes the status into the report; undo restores text and diagnostic', () =>
      markAndUndo('auditLens.markFixed', report, 'H1', login, `**Status:** Fixed (${today()})`));

    it('Mark Deferred does the same', () => markAndUndo('auditLens.markDeferred', report, 'M1', handler, `**Status:** Deferred (${today()})`));

    it('Mark False Positive sets a table row\'s Status cell', () =>
      markAndUndo('auditLens.markFalsePositive', table, 'R1', handler, `| \`src/api/handler.ts:13-15\` | False positive (${today()}) |`));

    it('Mark Fixed on a checklist item ticks it and writes the status', () =>
      markAndUndo('auditLens.markFixed', checklist, 'debug-endpoint-enabled-in-production', handler, `- [x] **HIGH: Debug endpoint enabled in production** in \`src/api/handler.ts:22\` **Status:** Fixed (${today()})`, 'Debug endpoint enabled in production'));

    it('Reopen Finding brings a fixed finding back into the code; undo hides it again', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      const before = doc.getText();
      assert.equal(diagnosticFor(handler, 'L1'), undefined);
      await vscode.commands.executeCommand('auditLens.reopenFinding', key(report, 'L1'));
      // Reopening writes a clean `Open`, never `Open (date)` (issue #6, item 2).
      assert.ok(doc.getText().includes('**Status:** Open\n'));
      const d = await waitFor(() => diagnosticFor(handler, 'L1'), 'L1 to show');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before);
      await waitFor(() => !diagnosticFor(handler, 'L1'), 'L1 to hide again');
      await doc.save();
    });

    it('Set Finding Status… writes the chosen status with a note', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('auditLens.setFindingStatus', key(report, 'M2'), undefined, { status: 'accepted', note: 'admin address is public anyway' });
      // Heading, blank line, severity, then the status field, whose value is replaced.
      const line = doc.lineAt(lineOf(doc.getText(), '### [M2]') + 3 - 1).text;
      assert.equal(line, `**Status:** Accepted (${today()}): admin address is public anyway`);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await doc.save();
    });

    it('writes into an open report with unsaved changes, keeps them, and leaves it unsaved', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      const onDisk = await readDisk(report);
      // The user's own unsaved edit moves every finding down two lines.
      await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'Draft note, not saved yet.\n\n'));
      assert.ok(doc.isDirty);
      const results = await vscode.commands.executeCommand<WriteResult[]>('auditLens.markFixed', key(report, 'H1'));
      assert.equal(results[0].changed, 1);
      const text = doc.getText();
      assert.ok(text.includes('Draft note, not saved yet.'), 'the user\'s edit is kept');
      const heading = lineOf(text, '### [H1]');
      assert.equal(doc.lineAt(heading + 3 - 1).text, `**Status:** Fixed (${today()})`, 'the status lands in H1, wherever it moved');
      assert.equal(doc.isDirty, true, 'a report with the user\'s unsaved edits is not saved for them');
      assert.equal(await readDisk(report), onDisk, 'nothing was written to disk');
      await waitFor(() => !diagnosticFor(login, 'H1'), 'H1 to go (read from the buffer)');
      await restore(doc);
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 back once the report is restored');
    });

    it('finds the finding again by id when the report changed since it was indexed', async () => {
      const { index, writer } = await api();
      const stale = index.findingByKey(key(report, 'C1'))!;
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- moved -->\n'));
      // Straight away, before the index has read the edit: the finding object is stale.
      const [result] = await writer.setStatus([stale], { status: 'fixed' });
      assert.equal(result.error, undefined);
      const text = doc.getText();
      assert.equal(doc.lineAt(lineOf(text, '### [C1]') + 2 - 1).text, '**Severity:** Critical');
      assert.ok(text.includes(`**Status:** Fixed (${today()})\n**Location:** \`src/db/query.py:5\``));
    });

    it('writes nothing and says so when the finding is gone from the report', async () => {
      const { index, writer } = await api();
      const stale = index.findingByKey(key(report, 'M1'))!;
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      const start = lineOf(doc.getText(), '### [M1]') - 1;
      const end = lineOf(doc.getText(), '### [L1]') - 1;
      await editor.edit((b) => b.delete(new vscode.Range(start, 0, end, 0)));
      const afterDelete = doc.getText();
      const [result] = await writer.setStatus([stale], { status: 'fixed' });
      assert.equal(result.changed, 0);
      assert.match(result.error ?? '', /No finding with id "M1".*the report changed since it was read\. Nothing was written\./);
      assert.equal(doc.getText(), afterDelete, 'the report is untouched');
    });

    it('applies one status to every finding selected in the tree, across reports', async () => {
      const { tree } = await api();
      await tree.setGrouping('severity');
      const high = tree.getChildren().find((g): g is GroupNode => g.type === 'group' && g.id === 'severity:high')!;
      const nodes = tree.getChildren(high) as FindingNode[];
      const picked = nodes.filter((n) => ['H1', 'R1'].includes(n.finding.finding.id));
      assert.equal(picked.length, 2);
      const results = await vscode.commands.executeCommand<WriteResult[]>('auditLens.markDeferred', picked[0], picked);
      assert.deepEqual(results.map((r) => r.changed), [1, 1], 'one change in each report');
      await waitFor(() => !diagnosticFor(login, 'H1') && !diagnosticFor(handler, 'R1'), 'H1 and R1 to go');
      for (const uri of [report, table]) {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('undo');
        await doc.save();
      }
      await waitFor(() => diagnosticFor(login, 'H1') && diagnosticFor(handler, 'R1'), 'H1 and R1 back');
    });

    it('acts on the finding at the cursor when given none', async () => {
      const doc = await vscode.workspace.openTextDocument(login);
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(9, 3, 9, 3); // line 10: R3
      const results = await vscode.commands.executeCommand<WriteResult[]>('auditLens.markFixed');
      assert.equal(results[0].report.toString(), table.toString());
      const reportDoc = await vscode.workspace.openTextDocument(table);
      assert.ok(reportDoc.getText().includes(`| R3 | Medium | Password policy too weak | \`src/auth/login.ts:10\` | Fixed (${today()}) |`));
      await waitFor(() => !diagnosticFor(login, 'R3'), 'R3 to go');
      await vscode.window.showTextDocument(reportDoc);
      await vscode.commands.executeCommand('undo');
      await reportDoc.save();
      await waitFor(() => diagnosticFor(login, 'R3'), 'R3 back');
    });

    it('asks with a list of findings when there is no finding at the cursor nor a selection', async () => {
      await closeEditors();
      // Not awaited: the command waits for the list, which the test accepts as a user would.
      const running = vscode.commands.executeCommand<WriteResult[]>('auditLens.markFixed');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const results = await running;
      // Most severe first: the critical C1 heads the list of open findings.
      assert.deepEqual(results.map((r) => [r.report.toString(), r.changed]), [[report.toString(), 1]]);
      const doc = await vscode.workspace.openTextDocument(report);
      assert.ok(doc.getText().includes(`**Status:** Fixed (${today()})\n**Location:** \`src/db/query.py:5\``), 'C1 was marked fixed');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await doc.save();
      await waitFor(() => diagnosticFor(fixture('src/db/query.py'), 'C1'), 'C1 back');
    });
  });
}
