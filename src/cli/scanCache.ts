import { promises as fs } from 'node:fs';
import type { ParsedReport } from '../core';

interface Entry {
  size: number;
  mtimeMs: number;
  report: ParsedReport;
}

interface CacheFile {
  version: number;
  parser: string;
  entries: Record<string, Entry>;
}

// Bump when the parser's output changes, so that old cache files are ignored.
const CACHE_VERSION = 1;

/**
 * Parsed reports keyed by path, reused while a file's size and mtime are unchanged (the
 * same trade-off as ESLint's metadata cache: no read of unchanged files at all).
 */
export class ScanCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly parserVersion: string,
  ) {}

  static async load(file: string, parserVersion: string): Promise<ScanCache> {
    const cache = new ScanCache(file, parserVersion);
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile;
      if (data.version === CACHE_VERSION && data.parser === parserVersion && data.entries) cache.entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  get(path: string, size: number, mtimeMs: number): ParsedReport | null {
    const e = this.entries[path];
    return e && e.size === size && e.mtimeMs === mtimeMs ? e.report : null;
  }

  set(path: string, size: number, mtimeMs: number, report: ParsedReport): void {
    this.entries[path] = { size, mtimeMs, report: { title: report.title, findings: report.findings.map((f) => ({ ...f, body: '' })) } };
    this.dirty = true;
  }

  /** Drops entries of reports that no longer exist. */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const k of Object.keys(this.entries)) {
      if (!keep.has(k)) {
        delete this.entries[k];
        this.dirty = true;
      }
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ version: CACHE_VERSION, parser: this.parserVersion, entries: this.entries }));
    await fs.rename(tmp, this.file);
  }
}
