import { parseArgs } from 'node:util';
import type { ScannedReport, ScanResult } from '../../core';
import type { CliIo } from '../cliIo';
import { applyDrift } from '../driftStep';
import { driftMode, markAsWritten } from '../driftMode';
import { ScanTableWriter } from '../formatTable';
import { resolveRoot } from '../resolveRoot';
import { cacheFileFor, ScanCache } from '../scanCache';
import { ScanJsonWriter } from '../scanJson';
import { scanEach, type ScanSummary } from '../scanRoot';
import { terminalSafe } from '../terminalText';

/**
 * Scans a root (its real path, from `resolveRoot`), with the cache if asked for, handing each
 * report to `onReport` as it is read; a cache that cannot be saved is a warning. Locations are
 * as the working tree has them.
 */
async function scanEachWith(root: string, files: string[], useCache: boolean, version: string, io: CliIo, onReport: (r: ScannedReport, root: string, text: string) => void): Promise<ScanSummary> {
  const cache = useCache ? await ScanCache.load(cacheFileFor(root), version) : undefined;
  const summary = await scanEach({ root, files, cache }, (r, text) => onReport(r, root, text));
  const failed = await cache?.save();
  if (failed) io.err(`audit-lens: warning: the cache was not saved: ${terminalSafe(failed)}`);
  return summary;
}

/**
 * Scans a root with every location mapped to the code now (#10), handing each report to
 * `onReport`. In a git repository the reports are held until git has mapped them all (one
 * batch per base); otherwise they stream one by one, their locations as written.
 */
export async function scanMappedWith(rootArg: string | undefined, files: string[], useCache: boolean, version: string, io: CliIo, useGit: boolean, onReport: (r: ScannedReport, root: string) => void): Promise<ScanSummary> {
  const root = await resolveRoot(rootArg);
  const mode = await driftMode(root, useGit);
  if (!mode.git) {
    return scanEachWith(root, files, useCache, version, io, (r, at) => {
      markAsWritten(r, mode.note);
      onReport(r, at);
    });
  }
  // The texts are kept with the reports, so the drift step need not read each report again.
  const reports: ScannedReport[] = [];
  const texts: string[] = [];
  const summary = await scanEachWith(root, files, useCache, version, io, (r, _at, text) => {
    reports.push(r);
    texts.push(text);
  });
  await applyDrift({ version: 1, root: summary.root, reports, errors: summary.errors }, texts);
  for (const r of reports) onReport(r, summary.root);
  return summary;
}

/** Scans a root into one result holding every report (for outputs that need them all at once). */
export async function scanWith(rootArg: string | undefined, files: string[], useCache: boolean, version: string, io: CliIo, useGit: boolean): Promise<ScanResult> {
  const reports: ScannedReport[] = [];
  const { root, errors } = await scanMappedWith(rootArg, files, useCache, version, io, useGit, (r) => {
    reports.push(r);
  });
  return { version: 1, root, reports, errors };
}

/** `scan`: the table or the JSON is written report by report, so memory holds one report where git does not map them. */
export async function scanCommand(argv: string[], version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, json: { type: 'boolean' }, cache: { type: 'boolean' }, 'no-git': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  let json: ScanJsonWriter | undefined;
  const table = values.json ? undefined : new ScanTableWriter((s) => io.out(s));
  const summary = await scanMappedWith(values.root, positionals, Boolean(values.cache), version, io, !values['no-git'], (r, root) => {
    if (table) table.report(r);
    else (json ??= new ScanJsonWriter(root, (s) => io.out(s))).report(r);
  });
  if (table) table.end(summary.errors);
  else (json ?? new ScanJsonWriter(summary.root, (s) => io.out(s))).end(summary.errors);
  return 0;
}
