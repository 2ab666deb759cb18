import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditLensApi } from '../../../src/extension/extension';
import type { FindingNode, TreeNode } from '../../../src/extension/treeModel';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, waitFor } from './helpers';

function labelOf(a: AuditLensApi, node: TreeNode): string {
  const label = a.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function groupLabels(a: AuditLensApi): string[] {
  return a.tree.getChildren().map((g) => labelOf(a, g));
}

function idsIn(a: AuditLensApi, group: TreeNode): string[] {
  return a.tree.getChildren(group).map((n) => (n as FindingNode).finding.finding.id);
}

if (!MULTI_ROOT) {
  describe('Findings tree, status bar and navigation', () => {
    let a: AuditLensApi;

    before(async () => {
      a = await api();
      await waitFor(() => diagnosticFor(fixture('src/auth/login.ts'), 'H1'), 'H1 on login.ts');
    });

    afterEach(async () => {
      await a.tree.setFilter({});
      await a.tree.setShowClosed(false);
      await a.tree.setGrouping('severity');
      await closeEditors();
    });

    // The fixture's 12 findings: 8 open (C1, H1, R1 and the checklist's debug endpoint, M1, M2,
    // R3, L2), L1 and the ticked checklist item fixed, I1 deferred, R2 a false positive.
    it('shows open findings only by default, grouped by severity with open counts, the most severe first', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'severity');
      assert.equal(a.tree.showClosed, false);
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)', 'Medium (3)', 'Low (1)']);
      const high = a.tree.getChildren()[1];
      assert.deepEqual(idsIn(a, high), ['debug-endpoint-enabled-in-production', 'H1', 'R1']);
      assert.deepEqual(idsIn(a, a.tree.getChildren()[3]), ['L2'], 'the fixed L1 and the false-positive R2 are not shown');
    });

    it('Show Closed adds the closed findings, and every count still counts open ones', async () => {
      await vscode.commands.executeCommand('auditLens.showClosed');
      assert.equal(a.tree.showClosed, true);
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)', 'Medium (3)', 'Low (1)', 'Info']);
      assert.deepEqual(idsIn(a, a.tree.getChildren()[3]).sort(), ['L1', 'L2', 'R2', 'stack-traces-in-responses']);
      assert.equal(a.tree.view.badge?.value, 8);
      await vscode.commands.executeCommand('auditLens.hideClosed');
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)', 'Medium (3)', 'Low (1)']);
    });

    it('groups by file, with a "No file found" group last', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'file');
      assert.equal(a.tree.grouping, 'file');
      assert.deepEqual(groupLabels(a), ['src/api/handler.ts (3)', 'src/auth/login.ts (2)', 'src/db/query.py (1)', 'No file found (2)']);
      const none = a.tree.getChildren()[3];
      assert.deepEqual(idsIn(a, none), ['M2', 'L2']);
      const fileItem = a.tree.getTreeItem(a.tree.getChildren()[0]);
      assert.equal(fileItem.resourceUri?.toString(), fixture('src/api/handler.ts').toString());
      // Under a file group a row gives the line only.
      const rows = a.tree.getChildren(a.tree.getChildren()[0]) as FindingNode[];
      const row = (id: string) => a.tree.getTreeItem(rows.find((n) => n.finding.finding.id.startsWith(id))!);
      assert.deepEqual([row('M1').label, row('M1').description], ['M1', 'line 3 · No rate limit on the login route']);
      assert.deepEqual([row('debug-').label, row('debug-').description], ['line 22', 'Debug endpoint enabled in production']);
    });

    it('groups by report and by status', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'report');
      assert.deepEqual(groupLabels(a), ['audits/checklist.md (1)', 'reviews/api-review.md (2)', 'SECURITY_AUDIT.md (5)']);
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'status');
      assert.deepEqual(groupLabels(a), ['Open (8)']);
      await vscode.commands.executeCommand('auditLens.showClosed');
      assert.deepEqual(groupLabels(a), ['Open (8)', 'Fixed', 'Deferred', 'False positive']);
    });

    it('labels a finding by its own id with the place in code first, or by the place when its id is derived', async () => {
      const high = a.tree.getChildren().find((g) => g.id === 'severity:high')!;
      const h1 = a.tree.getChildren(high).find((n) => (n as FindingNode).finding.finding.id === 'H1')!;
      const item = a.tree.getTreeItem(h1);
      assert.equal(item.label, 'H1');
      assert.equal(item.description, 'login.ts:6 · Session token compared with ==');
      assert.equal(item.contextValue, 'finding.open');
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
      assert.deepEqual([item.command?.command, item.command?.arguments], ['auditLens.revealFinding', [`${fixture('SECURITY_AUDIT.md').toString()}#H1`]]);
      const slugged = a.tree.getTreeItem(a.tree.getChildren(high).find((n) => (n as FindingNode).finding.finding.id.startsWith('debug-'))!);
      assert.deepEqual([slugged.label, slugged.description], ['handler.ts:22', 'Debug endpoint enabled in production'], 'the slug id is not shown');
      const medium = a.tree.getChildren().find((g) => g.id === 'severity:medium')!;
      const m2 = a.tree.getTreeItem(a.tree.getChildren(medium).find((n) => (n as FindingNode).finding.finding.id === 'M2')!);
      assert.equal(m2.description, 'file not found · Hard-coded admin e-mail', 'a path that names no file');
      const low = a.tree.getChildren().find((g) => g.id === 'severity:low')!;
      const l2 = a.tree.getTreeItem(a.tree.getChildren(low)[0]);
      assert.equal(l2.description, 'no location · Security headers are not documented', 'a finding that cites no place');
      await a.tree.setShowClosed(true);
      const lowAll = a.tree.getChildren().find((g) => g.id === 'severity:low')!;
      const l1 = a.tree.getChildren(lowAll).find((n) => (n as FindingNode).finding.finding.id === 'L1')!;
      assert.equal(a.tree.getTreeItem(l1).contextValue, 'finding.fixed');
      assert.equal((a.tree.getTreeItem(l1).iconPath as vscode.ThemeIcon).id, 'pass');
    });

    it('badges the view with the open count', () => {
      assert.deepEqual(a.tree.view.badge, { value: 8, tooltip: '8 open findings' });
    });

    it('filters by severity and status', async () => {
      await vscode.commands.executeCommand('auditLens.filterFindings', { severities: ['critical', 'high'], statuses: ['open'] });
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)']);
      assert.equal(a.tree.view.message, 'Filtered: 4 of 8 open findings.');
      assert.equal(a.tree.view.badge?.value, 8, 'the badge counts every open finding');
      // A filter that names statuses shows them, Show Closed or not.
      await vscode.commands.executeCommand('auditLens.filterFindings', { statuses: ['fixed', 'false_positive'] });
      assert.deepEqual(groupLabels(a), ['Low']);
      assert.equal(a.tree.getChildren(a.tree.getChildren()[0]).length, 3);
      assert.equal(a.tree.view.message, 'Filtered: 0 of 8 open findings (and 3 other).');
      await vscode.commands.executeCommand('auditLens.clearFilter');
      assert.equal(a.tree.view.message, undefined);
      assert.equal(groupLabels(a).length, 4);
    });

    it('reveals the code when a finding is clicked, or its report section when it has no location', async () => {
      const { index } = a;
      const report = fixture('SECURITY_AUDIT.md');
      await vscode.commands.executeCommand('auditLens.revealFinding', `${report.toString()}#H1`);
      let editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), fixture('src/auth/login.ts').toString());
      // The cursor at the start of H1's range (lines 6-7), nothing selected: typing replaces no code.
      assert.ok(editor.selection.isEmpty, 'no selection');
      assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [5, editor.document.lineAt(5).firstNonWhitespaceCharacterIndex]);
      await vscode.commands.executeCommand('auditLens.revealFinding', `${report.toString()}#L2`);
      editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), report.toString());
      assert.equal(editor.selection.active.line, index.findingByKey(`${report.toString()}#L2`)!.finding.reportRange.startLine - 1);
    });

    it('goes to a finding in its report, and steps through findings in the code', async () => {
      const report = fixture('SECURITY_AUDIT.md');
      await vscode.commands.executeCommand('auditLens.goToFindingInReport', `${report.toString()}#C1`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), report.toString());
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, 6);

      const handler = await vscode.window.showTextDocument(fixture('src/api/handler.ts'));
      handler.selection = new vscode.Selection(0, 0, 0, 0);
      const visited: string[] = [];
      for (let i = 0; i < 3; i++) {
        await vscode.commands.executeCommand('auditLens.nextFinding');
        const e = vscode.window.activeTextEditor!;
        visited.push(`${vscode.workspace.asRelativePath(e.document.uri)}:${e.selection.active.line + 1}`);
      }
      assert.deepEqual(visited, ['src/api/handler.ts:3', 'src/api/handler.ts:13', 'src/api/handler.ts:22']);
      await vscode.commands.executeCommand('auditLens.nextFinding');
      assert.equal(vscode.workspace.asRelativePath(vscode.window.activeTextEditor!.document.uri), 'src/auth/login.ts', 'on to the next file');
      await vscode.commands.executeCommand('auditLens.previousFinding');
      const e = vscode.window.activeTextEditor!;
      assert.equal(`${vscode.workspace.asRelativePath(e.document.uri)}:${e.selection.active.line + 1}`, 'src/api/handler.ts:22');
    });

    it('shows open and critical counts in the status bar, with a breakdown, and focuses the tree on click', async () => {
      const item = a.statusBar.item;
      assert.equal(item.text, '$(shield) 8 open · 1 critical');
      assert.equal(item.command, 'auditLens.findings.focus', 'VS Code\'s own focus command: we contribute no second one');
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /12 findings in 3 reports/);
      assert.match(tooltip, /\*\*8 open\*\*: 1 critical · 3 high · 3 medium · 1 low/);
      assert.match(tooltip, /Fixed: 2 · Deferred: 1 · False positive: 1/);
      await vscode.commands.executeCommand('auditLens.findings.focus');
      await waitFor(() => a.tree.view.visible, 'the findings view to show');
    });
  });
}
