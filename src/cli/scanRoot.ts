import { basename, resolve } from 'node:path';
import { promises as fs } from 'node:fs';
import { FileIndex, pushAll, readForScan, toScannedReport, type ScanError, type ScannedReport, type ScanResult } from '../core';
import { readReportFileSync, type ReadResult } from '../node/readReportFile';
import { contentHash, type CachedReport, type ScanCache } from './scanCache';
import { isInside } from '../node/walkTree';
import { toRelative, walkRoot } from './walkRoot';

export interface ScanOptions {
  /** The root's real path (see `resolveRoot`). */
  root: string;
  /** Report files named on the command line; otherwise the root is searched. */
  files?: string[];
  cache?: ScanCache;
}

/** What a scan leaves besides its reports, which went to the caller one by one. */
export interface ScanSummary {
  root: string;
  reportCount: number;
  errors: ScanError[];
}

/**
 * Scans a root and hands each report to `onReport` as soon as it is read, in the order of
 * the listing, with the text it was read from: nothing but the file index and the errors is
 * kept, so a caller that writes each report out holds one report at a time. Every report becomes a report or an error,
 * never a crash.
 */
export async function scanEach(options: ScanOptions, onReport: (report: ScannedReport, text: string) => void): Promise<ScanSummary> {
  const root = options.root;
  const listing = await walkRoot(root);
  const index = new FileIndex(listing.files, root);
  const summary: ScanSummary = { root, reportCount: 0, errors: [] };

  const targets: string[] = [];
  if (options.files && options.files.length > 0) {
    for (const f of options.files) {
      const abs = resolve(f);
      const real = await fs.realpath(abs).catch(() => abs);
      if (!isInside(root, real)) {
        summary.errors.push({ path: f, message: `Outside the root ${root}; not read.` });
      } else {
        targets.push(toRelative(root, real));
      }
    }
  } else {
    pushAll(targets, listing.reports);
  }

  for (const rel of targets) {
    const read = readReportFileSync(resolve(root, rel), root);
    const parsed = parseOne(rel, read, options.cache);
    if ('message' in parsed) summary.errors.push({ path: rel, message: parsed.message });
    else if (read.ok) {
      summary.reportCount++;
      onReport(toScannedReport(rel, basename(rel), parsed.report, index, parsed.notes), read.text);
    }
  }
  if (options.cache && !(options.files && options.files.length > 0)) options.cache.retain(targets);
  return summary;
}

/** Scans a root into one result holding every report (for the SARIF export, which needs them all). */
export async function scanRoot(options: ScanOptions): Promise<ScanResult> {
  const reports: ScannedReport[] = [];
  const { root, errors } = await scanEach(options, (r) => reports.push(r));
  return { version: 1, root, reports, errors };
}

function parseOne(rel: string, read: ReadResult, cache: ScanCache | undefined): CachedReport | { message: string } {
  // Always read: the cache is keyed on the bytes, so it can only save the parse.
  if (!read.ok) return { message: read.message };
  const hash = cache ? contentHash(read.bytes) : '';
  const hit = cache?.get(rel, hash);
  if (hit) return hit;
  try {
    const parsed = readForScan(read.text);
    cache?.set(rel, hash, parsed);
    return parsed;
  } catch (err) {
    // The parser is built not to throw; if it ever does, the scan goes on without this report.
    return { message: `Parser error: ${(err as Error).message}` };
  }
}
