import * as vscode from 'vscode';
import type { Severity, Status } from '../core';
import { COMMANDS } from './commandIds';
import { escapeMarkdown, findingMessage, hasOwnId, reportShortName, severityLabel, statusLabel } from './findingText';
import { locatedFiles, type IndexedFinding } from './indexModel';
import { needsRecheck, placeText, treeNote, writtenText } from './tracking/driftText';
import type { LiveLocation } from './tracking/locationTracker';
import { openCount, type FindingNode, type GroupNode, type Grouping, type SkippedNode, type SkippedReportNode } from './treeModel';

const STATUS_ICONS: Readonly<Record<Exclude<Status, 'open'>, vscode.ThemeIcon>> = {
  fixed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  deferred: new vscode.ThemeIcon('clock'),
  false_positive: new vscode.ThemeIcon('circle-slash'),
  accepted: new vscode.ThemeIcon('shield'),
};

const SEVERITY_ICONS: Readonly<Record<Severity | 'unrated', vscode.ThemeIcon>> = {
  critical: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
  high: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  medium: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  low: new vscode.ThemeIcon('info', new vscode.ThemeColor('charts.blue')),
  info: new vscode.ThemeIcon('lightbulb'),
  unrated: new vscode.ThemeIcon('circle-outline'),
};

export function findingIcon(f: IndexedFinding): vscode.ThemeIcon {
  return f.finding.status === 'open' ? SEVERITY_ICONS[f.finding.severity ?? 'unrated'] : STATUS_ICONS[f.finding.status];
}

/** Why a finding has no place in code: its paths name no file, or it gives none. */
export function noLocationText(f: IndexedFinding): string {
  return f.locations.length > 0 ? 'file not found' : 'no location';
}

/** The line a location is at now; the written one when its code is gone (the note says so). */
function shownLine(l: LiveLocation): number | null {
  return l.tracked.current?.startLine ?? l.tracked.written.startLine;
}

/** ` · changed` or ` · gone` when any location's code changed or went away since the report. */
export function driftNote(locations: readonly LiveLocation[]): string {
  const states = locations.map((l) => l.tracked.drift);
  return treeNote(states.find((d) => d.state === 'changed') ?? states.find((d) => d.state === 'gone') ?? { state: 'exact', base: null, baseSource: 'none' });
}

/** Whether the finding's code changed or went away: the tree filter's Needs re-check. */
export function findingNeedsRecheck(locations: readonly LiveLocation[]): boolean {
  return locations.some((l) => needsRecheck(l.tracked.drift));
}

/** `src/auth/login.ts:5`, where the finding points first (now); `file not found` or `no location` when nowhere. */
export function locationText(f: IndexedFinding, locations: readonly LiveLocation[], pathOf: (uri: vscode.Uri) => string): string {
  const first = locations.find((l) => l.uri);
  if (!first?.uri) return noLocationText(f);
  const line = shownLine(first);
  const more = locatedFiles(f).length > 1 ? ' +' : '';
  return `${pathOf(first.uri)}${line === null ? '' : `:${line}`}${more}${driftNote(locations)}`;
}

/** The file's name and line (`login.ts:5`), or just the line under a file group; '' when it points nowhere. */
function shortLocation(f: IndexedFinding, locations: readonly LiveLocation[], grouping: Grouping): string {
  const first = locations.find((l) => l.uri);
  if (!first?.uri) return '';
  const line = shownLine(first);
  const note = driftNote(locations);
  if (grouping === 'file') return line === null ? note.slice(3) : `line ${line}${note}`;
  const name = first.uri.path.slice(first.uri.path.lastIndexOf('/') + 1);
  return `${name}${line === null ? '' : `:${line}`}${locatedFiles(f).length > 1 ? ' +' : ''}${note}`;
}

/**
 * A finding's row, made to be read in a narrow side bar: the short part first, so that the
 * place in code stays visible when the title is cut. With its own id: `H1` then
 * `login.ts:6 · Title`; with a derived one (never shown): `login.ts:6` then the title; the
 * title alone when it points nowhere. An id another report uses too is followed by that
 * report's short name.
 */
export function findingLabels(node: FindingNode): { label: string; description: string } {
  const f = node.finding;
  const where = shortLocation(f, node.locations, node.grouping);
  if (hasOwnId(f.finding)) {
    const label = node.sharedId ? `${f.finding.id} · ${reportShortName(f.report.relPath)}` : f.finding.id;
    return { label, description: [where || (node.grouping === 'file' ? '' : noLocationText(f)), f.finding.title].filter((p) => p !== '').join(' · ') };
  }
  if (where !== '') return { label: where, description: f.finding.title };
  return { label: f.finding.title, description: node.grouping === 'file' ? '' : noLocationText(f) };
}

