/** The reason shown for a report skipped because reading it took longer than `budgetMs`. */
export function budgetReason(budgetMs: number): string {
  return `Skipped: took longer than ${duration(budgetMs)} to read (auditLens.parseTimeoutMs).`;
}

/** `1 ms`, `750 ms`, `2 s`, `2.5 s`. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
