import { resolve } from 'node:path';
import type { ScanResult } from '../core';
import { asWritten, DriftTracker, type DriftDetail, type DriftReport } from '../node/git';
import { readReportFile } from './readReportFile';

/**
 * The scan's drift step (#10): every location gains `current` and `drift`, and `resolved`
 * becomes the file it points to now (after a rename). With `git` off (`--no-git`) nothing runs:
 * each location stays at its written lines, state `unknown`. A report that cannot be read again
 * keeps its locations as written, with the reason. `texts`, when given, are the reports' texts as
 * the scan read them, in order.
 */
export async function applyDrift(scan: ScanResult, useGit: boolean, texts?: readonly string[]): Promise<void> {
  const details = useGit ? await driftDetails(scan, texts) : null;
  scan.reports.forEach((r, i) =>
    r.findings.forEach((f, fi) =>
      f.locations.forEach((l, li) => {
        const t = details?.[i]?.[fi]?.[li]?.tracked ?? asWritten(l, l.resolved, useGit ? 'the report could not be read again' : 'mapping is off (--no-git); line numbers are as written');
        l.resolved = t.resolved;
        l.current = t.current;
        l.drift = t.drift;
      }),
    ),
  );
}

/** Each location of the scan's reports, mapped, with where it is written in its report. */
export async function driftDetails(scan: ScanResult, known?: readonly string[]): Promise<Array<DriftDetail[][] | null>> {
  // The scan's own texts when it kept them (`scan`); read again otherwise (`export`).
  const texts: Array<string | null> = known ? [...known] : await Promise.all(scan.reports.map(async (r) => {
    const read = await readReportFile(resolve(scan.root, r.path), scan.root);
    return read.ok ? read.text : null;
  }));
  const readable = scan.reports.flatMap((r, i): Array<{ i: number; report: DriftReport }> => (texts[i] === null ? [] : [{ i, report: { path: r.path, text: texts[i]!, findings: r.findings } }]));
  // The scan already resolved each written path in the working tree; reuse it, keyed by report and path.
  const now = new Map<string, string | null>();
  for (const r of scan.reports) for (const f of r.findings) for (const l of f.locations) now.set(`${r.path}\0${l.path}`, l.resolved);
  const tracked = await new DriftTracker(scan.root, { cache: false }).trackDetailed(readable.map((x) => x.report), (path, report) => now.get(`${report}\0${path}`) ?? null);
  const out: Array<DriftDetail[][] | null> = scan.reports.map(() => null);
  readable.forEach((x, k) => {
    out[x.i] = tracked[k];
  });
  return out;
}
