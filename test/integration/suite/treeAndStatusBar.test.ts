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
      await a.tree.setGrouping('severity');
      await closeEditors();
    });

    it('groups by severity, with counts in the labels and the most severe first', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'severity');
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)', 'Medium (3)', 'Low (4)', 'Info (1)']);
      const high = a.tree.getChildren()[1];
      assert.deepEqual(idsIn(a, high), ['debug-endpoint-enabled-in-production', 'H1', 'R1']);
    });

    it('groups by file, with an Unlocated group last', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'file');
      assert.equal(a.tree.grouping, 'file');
      assert.deepEqual(groupLabels(a), ['src/api/handler.ts (6)', 'src/auth/login.ts (3)', 'src/db/query.py (1)', 'Unlocated (2)']);
      const unlocated = a.tree.getChildren()[3];
      assert.deepEqual(idsIn(a, unlocated), ['M2', 'L2']);
      const fileItem = a.tree.getTreeItem(a.tree.getChildren()[0]);
      assert.equal(fileItem.resourceUri?.toString(), fixture('src/api/handler.ts').toString());
    });

    it('groups by report and by status', async () => {
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'report');
      assert.deepEqual(groupLabels(a), ['audits/checklist.md (2)', 'reviews/api-review.md (3)', 'SECURITY_AUDIT.md (7)']);
      await vscode.commands.executeCommand('auditLens.changeGrouping', 'status');
      assert.deepEqual(groupLabels(a), ['Open (8)', 'Fixed (2)', 'Deferred (1)', 'False positive (1)']);
    });

    it('shows each finding with its id, title, location, icon, context value and click command', () => {
      const high = a.tree.getChildren().find((g) => g.id === 'severity:high')!;
      const h1 = a.tree.getChildren(high).find((n) => (n as FindingNode).finding.finding.id === 'H1')!;
      const item = a.tree.getTreeItem(h1);
      assert.equal(item.label, '[H1] Session token compared with ==');
      assert.equal(item.description, 'src/auth/login.ts:6');
      assert.equal(item.contextValue, 'finding.open');
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
      assert.deepEqual([item.command?.command, item.command?.arguments], ['auditLens.revealFinding', [`${fixture('SECURITY_AUDIT.md').toString()}#H1`]]);
      const low = a.tree.getChildren().find((g) => g.id === 'severity:low')!;
      const l1 = a.tree.getChildren(low).find((n) => (n as FindingNode).finding.finding.id === 'L1')!;
      assert.equal(a.tree.getTreeItem(l1).contextValue, 'finding.fixed');
      assert.equal(a.tree.getTreeItem(l1).description, 'Fixed · src/api/handler.ts:9');
    });

    it('badges the view with the open count', () => {
      assert.deepEqual(a.tree.view.badge, { value: 8, tooltip: '8 open findings' });
    });

    it('filters by severity and status', async () => {
      await vscode.commands.executeCommand('auditLens.filterFindings', { severities: ['critical', 'high'], statuses: ['open'] });
      assert.deepEqual(groupLabels(a), ['Critical (1)', 'High (3)']);
      assert.equal(a.tree.view.message, 'Filtered: 4 of 12 findings.');
      assert.equal(a.tree.view.badge?.value, 8, 'the badge counts every open finding');
      await vscode.commands.executeCommand('auditLens.filterFindings', { statuses: ['fixed', 'false_positive'] });
      assert.deepEqual(groupLabels(a), ['Low (3)']);
      await vscode.commands.executeCommand('auditLens.clearFilter');
      assert.equal(a.tree.view.message, undefined);
      assert.equal(groupLabels(a).length, 5);
    });

    it('reveals the code when a finding is clicked, or its report section when it has no location', async () => {
      const { index } = a;
      const report = fixture('SECURITY_AUDIT.md');
      await vscode.commands.executeCommand('auditLens.revealFinding', `${report.toString()}#H1`);
      let editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), fixture('src/auth/login.ts').toString());
      assert.deepEqual([editor.selection.start.line, editor.selection.end.line], [5, 6]);
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
      assert.equal(item.command, 'auditLens.focusFindingsView');
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /12 findings in 3 reports/);
      assert.match(tooltip, /\*\*8 open\*\*: 1 critical · 3 high · 3 medium · 1 low/);
      assert.match(tooltip, /Fixed: 2 · Deferred: 1 · False positive: 1/);
      await vscode.commands.executeCommand('auditLens.focusFindingsView');
      await waitFor(() => a.tree.view.visible, 'the findings view to show');
    });
  });
}
