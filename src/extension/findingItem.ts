import * as vscode from 'vscode';
import type { Severity, Status } from '../core';
import { COMMANDS } from './commandIds';
import { escapeMarkdown, findingMessage, severityLabel, statusLabel } from './findingText';
import { locatedFiles, type IndexedFinding } from './indexModel';
import type { FindingNode, GroupNode } from './treeModel';

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

/** `login.ts:5`, where the finding points first; `unlocated` when nowhere. */
export function locationText(f: IndexedFinding, pathOf: (uri: vscode.Uri) => string): string {
  const first = f.locations.find((l) => l.uri);
  if (!first?.uri) return 'unlocated';
  const line = first.ref.startLine === null ? '' : `:${first.ref.startLine}`;
  const more = locatedFiles(f).length > 1 ? ' +' : '';
  return `${pathOf(first.uri)}${line}${more}`;
}

export function findingTreeItem(node: FindingNode, pathOf: (uri: vscode.Uri) => string): vscode.TreeItem {
  const f = node.finding;
  const item = new vscode.TreeItem(findingMessage(f.finding), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const parts: string[] = [];
  if (node.grouping !== 'severity') parts.push(severityLabel(f.finding.severity));
  if (node.grouping !== 'status' && f.finding.status !== 'open') parts.push(statusLabel(f.finding.status));
  if (node.grouping !== 'file') parts.push(locationText(f, pathOf));
  else if (node.grouping === 'file' && f.locations.some((l) => l.uri && l.ref.startLine !== null)) {
    parts.push(`line ${f.locations.find((l) => l.uri && l.ref.startLine !== null)!.ref.startLine}`);
  }
  item.description = parts.join(' · ');
  item.iconPath = findingIcon(f);
  item.contextValue = `finding.${f.finding.status}`;
  item.tooltip = findingTooltip(f, pathOf);
  item.command = { command: COMMANDS.revealFinding, title: 'Reveal Finding', arguments: [f.key] };
  item.accessibilityInformation = { label: `${f.finding.id}, ${f.finding.title}, ${severityLabel(f.finding.severity)}, ${statusLabel(f.finding.status)}` };
  return item;
}

export function groupTreeItem(node: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${node.label} (${node.findings.length})`, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.contextValue = 'group';
  if (node.resourceUri) {
    item.resourceUri = node.resourceUri;
    item.iconPath = vscode.ThemeIcon.File;
    // The label above (with its count) wins over the file name.
  }
  const open = node.findings.filter((f) => f.finding.status === 'open').length;
  item.tooltip = `${node.findings.length} finding${node.findings.length === 1 ? '' : 's'}, ${open} open`;
  return item;
}

function findingTooltip(f: IndexedFinding, pathOf: (uri: vscode.Uri) => string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(findingMessage(f.finding))}**\n\n`);
  md.appendMarkdown(`${severityLabel(f.finding.severity)} · ${statusLabel(f.finding.status)}\n\n`);
  md.appendMarkdown(`Report: ${escapeMarkdown(pathOf(f.report.uri))}\n\n`);
  if (f.locations.length > 0) {
    md.appendMarkdown(
      f.locations
        .map((l) => `- ${escapeMarkdown(l.uri ? pathOf(l.uri) : l.ref.path)}${l.ref.startLine === null ? '' : `:${l.ref.startLine}`}${l.uri ? '' : ' (no such file)'}`)
        .join('\n'),
    );
  }
  return md;
}
