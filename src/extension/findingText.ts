import { STATUS_LABELS, type Finding, type Severity, type Status } from '../core';

/** How findings are named in the UI. Pure. */

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Most severe first; a finding with no severity sorts last. */
export const SEVERITY_ORDER: readonly (Severity | null)[] = ['critical', 'high', 'medium', 'low', 'info', null];

export function severityLabel(severity: Severity | null): string {
  return severity ? SEVERITY_LABELS[severity] : 'Unrated';
}

export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

export function severityRank(severity: Severity | null): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** Whether the id is the report's own (`H1`, `M-03`) rather than one derived from the title (`unbounded-search-limit`). */
export function hasOwnId(f: Finding): boolean {
  return f.reportId !== null;
}

/** `[H1] Title` with the report's own id, the title alone otherwise: the diagnostic message. */
export function findingMessage(f: Finding): string {
  return hasOwnId(f) ? `[${f.id}] ${f.title}` : f.title;
}

/** How a command or a message names one finding: its own id, or its title shortened. */
export function findingName(f: Finding, max = 40): string {
  return hasOwnId(f) ? f.id : `"${shorten(f.title, max)}"`;
}

/** A report's short name: its file name without the extension (`api-review`). */
export function reportShortName(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** Closed findings are fixed, false positives or accepted; deferred is neither open nor closed. */
export function isClosed(status: Status): boolean {
  return status === 'fixed' || status === 'false_positive' || status === 'accepted';
}

/** Markdown syntax in a plain string (a title, a path) is shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}
