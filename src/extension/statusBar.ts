import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { severityLabel, statusLabel } from './findingText';
import { summarize, type FindingSummary } from './summary';
import { STATUSES, SEVERITIES } from '../core';

/** `$(shield) 12 open · 3 critical`; the critical part only when there are any. */
export function statusBarText(s: FindingSummary): string {
  return `$(shield) ${s.open} open${s.openBySeverity.critical > 0 ? ` · ${s.openBySeverity.critical} critical` : ''}`;
}

function tooltip(s: FindingSummary, reports: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**Audit Lens**: ${s.total} finding${s.total === 1 ? '' : 's'} in ${reports} report${reports === 1 ? '' : 's'}\n\n`);
  md.appendMarkdown('| Open by severity | |\n|---|--:|\n');
  for (const sev of [...SEVERITIES, null]) {
    const n = s.openBySeverity[sev ?? 'unrated'];
    if (n > 0 || sev !== null) md.appendMarkdown(`| ${severityLabel(sev)} | ${n} |\n`);
  }
  md.appendMarkdown('\n| By status | |\n|---|--:|\n');
  for (const st of STATUSES) md.appendMarkdown(`| ${statusLabel(st)} | ${s.byStatus[st]} |\n`);
  md.appendMarkdown('\nClick to show the findings.');
  return md;
}

/** The status bar entry: open findings at a glance; hidden while the workspace has no report. */
export class FindingsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('auditLens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: FindingIndex) {
    this.item.name = 'Audit Lens';
    this.item.command = COMMANDS.focusFindingsView;
    this.subscription = index.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const reports = this.index.reports().length;
    if (reports === 0) {
      this.item.hide();
      return;
    }
    const s = summarize(this.index.findings());
    this.item.text = statusBarText(s);
    this.item.tooltip = tooltip(s, reports);
    this.item.accessibilityInformation = { label: `Audit Lens: ${s.open} open findings, ${s.openBySeverity.critical} critical` };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
