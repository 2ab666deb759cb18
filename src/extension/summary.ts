import { STATUSES, type Severity, type Status } from '../core';
import type { IndexedFinding } from './indexModel';

export interface FindingSummary {
  total: number;
  open: number;
  /** Open findings by severity (`unrated` for none). */
  openBySeverity: Record<Severity | 'unrated', number>;
  byStatus: Record<Status, number>;
}

/** A summary of no findings. */
export function emptySummary(): FindingSummary {
  return {
    total: 0,
    open: 0,
    openBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0, unrated: 0 },
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
  };
}

/**
 * Adds findings to a summary in place (`sign` -1 takes them out again): the index keeps its
 * running summary this way, so that a changed report costs its own findings, not all of them.
 */
export function addToSummary(summary: FindingSummary, findings: Iterable<IndexedFinding>, sign: 1 | -1 = 1): void {
  for (const { finding } of findings) {
    summary.total += sign;
    summary.byStatus[finding.status] += sign;
    if (finding.status === 'open') summary.openBySeverity[finding.severity ?? 'unrated'] += sign;
  }
  summary.open = summary.byStatus.open;
}

/** Counts for the status bar and the tree's badge. Pure. */
export function summarize(findings: Iterable<IndexedFinding>): FindingSummary {
  const summary = emptySummary();
  addToSummary(summary, findings);
  return summary;
}
