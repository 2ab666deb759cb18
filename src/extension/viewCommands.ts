import * as vscode from 'vscode';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../core';
import { COMMANDS, FINDINGS_VIEW_ID } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { severityLabel, statusLabel } from './findingText';
import type { FindingsTree } from './findingsTree';
import { GROUPINGS, type FindingFilter, type Grouping } from './treeModel';

export interface ViewCommandDeps {
  index: FindingIndex;
  tree: FindingsTree;
  log: vscode.OutputChannel;
}

const GROUPING_LABELS: Readonly<Record<Grouping, string>> = {
  severity: 'Severity',
  file: 'File',
  report: 'Report',
  status: 'Status',
};

async function changeGrouping(tree: FindingsTree, arg: unknown): Promise<void> {
  if (typeof arg === 'string' && (GROUPINGS as readonly string[]).includes(arg)) return tree.setGrouping(arg as Grouping);
  const picked = await vscode.window.showQuickPick(
    GROUPINGS.map((g) => ({ label: GROUPING_LABELS[g], description: g === tree.grouping ? 'current' : undefined, grouping: g })),
    { title: 'Group findings by' },
  );
  if (picked) await tree.setGrouping(picked.grouping);
}

/** One multi-select list of severities and statuses; leaving every box of a kind ticked means "all". */
async function filterFindings(tree: FindingsTree, arg: unknown): Promise<void> {
  if (arg && typeof arg === 'object') return tree.setFilter(arg as FindingFilter);
  const current = tree.filter;
  type Item = vscode.QuickPickItem & { severity?: Severity | 'unrated'; status?: Status; recheck?: boolean };
  const sevs: (Severity | 'unrated')[] = [...SEVERITIES, 'unrated'];
  const items: Item[] = [
    { label: 'Severity', kind: vscode.QuickPickItemKind.Separator },
    ...sevs.map((s) => ({ label: severityLabel(s === 'unrated' ? null : s), severity: s, picked: !current.severities || current.severities.includes(s) })),
    { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
    ...STATUSES.map((s) => ({ label: statusLabel(s), status: s, picked: !current.statuses || current.statuses.includes(s) })),
    { label: 'Code', kind: vscode.QuickPickItemKind.Separator },
    { label: 'Needs re-check', description: 'only findings whose code changed or was deleted since the report', recheck: true, picked: current.recheck === true },
  ];
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Show findings with these severities and statuses' });
  if (!picked) return;
  const severities = picked.flatMap((i) => (i.severity ? [i.severity] : []));
  const statuses = picked.flatMap((i) => (i.status ? [i.status] : []));
  const recheck = picked.some((i) => i.recheck) ? { recheck: true } : {};
  await tree.setFilter({
    ...recheck,
    severities: severities.length === sevs.length || severities.length === 0 ? undefined : severities,
    statuses: statuses.length === STATUSES.length || statuses.length === 0 ? undefined : statuses,
  });
}

/** Refresh, the output channel, and the tree's title-bar commands (grouping, filter, Show Closed). */
export function registerViewCommands({ index, tree, log }: ViewCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    // A refresh the user starts also lays the rows out afresh (rows kept in place leave).
    vscode.commands.registerCommand(COMMANDS.refresh, async () => {
      await vscode.window.withProgress({ location: { viewId: FINDINGS_VIEW_ID }, title: 'Reading audit reports' }, () => index.reindex());
      tree.relayout();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show(true)),
    vscode.commands.registerCommand(COMMANDS.showClosed, () => tree.setShowClosed(true)),
    vscode.commands.registerCommand(COMMANDS.hideClosed, () => tree.setShowClosed(false)),
    vscode.commands.registerCommand(COMMANDS.changeGrouping, (arg?: unknown) => changeGrouping(tree, arg)),
    vscode.commands.registerCommand(COMMANDS.filterFindings, (arg?: unknown) => filterFindings(tree, arg)),
    vscode.commands.registerCommand(COMMANDS.clearFilter, () => tree.setFilter({})),
  );
}
