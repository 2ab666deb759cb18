import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FileIndex, parseReport, toScannedReport, type ParsedReport, type ScanResult } from '../core';
import { readReportFile } from './readReportFile';
import type { ScanCache } from './scanCache';
import { isInside, toRelative, walkRoot } from './walkRoot';

export interface ScanOptions {
  root: string;
  /** Report files named on the command line; otherwise the root is searched. */
  files?: string[];
  cache?: ScanCache;
}

/** Scans a root: every report becomes an entry in `reports` or in `errors`, never a crash. */
export async function scanRoot(options: ScanOptions): Promise<ScanResult> {
  const root = await fs.realpath(resolve(options.root));
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

  for (const rel of targets) {
    const parsed = await parseOne(root, rel, options.cache);
    if ('message' in parsed) result.errors.push({ path: rel, message: parsed.message });
    else result.reports.push(toScannedReport(rel, basename(rel), parsed, index));
  }
  if (options.cache && !(options.files && options.files.length > 0)) options.cache.retain(targets);
  await options.cache?.save();
  return result;
}

async function parseOne(root: string, rel: string, cache: ScanCache | undefined): Promise<ParsedReport | { message: string }> {
  const abs = resolve(root, rel);
  if (cache) {
    const stat = await fs.stat(abs).catch(() => null);
    const hit = stat ? cache.get(rel, stat.size, stat.mtimeMs) : null;
    if (hit) return hit;
  }
  const read = await readReportFile(abs);
  if (!read.ok) return { message: read.message };
  try {
    const parsed = parseReport(read.text);
    cache?.set(rel, read.size, read.mtimeMs, parsed);
    return parsed;
  } catch (err) {
    // The parser is built not to throw; if it ever does, the scan goes on without this report.
    return { message: `Parser error: ${(err as Error).message}` };
  }
}
