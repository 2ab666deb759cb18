import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditLensApi } from '../../../src/extension/extension';
import type { WriteResult } from '../../../src/extension/statusWriter';
import type { FindingNode, TreeNode } from '../../../src/extension/treeModel';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, readDisk, restore, setSetting, waitFor, writeDisk } from './helpers';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** Whether a `view/item/context` entry's `when` lets it show on a row with this context value (the clauses we use). */
function showsOn(entry: MenuEntry, contextValue: string): boolean {
  const when = entry.when ?? '';
  const eq = /viewItem == ([\w.]+)/.exec(when);
  if (eq) return eq[1] === contextValue;
  const re = /viewItem =~ \/((?:\\.|[^/])*)\//.exec(when);
  return re ? new RegExp(re[1]).test(contextValue) : true;
}

function highRows(a: AuditLensApi): FindingNode[] {
  const high = a.tree.getChildren().find((g) => g.id === 'severity:high') as TreeNode;
  return a.tree.getChildren(high) as FindingNode[];
}

if (!MULTI_ROOT) {
  describe('Triage that never surprises: rows in place, undo, long findings, the status picker', () => {
    const login = fixture('src/auth/login.ts');
    const handler = fixture('src/api/handler.ts');
    const report = fixture('SECURITY_AUDIT.md');
    const table = fixture('reviews/api-review.md');
    const key = (uri: vscode.Uri, id: string): string => `${uri.toString()}#${id}`;
    let a: AuditLensApi;
    let originals: Map<string, string>;

    before(async () => {
      a = await api();
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
      originals = new Map([[report.toString(), await readDisk(report)], [table.toString(), await readDisk(table)]]);
    });

    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await restore(doc);
      // Every test leaves the reports as they were on disk.
      for (const [uri, text] of originals) if ((await readDisk(vscode.Uri.parse(uri))) !== text) await writeDisk(vscode.Uri.parse(uri), text);
      await waitFor(() => diagnosticFor(login, 'H1') && diagnosticFor(handler, 'R1'), 'H1 and R1 back');
      await vscode.commands.executeCommand('notifications.clearAll');
      await a.tree.setGrouping('severity');
      await setSetting('auditLens.rangeHighlight', undefined);
      await closeEditors();
    });

    it('keeps a finding marked from the tree in its row, dimmed and without inline actions, until the user refreshes', async () => {
      a.tree.relayout();
      assert.deepEqual(highRows(a).map((n) => n.finding.finding.id), ['debug-endpoint-enabled-in-production', 'H1', 'R1']);
      const h1 = highRows(a)[1];
      // What the inline ✓ runs: the command with the row's node.
      await vscode.commands.executeCommand('auditLens.markFixed', h1);
      await waitFor(() => !diagnosticFor(login, 'H1'), 'H1 to close');
      const rows = highRows(a);
      assert.deepEqual(rows.map((n) => n.finding.finding.id), ['debug-endpoint-enabled-in-production', 'H1', 'R1'], 'no row moved: R1 did not slide under the pointer');
      const item = a.tree.getTreeItem(rows[1]);
      assert.equal(item.contextValue, 'finding.fixed.changed');
      assert.match(String(item.description), /^Fixed · /);
      assert.ok(a.tree.isChangedRow(rows[1].finding.key), 'the row is dimmed by the decoration provider');
      const inline = (vscode.extensions.getExtension('audit-lens.audit-lens')!.packageJSON.contributes.menus['view/item/context'] as MenuEntry[]).filter((e) => e.group?.startsWith('inline'));
      assert.deepEqual(inline.filter((e) => showsOn(e, item.contextValue!)).map((e) => e.command), [], 'a second click in the same place runs nothing');
      assert.ok(inline.some((e) => showsOn(e, 'finding.open')), 'while an open row has its inline actions');

      await vscode.commands.executeCommand('auditLens.refresh');
      assert.deepEqual(highRows(a).map((n) => n.finding.finding.id), ['debug-endpoint-enabled-in-production', 'R1'], 'a refresh the user starts lets it go');
    });

    it('Undo Last Status Change reverts a batch in every report it touched, with the reports closed', async () => {
      const rows = highRows(a).filter((n) => ['H1', 'R1'].includes(n.finding.finding.id));
      const results = await vscode.commands.executeCommand<WriteResult[]>('auditLens.markDeferred', rows[0], rows);
      assert.deepEqual(results.map((r) => r.changed), [1, 1]);
      await waitFor(() => !diagnosticFor(login, 'H1') && !diagnosticFor(handler, 'R1'), 'H1 and R1 to go');
      await closeEditors();
      await vscode.commands.executeCommand('auditLens.undoLastStatusChange');
      for (const [uri, text] of originals) assert.equal(await readDisk(vscode.Uri.parse(uri)), text, `${uri} is back, byte for byte, on disk`);
      await waitFor(() => diagnosticFor(login, 'H1') && diagnosticFor(handler, 'R1'), 'H1 and R1 back');
    });

    it('announces every status change with an Undo button that reverts it', async () => {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('auditLens.markFixed', key(report, 'M1'));
      await waitFor(() => !diagnosticFor(handler, 'M1'), 'M1 to go');
      assert.notEqual(await readDisk(report), originals.get(report.toString()));
      // The notification's primary action is its first button, Undo: what a click on it runs.
      await vscode.commands.executeCommand('notifications.focusToasts');
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      await waitFor(async () => (await readDisk(report)) === originals.get(report.toString()), 'the report back as it was');
      await waitFor(() => diagnosticFor(handler, 'M1'), 'M1 back');
    });

    it('undoes nothing in a report edited since the status change, and says so', async () => {
      await vscode.commands.executeCommand('auditLens.markFixed', key(report, 'C1'));
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- the user typed this -->\n'));
      const edited = doc.getText();
      const results = await vscode.commands.executeCommand<Array<{ error?: string }>>('auditLens.undoLastStatusChange');
      assert.equal(results.length, 1);
      assert.match(results[0].error ?? '', /changed after the status change; nothing was undone there/);
      assert.equal(doc.getText(), edited, 'the user\'s edit and the status are both still there');
    });

    it('squiggles the first line of a long finding, marks the whole range quietly, and reveals it with no selection', async () => {
      const doc = await vscode.workspace.openTextDocument(handler);
      await vscode.window.showTextDocument(doc);
      // R1 cites lines 13-15.
      const d = diagnosticFor(handler, 'R1')!;
      assert.deepEqual([d.range.start.line, d.range.end.line], [12, 12], 'one line of squiggle');
      const marks = await waitFor(() => {
        const m = a.highlights.marksIn(handler);
        return m.ranges.some((r) => r.start.line === 12 && r.end.line === 14) && m;
      }, 'the whole range marked');
      assert.equal(marks.background, true, 'with a light background by default');
      await setSetting('auditLens.rangeHighlight', false);
      await waitFor(() => a.highlights.marksIn(handler).background === false, 'the background off');
      assert.ok(a.highlights.marksIn(handler).ranges.some((r) => r.start.line === 12 && r.end.line === 14), 'the overview-ruler band stays');

      await vscode.commands.executeCommand('auditLens.revealFinding', key(table, 'R1'));
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), handler.toString());
      assert.ok(editor.selection.isEmpty, 'nothing selected');
      assert.equal(editor.selection.active.line, 12, 'the cursor on the first line of the range');
    });

    it('does not preselect the current status in the status picker', async () => {
      // Not awaited: the command waits for the list, which the test accepts as a user would (Enter).
      let settled = false;
      const running = vscode.commands.executeCommand<WriteResult[]>('auditLens.setFindingStatus', key(report, 'H1')).then((r) => {
        settled = true;
        return r;
      });
      // The list may take a moment to open on a busy machine: Enter until it has been taken.
      for (let i = 0; i < 30 && !settled; i++) {
        await new Promise((r) => setTimeout(r, 400));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const results = await running;
      assert.equal(results[0]?.changed, 1, 'Enter on the preselected entry changed the status: it was not the current one (Open)');
      assert.equal(a.index.findingByKey(key(report, 'H1'))?.finding.status, 'fixed', 'the first entry is the first other status');
    });
  });
}
