import { parseArgs } from 'node:util';
import type { ScannedReport, ScanResult } from '../../core';
import type { CliIo } from '../cliIo';
import { ScanTableWriter } from '../formatTable';
import { resolveRoot } from '../resolveRoot';
import { cacheFileFor, ScanCache } from '../scanCache';
import { ScanJsonWriter } from '../scanJson';
import { scanEach, type ScanSummary } from '../scanRoot';
import { terminalSafe } from '../terminalText';

/**
 * Scans a root, with the cache if asked for, handing each report to `onReport` as it is read;
 * a cache that cannot be saved is a warning.
 */
export async function scanEachWith(rootArg: string | undefined, files: string[], useCache: boolean, version: string, io: CliIo, onReport: (r: ScannedReport, root: string) => void): Promise<ScanSummary> {
  const root = await resolveRoot(rootArg);
  const cache = useCache ? await ScanCache.load(cacheFileFor(root), version) : undefined;
  const summary = await scanEach({ root, files, cache }, (r) => onReport(r, root));
  const failed = await cache?.save();
  if (failed) io.err(`audit-lens: warning: the cache was not saved: ${terminalSafe(failed)}`);
  return summary;
}

/** Scans a root into one result holding every report (for outputs that need them all at once). */
export async function scanWith(rootArg: string | undefined, files: string[], useCache: boolean, version: string, io: CliIo): Promise<ScanResult> {
  const reports: ScannedReport[] = [];
  const { root, errors } = await scanEachWith(rootArg, files, useCache, version, io, (r) => reports.push(r));
  return { version: 1, root, reports, errors };
}

/** `scan`: the table or the JSON is written report by report, so memory holds one report. */
export async function scanCommand(argv: string[], version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, json: { type: 'boolean' }, cache: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  let json: ScanJsonWriter | undefined;
  const table = values.json ? undefined : new ScanTableWriter((s) => io.out(s));
  const summary = await scanEachWith(values.root, positionals, Boolean(values.cache), version, io, (r, root) => {
    if (table) table.report(r);
    else (json ??= new ScanJsonWriter(root, (s) => io.out(s))).report(r);
  });
  if (table) table.end(summary.errors);
  else (json ?? new ScanJsonWriter(summary.root, (s) => io.out(s))).end(summary.errors);
  return 0;
}
