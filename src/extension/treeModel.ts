import * as vscode from 'vscode';
import { STATUSES, type Severity, type Status } from '../core';
import { severityLabel, severityRank, SEVERITY_ORDER, statusLabel } from './findingText';
import { locatedFiles, type IndexedFinding } from './indexModel';
import type { LiveLocation } from './tracking/locationTracker';

export type Grouping = 'severity' | 'file' | 'report' | 'status';
export const GROUPINGS: readonly Grouping[] = ['severity', 'file', 'report', 'status'];

/** Which findings the tree shows; an absent list lets everything through. */
export interface FindingFilter {
  severities?: readonly (Severity | 'unrated')[];
  statuses?: readonly Status[];
  /** Only findings whose code changed or went away since their report (Needs re-check). */
  recheck?: boolean;
}

export interface GroupNode {
  type: 'group';
  id: string;
  label: string;
  /** A file group shows the file's icon. */
  resourceUri?: vscode.Uri;
  findings: IndexedFinding[];
}

export interface FindingNode {
  type: 'finding';
  id: string;
  finding: IndexedFinding;
  /** Where its locations are now (the tracker's). */
  locations: readonly LiveLocation[];
  grouping: Grouping;
  /** Its status changed since the rows were laid out: it keeps its row, dimmed, with no inline actions. */
  changed: boolean;
  /** Another report has a finding with the same own id: the row names its report. */
  sharedId: boolean;
}

/** The warning row for reports that could not be read, and one row under it per report. */
export interface SkippedNode {
  type: 'skipped';
  id: string;
  reports: readonly SkippedReport[];
}

export interface SkippedReportNode {
  type: 'skippedReport';
  id: string;
  report: SkippedReport;
}

export interface SkippedReport {
  uri: vscode.Uri;
  reason: string;
}

export type TreeNode = GroupNode | FindingNode | SkippedNode | SkippedReportNode;

export const UNLOCATED_GROUP = 'No file found';

/**
 * Where each finding's row was when the user last laid the tree out (opened it, refreshed it,
 * changed its grouping, filter or Show Closed): its group, its place, its status then.
 */
export type Layout = ReadonlyMap<string, { group: Omit<GroupNode, 'findings'>; order: number; status: Status }>;

/**
 * The groups to show. Without a layout they are `groupFindings` of the findings `shown` lets
 * through. With one, every finding that had a row keeps it (group and place), even if it would
 * be hidden now, so that a status change never slides another row under the pointer; findings
 * new since then go to the end of their group. Returns the layout of what it shows.
 */
export function arrangeFindings(
  findings: Iterable<IndexedFinding>,
  grouping: Grouping,
  pathOf: (uri: vscode.Uri) => string,
  shown: (f: IndexedFinding) => boolean,
  previous?: Layout,
): { groups: GroupNode[]; layout: Layout } {
  const all = [...findings];
  if (!previous) {
    const groups = groupFindings(all.filter(shown), grouping, pathOf);
    const layout = new Map<string, { group: Omit<GroupNode, 'findings'>; order: number; status: Status }>();
    for (const g of groups) {
      const { findings: members, ...group } = g;
      members.forEach((f, i) => layout.set(f.key, { group, order: i, status: f.finding.status }));
    }
    return { groups, layout };
  }
  const natural = groupFindings(all.filter((f) => !previous.has(f.key) && shown(f)), grouping, pathOf);
  const groups = new Map<string, GroupNode>();
  const orders = new Map<string, number>();
  const place = (group: Omit<GroupNode, 'findings'>, f: IndexedFinding, order: number): void => {
    let g = groups.get(group.id);
    if (!g) {
      g = { ...group, findings: [] };
      groups.set(group.id, g);
    }
    g.findings.push(f);
    orders.set(f.key, order);
  };
  for (const f of all) {
    const was = previous.get(f.key);
    if (was) place(was.group, f, was.order);
  }
  for (const g of natural) {
    const { findings: members, ...group } = g;
    members.forEach((f, i) => place(group, f, Number.MAX_SAFE_INTEGER / 2 + i));
  }
  // Rows renumbered in their new order; a row keeps the status it was laid out with.
  const layout = new Map<string, { group: Omit<GroupNode, 'findings'>; order: number; status: Status }>();
  for (const g of groups.values()) {
    g.findings.sort((a, b) => orders.get(a.key)! - orders.get(b.key)!);
    const { findings: members, ...group } = g;
    members.forEach((f, i) => layout.set(f.key, { group, order: i, status: previous.get(f.key)?.status ?? f.finding.status }));
  }
  return { groups: sortGroups([...groups.values()], grouping), layout };
}

