import type { ScanResult } from '../core';
import { DriftTracker, type DriftDetail, type DriftReport } from '../node/git';

/**
 * The scan's drift step (#10): every location gains `current` and `drift`, and `resolved`
 * becomes the file it points to now (after a rename). `texts` are the reports' texts as the scan
 * read them, in order (the drift step never reads a report again). Without git (`--no-git`, or
 * no repository) the scan marks each location as written instead (`markAsWritten`).
 */
export async function applyDrift(scan: ScanResult, texts: readonly string[]): Promise<void> {
  const details = await driftDetails(scan, texts);
  scan.reports.forEach((r, i) =>
    r.findings.forEach((f, fi) =>
      f.locations.forEach((l, li) => {
        const t = details[i][fi][li].tracked;
        l.resolved = t.resolved;
        l.current = t.current;
        l.drift = t.drift;
      }),
    ),
  );
}

/** Each location of the scan's reports, mapped, with where it is written in its report; `texts` as the scan read them. */
export async function driftDetails(scan: ScanResult, texts: readonly string[]): Promise<DriftDetail[][][]> {
  // The scan already resolved each written path in the working tree; reuse it, keyed by report and path.
  const now = new Map<string, string | null>();
  for (const r of scan.reports) for (const f of r.findings) for (const l of f.locations) now.set(`${r.path}\0${l.path}`, l.resolved);
  const reports: DriftReport[] = scan.reports.map((r, i) => ({ path: r.path, text: texts[i], findings: r.findings }));
  return new DriftTracker(scan.root, { cache: false }).trackDetailed(reports, (path, report) => now.get(`${report}\0${path}`) ?? null);
}
