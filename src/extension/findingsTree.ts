import * as vscode from 'vscode';
import { CONTEXT_KEYS, FINDINGS_VIEW_ID } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { findingTreeItem, groupTreeItem } from './findingItem';
import type { IndexedFinding } from './indexModel';
import { summarize } from './summary';
import { displayPath } from './uris';
import { GROUPINGS, groupFindings, isFiltered, passesFilter, type FindingFilter, type FindingNode, type Grouping, type TreeNode } from './treeModel';

const GROUPING_KEY = 'auditLens.grouping';
const FILTER_KEY = 'auditLens.filter';

/** The "Audit Findings" tree: groups with counts, findings with status actions, a badge with the open count. */
export class FindingsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<TreeNode>;
  private groups = new Map<string, TreeNode[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private groupingValue: Grouping;
  private filterValue: FindingFilter;
  private readonly contextValues = new Map<string, boolean>();

  constructor(
    private readonly index: FindingIndex,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.groupingValue = saved && GROUPINGS.includes(saved) ? saved : 'severity';
    this.filterValue = state.get<FindingFilter>(FILTER_KEY) ?? {};
    this.view = vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    this.disposables.push(this.view, this.changeEmitter, index.onDidChange((c) => {
        if (c.findingsChanged) this.refresh();
      }));
    this.refresh();
  }

  get grouping(): Grouping {
    return this.groupingValue;
  }

  get filter(): FindingFilter {
    return this.filterValue;
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.groupingValue = grouping;
    await this.state.update(GROUPING_KEY, grouping);
    this.refresh();
  }

  async setFilter(filter: FindingFilter): Promise<void> {
    this.filterValue = filter;
    await this.state.update(FILTER_KEY, isFiltered(filter) ? filter : undefined);
    this.refresh();
  }

  /** The findings selected in the tree (several with multi-select), current versions. */
  selectedFindings(): IndexedFinding[] {
    return this.view.selection
      .filter((n): n is FindingNode => n.type === 'finding')
      .map((n) => this.index.findingByKey(n.finding.key) ?? n.finding);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.type === 'group' ? groupTreeItem(node) : findingTreeItem(node, displayPath);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.type === 'group' ? (this.groups.get(node.id) ?? []) : [];
    const visible = [...this.index.findings()].filter((f) => passesFilter(f, this.filterValue));
    const groups = groupFindings(visible, this.groupingValue, displayPath);
    this.groups = new Map(
      groups.map((g) => [g.id, g.findings.map((f): FindingNode => ({ type: 'finding', id: `${g.id}/${f.key}`, finding: f, grouping: this.groupingValue }))]),
    );
    return groups;
  }

  refresh(): void {
    const summary = summarize(this.index.findings());
    this.view.badge = summary.open > 0 ? { value: summary.open, tooltip: `${summary.open} open finding${summary.open === 1 ? '' : 's'}` } : undefined;
    const filtered = isFiltered(this.filterValue);
    const shown = filtered ? [...this.index.findings()].filter((f) => passesFilter(f, this.filterValue)).length : summary.total;
    this.view.message = filtered ? `Filtered: ${shown} of ${summary.total} findings.` : undefined;
    this.setContext(CONTEXT_KEYS.filtered, filtered);
    this.setContext(CONTEXT_KEYS.hasReports, this.index.reports().length > 0);
    this.setContext(CONTEXT_KEYS.ready, this.index.isReady);
    this.changeEmitter.fire(undefined);
  }

  /** Context keys for `when` clauses (welcome view, title buttons), set only when they change. */
  private setContext(key: string, value: boolean): void {
    if (this.contextValues.get(key) === value) return;
    this.contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
