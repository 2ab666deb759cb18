import * as vscode from 'vscode';
import { STATUSES, type Severity, type Status } from '../core';
import { severityLabel, severityRank, SEVERITY_ORDER, statusLabel } from './findingText';
import { locatedFiles, type IndexedFinding } from './indexModel';

export type Grouping = 'severity' | 'file' | 'report' | 'status';
export const GROUPINGS: readonly Grouping[] = ['severity', 'file', 'report', 'status'];

/** Which findings the tree shows; an absent list lets everything through. */
export interface FindingFilter {
  severities?: readonly (Severity | 'unrated')[];
  statuses?: readonly Status[];
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
  grouping: Grouping;
}

export type TreeNode = GroupNode | FindingNode;

export const UNLOCATED_GROUP = 'Unlocated';

export function passesFilter(f: IndexedFinding, filter: FindingFilter): boolean {
  const sev = f.finding.severity ?? 'unrated';
  return (!filter.severities || filter.severities.includes(sev)) && (!filter.statuses || filter.statuses.includes(f.finding.status));
}

export function isFiltered(filter: FindingFilter): boolean {
  return filter.severities !== undefined || filter.statuses !== undefined;
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
 * a finding goes under the first file it points to, and findings pointing nowhere under
 * "Unlocated".
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
  return [...groups.values()].sort((a, b) => groupOrder(a, grouping) - groupOrder(b, grouping) || a.label.localeCompare(b.label));
}

function groupOrder(g: GroupNode, grouping: Grouping): number {
  const key = g.id.slice(g.id.indexOf(':') + 1);
  if (grouping === 'severity') return SEVERITY_ORDER.indexOf(key === 'unrated' ? null : (key as Severity));
  if (grouping === 'status') return STATUSES.indexOf(key as Status);
  if (grouping === 'file' && key === '') return 1; // Unlocated goes last
  return 0;
}
