/**
 * The order a scan reads a folder's reports in: nearest to the files the editors show first, so
 * that what the user looks at gets its findings first, then the rest as listed. "Near" is the
 * number of leading path segments a report's folder shares with a shown file: in a monorepo a
 * service's reports sit beside the code they cite (`services/billing/audits/…` and
 * `services/billing/src/…`), and a shown report is as near as it gets. Paths are relative to
 * the workspace folder, `/` separators. Pure; stable for reports equally near.
 */
export function readingOrder(reports: readonly string[], shown: readonly string[]): string[] {
  if (shown.length === 0) return [...reports];
  const shownParts = shown.map((p) => p.split('/'));
  const nearness = (report: string): number => {
    if (shown.includes(report)) return Number.MAX_SAFE_INTEGER;
    const dir = report.split('/').slice(0, -1);
    let best = 0;
    for (const parts of shownParts) {
      let n = 0;
      while (n < dir.length && n < parts.length - 1 && dir[n] === parts[n]) n++;
      if (n > best) best = n;
    }
    return best;
  };
  return reports
    .map((report, i) => ({ report, i, near: nearness(report) }))
    .sort((a, b) => b.near - a.near || a.i - b.i)
    .map((r) => r.report);
}
