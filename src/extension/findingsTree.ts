import * as vscode from 'vscode';
import { CONTEXT_KEYS, FINDINGS_VIEW_ID } from './commandIds';
import type { FindingIndex } from './findingIndex';
import type { LocationTracker } from './tracking/locationTracker';
import { findingNeedsRecheck, findingTreeItem, groupTreeItem, skippedReportTreeItem, skippedTreeItem } from './findingItem';
import { hasOwnId } from './findingText';
import type { IndexedFinding } from './indexModel';
import { KeyedThrottle } from './throttle';
import { displayPath } from './uris';
import {
  arrangeFindings,
  GROUPINGS,
  isFiltered,
  passesFilter,
  type FindingFilter,
  type FindingNode,
  type Grouping,
  type Layout,
  type SkippedNode,
  type TreeNode,
} from './treeModel';

const GROUPING_KEY = 'auditLens.grouping';
const FILTER_KEY = 'auditLens.filter';
const SHOW_CLOSED_KEY = 'auditLens.showClosed';

/**
 * The Findings tree: groups with open counts, findings with status actions, a badge with the
 * open count, and a warning row for reports that could not be read. It shows open findings
 * unless Show Closed is on (or a filter names other statuses). Rows stay where they are while
 * the user works: a finding whose status changes keeps its row, dimmed, until the user lays
 * the tree out again (Refresh, grouping, filter, Show Closed, or showing the view anew).
 */