/** The URI a finding's row carries, so that the decoration provider can dim it. */
export function findingRowUri(findingKeyText: string): vscode.Uri {
  return vscode.Uri.from({ scheme: FINDING_ROW_SCHEME, path: '/' + encodeURIComponent(findingKeyText) });
}

export const FINDING_ROW_SCHEME = 'audit-lens-finding';

export function findingTreeItem(node: FindingNode, pathOf: (uri: vscode.Uri) => string): vscode.TreeItem {
  const f = node.finding;
  const { label, description } = findingLabels(node);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.changed ? `${statusLabel(f.finding.status)} · ${description}` : description;
  item.iconPath = findingIcon(f);
  // A row whose status just changed offers no inline action: a second click in the same place does nothing.
  item.contextValue = `finding.${f.finding.status}${node.changed ? '.changed' : ''}`;
  if (node.changed) item.resourceUri = findingRowUri(f.key);
  item.tooltip = findingTooltip(f, node.locations, pathOf, node.changed);
  item.command = { command: COMMANDS.revealFinding, title: 'Reveal Finding', arguments: [f.key] };
  item.accessibilityInformation = {
    label: `${hasOwnId(f.finding) ? `${f.finding.id}, ` : ''}${f.finding.title}, ${severityLabel(f.finding.severity)}, ${statusLabel(f.finding.status)}, ${locationText(f, node.locations, pathOf)}`,
  };
  return item;
}

/** `High (3)`: the count is of open findings, as everywhere else; a group with none open has no count. */
export function groupTreeItem(node: GroupNode): vscode.TreeItem {
  const open = openCount(node.findings);
  const item = new vscode.TreeItem(open > 0 ? `${node.label} (${open})` : node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.contextValue = 'group';
  if (node.resourceUri) {
    item.resourceUri = node.resourceUri;
    item.iconPath = vscode.ThemeIcon.File;
    // The label above (with its count) wins over the file name.
  }
  const shown = node.findings.length;
  item.tooltip = `${open} open${shown > open ? `, ${shown - open} other shown` : ''}`;
  return item;
}

export function skippedTreeItem(node: SkippedNode): vscode.TreeItem {
  const n = node.reports.length;
  const item = new vscode.TreeItem(`${n} report${n === 1 ? '' : 's'} skipped`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.contextValue = 'skipped';
  item.tooltip = 'These reports could not be read; the Audit Lens output channel says why.';
  item.command = { command: COMMANDS.showOutput, title: 'Show the Audit Lens output' };
  return item;
}

export function skippedReportTreeItem(node: SkippedReportNode, pathOf: (uri: vscode.Uri) => string): vscode.TreeItem {
  const item = new vscode.TreeItem(pathOf(node.report.uri), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.report.reason;
  item.tooltip = `${pathOf(node.report.uri)}: ${node.report.reason}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.contextValue = 'skippedReport';
  item.command = { command: COMMANDS.showOutput, title: 'Show the Audit Lens output' };
  return item;
}

function findingTooltip(f: IndexedFinding, locations: readonly LiveLocation[], pathOf: (uri: vscode.Uri) => string, changed: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(findingMessage(f.finding))}**\n\n`);
  md.appendMarkdown(`${severityLabel(f.finding.severity)} · ${statusLabel(f.finding.status)}\n\n`);
  md.appendMarkdown(`Report: ${escapeMarkdown(pathOf(f.report.uri))}\n\n`);
  if (locations.length > 0) {
    md.appendMarkdown(locations.map((l) => `- ${escapeMarkdown(locationLine(l, pathOf))}`).join('\n'));
  }
  if (changed) md.appendMarkdown(`\n\n*Changed just now: the row stays here until you refresh the view.*`);
  return md;
}

/** `src/util.ts:10 → src/helpers/util.ts:10 (moved)`: as written, and where it is now when that differs. */
function locationLine(l: LiveLocation, pathOf: (uri: vscode.Uri) => string): string {
  const t = l.tracked;
  if (!l.uri) return `${t.written.path}${t.written.startLine === null ? '' : `:${t.written.startLine}`} (file not found)`;
  const written = writtenText(t);
  const now = placeText(pathOf(l.uri), t.current);
  const state = t.drift.state === 'exact' || t.drift.state === 'unknown' ? '' : ` (${t.drift.state}${t.drift.renamedFrom ? ', file renamed' : ''})`;
  if (t.drift.state === 'gone') return `${written} (gone: the code was deleted)`;
  return now === written || now.endsWith(written) && t.drift.state !== 'moved' ? `${now}${state}` : `${written} → ${now}${state}`;
}
