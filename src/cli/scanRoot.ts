import { basename, resolve } from 'node:path';
import { promises as fs } from 'node:fs';
import { FileIndex, parseReport, statusNotesOf, toScannedReport, type ScanResult } from '../core';
import { readReportFile } from './readReportFile';
import { contentHash, type CachedReport, type ScanCache } from './scanCache';
import { isInside, toRelative, walkRoot } from './walkRoot';

export interface ScanOptions {
  /** The root's real path (see `resolveRoot`). */
  root: string;
  /** Report files named on the command line; otherwise the root is searched. */
  files?: string[];
  cache?: ScanCache;
}

/** Scans a root: every report becomes an entry in `reports` or in `errors`, never a crash. */
export async function scanRoot(options: ScanOptions): Promise<ScanResult> {
  const root = options.root;
  const listing = await walkRoot(root);
  const index = new FileIndex(listing.files, root);
  const result: ScanResult = { version: 1, root, reports: [], errors: [] };

  const targets: string[] = [];
  if (options.files && options.files.length > 0) {
    for (const f of options.files) {
      const abs = resolve(f);
      const real = await fs.realpath(abs).catch(() => abs);
      if (!isInside(root, real)) {
        result.errors.push({ path: f, message: `Outside the root ${root}; not read.` });
      } else {
        targets.push(toRelative(root, real));
      }
    }
  } else {
    targets.push(...listing.reports);
  }

  // Reads run a few files ahead of the parse, so that the disk and the parser work at once.
  const reads = new Map<number, ReturnType<typeof readReportFile>>();
  for (let k = 0; k < targets.length; k++) {
    for (let ahead = k; ahead < Math.min(targets.length, k + READ_AHEAD); ahead++) {
      if (!reads.has(ahead)) reads.set(ahead, readReportFile(resolve(root, targets[ahead]), root));
    }
    const rel = targets[k];
    const read = reads.get(k)!;
    reads.delete(k);
    const parsed = await parseOne(rel, read, options.cache);
    if ('message' in parsed) result.errors.push({ path: rel, message: parsed.message });
    else result.reports.push(toScannedReport(rel, basename(rel), parsed.report, index, parsed.notes));
  }
  if (options.cache && !(options.files && options.files.length > 0)) options.cache.retain(targets);
  return result;
}

/** How many reports are read ahead of the one being parsed. */
const READ_AHEAD = 8;

async function parseOne(rel: string, reading: ReturnType<typeof readReportFile>, cache: ScanCache | undefined): Promise<CachedReport | { message: string }> {
  // Always read: the cache is keyed on the bytes, so it can only save the parse.
  const read = await reading;
  if (!read.ok) return { message: read.message };
  const hash = cache ? contentHash(read.bytes) : '';
  const hit = cache?.get(rel, hash);
  if (hit) return hit;
  try {
    const report = parseReport(read.text);
    const parsed = { report, notes: statusNotesOf(read.text, report) };
    cache?.set(rel, hash, parsed);
    return parsed;
  } catch (err) {
    // The parser is built not to throw; if it ever does, the scan goes on without this report.
    return { message: `Parser error: ${(err as Error).message}` };
  }
}
