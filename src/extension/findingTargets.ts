import * as vscode from 'vscode';
import type { FindingIndex } from './findingIndex';
import { findingIcon, locationText } from './findingItem';
import { severityLabel, statusLabel } from './findingText';
import type { FindingsTree } from './findingsTree';
import type { IndexedFinding } from './indexModel';
import { coreLine } from './lines';
import { compareFindings, type TreeNode } from './treeModel';
import { displayPath } from './uris';
import { coversLine, type LocationTracker } from './tracking/locationTracker';

export interface TargetDeps {
  index: FindingIndex;
  tree: FindingsTree;
  tracker: LocationTracker;
}

/** What a command may be handed: a finding key (CodeLens, hover, quick fix) or a tree node. */
export type FindingArg = string | TreeNode | undefined;

/** The findings a command's arguments name: a key, a tree item, or a tree item with the multi-selection. */
export function findingsFromArgs(index: FindingIndex, arg: unknown, selection?: unknown): IndexedFinding[] {
  const one = (a: unknown): IndexedFinding | undefined => {
    if (typeof a === 'string') return index.findingByKey(a);
    if (a && typeof a === 'object' && (a as TreeNode).type === 'finding') {
      const node = a as Extract<TreeNode, { type: 'finding' }>;
      return index.findingByKey(node.finding.key) ?? node.finding;
    }
    return undefined;
  };
  // A context-menu command on a multi-selection gets the clicked item and the whole selection.
  if (Array.isArray(selection) && selection.length > 0) {
    const all = selection.map(one).filter((f): f is IndexedFinding => f !== undefined);
    if (all.length > 0) return dedupe(all);
  }
  const f = one(arg);
  return f ? [f] : [];
}

/** The findings under the cursor: in a report, the one whose section holds it; in code, those on its line. */
export function findingsAtCursor({ index, tracker }: { index: FindingIndex; tracker: LocationTracker }, editor = vscode.window.activeTextEditor): IndexedFinding[] {
  if (!editor) return [];
  const line = coreLine(editor.selection.active);
  const report = index.report(editor.document.uri);
  if (report) {
    const inside = report.findings.filter((f) => line >= f.finding.reportRange.startLine && line <= f.finding.reportRange.endLine);
    // Nested findings: the innermost (latest starting) one.
    return inside.sort((a, b) => b.finding.reportRange.startLine - a.finding.reportRange.startLine).slice(0, 1);
  }
  // In code, the lines each location has now (the tracker's), not the written ones.
  const uri = editor.document.uri;
  return tracker.findingsInFile(uri).filter((f) => tracker.locationsIn(f, uri).some((l) => coversLine(l, line)));
}

/** A QuickPick of findings (id, severity, title, file), filtered as you type. */
export async function pickFinding(tracker: LocationTracker, findings: IndexedFinding[], placeHolder: string): Promise<IndexedFinding | undefined> {
  if (findings.length === 0) {
    void vscode.window.showInformationMessage('Audit Lens: no finding to choose from.');
    return undefined;
  }
  const items = [...findings].sort(compareFindings).map((f) => ({
    label: `$(${findingIcon(f).id}) ${f.finding.id}  ${f.finding.title}`,
    description: `${severityLabel(f.finding.severity)} · ${statusLabel(f.finding.status)}`,
    detail: `${locationText(f, tracker.locations(f), displayPath)} — ${displayPath(f.report.uri)}`,
    finding: f,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.finding;
}

/**
 * The findings a command acts on: those its arguments name; else the one at the cursor; else
 * the tree's selection; else one picked from a list. `applicable` narrows the choice at the
 * cursor and in the list (Reopen offers closed findings, say) when it leaves any.
 */
export async function resolveTargets(
  deps: TargetDeps,
  arg: unknown,
  selection: unknown,
  placeHolder: string,
  applicable: (f: IndexedFinding) => boolean = () => true,
): Promise<IndexedFinding[]> {
  const named = findingsFromArgs(deps.index, arg, selection);
  if (named.length > 0) return named;
  const prefer = (list: IndexedFinding[]): IndexedFinding[] => (list.some(applicable) ? list.filter(applicable) : list);
  const atCursor = prefer(findingsAtCursor(deps)).sort(compareFindings);
  if (atCursor.length > 0) return [atCursor[0]];
  const selected = deps.tree.selectedFindings();
  if (selected.length > 0) return selected;
  const picked = await pickFinding(deps.tracker, prefer([...deps.index.findings()]), placeHolder);
  return picked ? [picked] : [];
}

function dedupe(findings: IndexedFinding[]): IndexedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.key) && seen.add(f.key) !== undefined);
}
