import { deepStrictEqual } from 'node:assert';
import type { Finding, Severity, Status } from '../../src/core';
import type { IndexedFinding } from '../../src/extension/indexModel';
import { addToSummary, emptySummary, summarize } from '../../src/extension/summary';

/** An indexed finding with just what the counts read (the rest does not matter to them). */
function finding(severity: Severity | null, status: Status): IndexedFinding {
  return { finding: { severity, status } as Finding } as IndexedFinding;
}

describe('the running summary (status bar counts)', () => {
  const a = [finding('critical', 'open'), finding('high', 'fixed'), finding(null, 'open')];
  const b = [finding('critical', 'open'), finding('low', 'deferred')];

  it('counts findings by status, and open ones by severity', () => {
    deepStrictEqual(summarize([...a, ...b]), {
      total: 5,
      open: 3,
      openBySeverity: { critical: 2, high: 0, medium: 0, low: 0, info: 0, unrated: 1 },
      byStatus: { open: 3, fixed: 1, deferred: 1, false_positive: 0, accepted: 0 },
    });
  });

  it('takes a report out again exactly: adding and removing reports gives the counts of what is left', () => {
    const running = emptySummary();
    addToSummary(running, a);
    addToSummary(running, b);
    addToSummary(running, a, -1);
    deepStrictEqual(running, summarize(b));
    addToSummary(running, b, -1);
    deepStrictEqual(running, emptySummary());
  });
});