export class FindingsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly rowsEmitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  /** The rows whose look (dimmed or not) may have changed, for the decoration provider. */
  readonly onDidChangeRows = this.rowsEmitter.event;
  readonly view: vscode.TreeView<TreeNode>;
  private children = new Map<string, TreeNode[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private groupingValue: Grouping;
  private filterValue: FindingFilter;
  private showClosedValue: boolean;
  private layout: Layout | undefined;
  private changedKeys = new Set<string>();
  private readonly contextValues = new Map<string, boolean>();
  private readonly trackerRefresh = new KeyedThrottle<string>(500, () => this.refresh());

  constructor(
    private readonly index: FindingIndex,
    private readonly state: vscode.Memento,
    private readonly tracker: LocationTracker,
  ) {
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.groupingValue = saved && GROUPINGS.includes(saved) ? saved : 'severity';
    this.filterValue = state.get<FindingFilter>(FILTER_KEY) ?? {};
    this.showClosedValue = state.get<boolean>(SHOW_CLOSED_KEY) ?? false;
    this.view = vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      this.rowsEmitter,
      index.onDidChange((c) => {
        if (c.findingsChanged) this.refresh();
      }),
      // Places and drift notes change as the code does; while the user types, at most twice a second.
      this.trackerRefresh,
      tracker.onDidChange(() => this.trackerRefresh.schedule('tree')),
      // Coming back to the view is moving on: the rows are laid out afresh.
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.relayout();
      }),
    );
    this.refresh();
  }

  get grouping(): Grouping {
    return this.groupingValue;
  }

  get filter(): FindingFilter {
    return this.filterValue;
  }

  get showClosed(): boolean {
    return this.showClosedValue;
  }

  /** Whether a finding's row is kept in place, dimmed, after its status changed. */
  isChangedRow(findingKeyText: string): boolean {
    return this.changedKeys.has(findingKeyText);
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.groupingValue = grouping;
    await this.state.update(GROUPING_KEY, grouping);
    this.relayout();
  }

  async setFilter(filter: FindingFilter): Promise<void> {
    this.filterValue = filter;
    await this.state.update(FILTER_KEY, isFiltered(filter) ? filter : undefined);
    this.relayout();
  }

  async setShowClosed(show: boolean): Promise<void> {
    this.showClosedValue = show;
    await this.state.update(SHOW_CLOSED_KEY, show);
    this.relayout();
  }

  /** The user starts over: rows are sorted and filtered again, changed ones leave or move. */
  relayout(): void {
    this.layout = undefined;
    this.refresh();
  }

  /** The findings selected in the tree (several with multi-select), current versions. */
  selectedFindings(): IndexedFinding[] {
    return this.view.selection
      .filter((n): n is FindingNode => n.type === 'finding')
      .map((n) => this.index.findingByKey(n.finding.key) ?? n.finding);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return groupTreeItem(node);
      case 'finding':
        return findingTreeItem(node, displayPath);
      case 'skipped':
        return skippedTreeItem(node);
      case 'skippedReport':
        return skippedReportTreeItem(node, displayPath);
    }
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return this.children.get(node.id) ?? [];
    const { groups, layout } = arrangeFindings(this.index.findings(), this.groupingValue, displayPath, (f) => this.shows(f), this.layout);
    this.layout = layout;
    const before = this.changedKeys;
    this.changedKeys = new Set([...layout].filter(([key, row]) => this.index.findingByKey(key)?.finding.status !== row.status).map(([key]) => key));
    const shared = sharedIds(this.index.findings());
    this.children = new Map(
      groups.map((g) => [
        g.id,
        g.findings.map((f): FindingNode => ({
          type: 'finding',
          id: `${g.id}/${f.key}`,
          finding: f,
          locations: this.tracker.locations(f),
          grouping: this.groupingValue,
          changed: this.changedKeys.has(f.key),
          sharedId: hasOwnId(f.finding) && shared.has(f.finding.id.toLowerCase()),
        })),
      ]),
    );
    if ([...before].some((k) => !this.changedKeys.has(k)) || [...this.changedKeys].some((k) => !before.has(k))) this.rowsEmitter.fire(undefined);
    const skipped = this.index.skippedReports();
    if (skipped.length === 0) return groups;
    const warning: SkippedNode = { type: 'skipped', id: 'skipped', reports: skipped };
    this.children.set(warning.id, skipped.map((report) => ({ type: 'skippedReport', id: `skipped/${report.uri.toString()}`, report })));
    return [warning, ...groups];
  }

  refresh(): void {
    // The index keeps the counts as reports come and go: a refresh does not walk every finding.
    const summary = this.index.summary();
    this.view.badge = summary.open > 0 ? { value: summary.open, tooltip: `${summary.open} open finding${summary.open === 1 ? '' : 's'}` } : undefined;
    const filtered = isFiltered(this.filterValue);
    this.view.message = filtered ? this.filteredMessage(summary.open) : undefined;
    this.setContext(CONTEXT_KEYS.filtered, filtered);
    this.setContext(CONTEXT_KEYS.showingClosed, this.showClosedValue);
    this.setContext(CONTEXT_KEYS.hasReports, this.index.reportCount > 0 || this.index.skippedReports().length > 0);
    this.setContext(CONTEXT_KEYS.ready, this.index.isReady);
    this.changeEmitter.fire(undefined);
  }

  /** What the view says while a filter is on: how many open findings it shows of all of them. */
  private filteredMessage(allOpen: number): string {
    const shown = [...this.index.findings()].filter((f) => this.shows(f));
    const open = shown.filter((f) => f.finding.status === 'open').length;
    return `Filtered: ${open} of ${allOpen} open findings${shown.length > open ? ` (and ${shown.length - open} other)` : ''}.`;
  }

  /** Open findings, or every one with Show Closed; a filter that names statuses decides itself. */
  private shows(f: IndexedFinding): boolean {
    if (!passesFilter(f, this.filterValue, (x) => findingNeedsRecheck(this.tracker.locations(x)))) return false;
    return this.showClosedValue || this.filterValue.statuses !== undefined || f.finding.status === 'open';
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

/** Own ids (case-insensitive) that more than one report uses. */
function sharedIds(findings: Iterable<IndexedFinding>): Set<string> {
  const reportsById = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!hasOwnId(f.finding)) continue;
    const id = f.finding.id.toLowerCase();
    let reports = reportsById.get(id);
    if (!reports) reportsById.set(id, (reports = new Set()));
    reports.add(f.report.key);
  }
  return new Set([...reportsById].filter(([, r]) => r.size > 1).map(([id]) => id));
}