/** How many of a group's findings are open: what every count in the UI means. */
export function openCount(findings: readonly IndexedFinding[]): number {
  return findings.filter((f) => f.finding.status === 'open').length;
}

/** `needsRecheck` tells whether a finding's code changed or went away (asked only when the filter wants it). */
export function passesFilter(f: IndexedFinding, filter: FindingFilter, needsRecheck: (f: IndexedFinding) => boolean = () => false): boolean {
  const sev = f.finding.severity ?? 'unrated';
  return (!filter.severities || filter.severities.includes(sev)) && (!filter.statuses || filter.statuses.includes(f.finding.status)) && (!filter.recheck || needsRecheck(f));
}

export function isFiltered(filter: FindingFilter): boolean {
  return filter.severities !== undefined || filter.statuses !== undefined || filter.recheck === true;
}

/** Findings in a group: most severe first, then open before closed, then by id. */
export function compareFindings(a: IndexedFinding, b: IndexedFinding): number {
  return (
    severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
    STATUSES.indexOf(a.finding.status) - STATUSES.indexOf(b.finding.status) ||
    a.finding.id.localeCompare(b.finding.id, undefined, { numeric: true }) ||
    a.key.localeCompare(b.key)
  );
}

/**
 * The groups under one grouping, in display order, empty ones left out. In the file grouping
 * a finding goes under the first file it points to, and findings pointing to no file under
 * "No file found".
 */
export function groupFindings(findings: Iterable<IndexedFinding>, grouping: Grouping, pathOf: (uri: vscode.Uri) => string): GroupNode[] {
  const groups = new Map<string, GroupNode>();
  const add = (id: string, label: string, f: IndexedFinding, resourceUri?: vscode.Uri): void => {
    let g = groups.get(id);
    if (!g) {
      g = { type: 'group', id, label, findings: [], resourceUri };
      groups.set(id, g);
    }
    g.findings.push(f);
  };
  for (const f of findings) {
    switch (grouping) {
      case 'severity':
        add(`severity:${f.finding.severity ?? 'unrated'}`, severityLabel(f.finding.severity), f);
        break;
      case 'status':
        add(`status:${f.finding.status}`, statusLabel(f.finding.status), f);
        break;
      case 'report':
        add(`report:${f.report.key}`, pathOf(f.report.uri), f, f.report.uri);
        break;
      case 'file': {
        const file = locatedFiles(f)[0];
        if (file) add(`file:${file.toString()}`, pathOf(file), f, file);
        else add('file:', UNLOCATED_GROUP, f);
        break;
      }
    }
  }
  for (const g of groups.values()) g.findings.sort(compareFindings);
  return sortGroups([...groups.values()], grouping);
}

function sortGroups(groups: GroupNode[], grouping: Grouping): GroupNode[] {
  return groups.sort((a, b) => groupOrder(a, grouping) - groupOrder(b, grouping) || a.label.localeCompare(b.label));
}

function groupOrder(g: GroupNode, grouping: Grouping): number {
  const key = g.id.slice(g.id.indexOf(':') + 1);
  if (grouping === 'severity') return SEVERITY_ORDER.indexOf(key === 'unrated' ? null : (key as Severity));
  if (grouping === 'status') return STATUSES.indexOf(key as Status);
  if (grouping === 'file' && key === '') return 1; // No file found goes last
  return 0;
}
