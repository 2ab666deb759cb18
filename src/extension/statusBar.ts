import * as vscode from 'vscode';
import { FOCUS_FINDINGS_VIEW } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { severityLabel, statusLabel } from './findingText';
import type { FindingSummary } from './summary';
import { STATUSES, SEVERITIES } from '../core';

/** `$(shield) 12 open · 3 critical`; the critical part only when there are any. */
export function statusBarText(s: FindingSummary): string {
  return `$(shield) ${s.open} open${s.openBySeverity.critical > 0 ? ` · ${s.openBySeverity.critical} critical` : ''}`;
}

function tooltip(s: FindingSummary, reports: number): vscode.MarkdownString {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bySeverity = [...SEVERITIES, null]
    .map((sev) => [severityLabel(sev).toLowerCase(), s.openBySeverity[sev ?? 'unrated']] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  const closed = STATUSES.filter((st) => st !== 'open' && s.byStatus[st] > 0).map((st) => `${statusLabel(st)}: ${s.byStatus[st]}`);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**Audit Lens**: ${plural(s.total, 'finding')} in ${plural(reports, 'report')}\n\n`);
  md.appendMarkdown(`$(shield) **${s.open} open**${bySeverity.length > 0 ? `: ${bySeverity.join(' · ')}` : ''}\n\n`);
  if (closed.length > 0) md.appendMarkdown(`${closed.join(' · ')}\n\n`);
  md.appendMarkdown('Click to show the findings.');
  return md;
}

/** The status bar entry: open findings at a glance; hidden while the workspace has no report. */
export class FindingsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('auditLens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: FindingIndex) {
    this.item.name = 'Audit Lens';
    this.item.command = FOCUS_FINDINGS_VIEW;
    this.subscription = index.onDidChange((c) => {
      if (c.findingsChanged) this.update();
    });
    this.update();
  }

  update(): void {
    // The index keeps the counts: a change costs the reports it touched, not every finding.
    const reports = this.index.reportCount;
    if (reports === 0) {
      this.item.hide();
      return;
    }
    const s = this.index.summary();
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
