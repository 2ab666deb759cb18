import { STATUSES, type Severity, type Status } from '../core';
import type { IndexedFinding } from './indexModel';

export interface FindingSummary {
  total: number;
  open: number;
  /** Open findings by severity (`unrated` for none). */
  openBySeverity: Record<Severity | 'unrated', number>;
  byStatus: Record<Status, number>;
}

/** Counts for the status bar and the tree's badge. Pure. */
export function summarize(findings: Iterable<IndexedFinding>): FindingSummary {
  const openBySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unrated: 0 };
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0;
  for (const { finding } of findings) {
    total++;
    byStatus[finding.status]++;
    if (finding.status === 'open') openBySeverity[finding.severity ?? 'unrated']++;
  }
  return { total, open: byStatus.open, openBySeverity, byStatus };
}
