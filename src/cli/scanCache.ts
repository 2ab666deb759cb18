import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SEVERITIES, STATUSES, type Finding, type FindingKind, type ParsedReport } from '../core';
import { writeFileAtomic } from './writeFileAtomic';

/** A parsed report and its findings' status notes, as kept in the cache (bodies dropped). */
export interface CachedReport {
  report: ParsedReport;
  notes: Array<string | null>;
}

interface Entry extends CachedReport {
  sha256: string;
}

// Bump when the parser's output or the entry shape changes, so that old cache files are ignored.
const CACHE_VERSION = 2;
/** A cache file larger than this is not read, and not written. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The folder of cache files: `$XDG_CACHE_HOME/audit-lens`, else the platform's user cache
 * folder. Never the repository: a committed cache could otherwise say anything about it.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'audit-lens');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'audit-lens', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'audit-lens');
  return join(homedir(), '.cache', 'audit-lens');
}

/** The cache file of a root, named by a hash of the root's real path. */
export function cacheFileFor(realRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheFolder(env), `${createHash('sha256').update(realRoot).digest('hex').slice(0, 32)}.json`);
}

/** The key of a report's content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Parsed reports keyed by path and by a hash of their bytes: a hit saves the parse, never
 * the read, so a changed report is always seen, whatever its size and mtime say. Loading
 * accepts only a regular file (no symlink, FIFO or device) under the size cap, and only
 * entries of the right shape; anything else starts an empty cache.
 */
export class ScanCache {
  private entries = new Map<string, Entry>();
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly parserVersion: string,
  ) {}

  static async load(file: string, parserVersion: string): Promise<ScanCache> {
    const cache = new ScanCache(file, parserVersion);
    const data = await readCacheFile(file);
    if (isObject(data) && data.version === CACHE_VERSION && data.parser === parserVersion && isObject(data.entries)) {
      for (const [path, entry] of Object.entries(data.entries)) if (isEntry(entry)) cache.entries.set(path, entry);
    }
    return cache;
  }

  get(path: string, sha256: string): CachedReport | null {
    const e = this.entries.get(path);
    return e && e.sha256 === sha256 ? { report: e.report, notes: e.notes } : null;
  }

  set(path: string, sha256: string, cached: CachedReport): void {
    const report = { title: cached.report.title, findings: cached.report.findings.map((f) => ({ ...f, body: '' })) };
    this.entries.set(path, { sha256, report, notes: cached.notes });
    this.dirty = true;
  }

  /** Drops entries of reports that no longer exist. */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const k of [...this.entries.keys()]) {
      if (!keep.has(k)) {
        this.entries.delete(k);
        this.dirty = true;
      }
    }
  }

  /** Saves the cache; returns why it could not, for a warning (a cache is never worth a failed run). */
  async save(): Promise<string | null> {
    if (!this.dirty) return null;
    const text = JSON.stringify({ version: CACHE_VERSION, parser: this.parserVersion, entries: Object.fromEntries(this.entries) });
    if (text.length > MAX_CACHE_BYTES) return `the cache would be over ${MAX_CACHE_BYTES} bytes; not saved`;
    try {
      await fs.mkdir(cacheFolder(), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, text);
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }
}

async function readCacheFile(file: string): Promise<unknown> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, READ_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return null;
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    return JSON.parse(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isLine = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const isLineOrNull = (v: unknown): boolean => v === null || isLine(v);

// Every kind a finding can have: a kind left out here made each report with such a finding a
// cache miss on every run (issue #9: paragraph and code-line findings were re-parsed each time).
const FINDING_KINDS: Record<FindingKind, true> = { heading: true, listItem: true, tableRow: true, paragraph: true, codeLine: true };

function isFinding(f: unknown): f is Finding {
  if (!isObject(f) || !isObject(f.reportRange) || !Array.isArray(f.locations)) return false;
  return (
    typeof f.id === 'string' &&
    typeof f.title === 'string' &&
    (f.severity === null || (SEVERITIES as readonly unknown[]).includes(f.severity)) &&
    (STATUSES as readonly unknown[]).includes(f.status) &&
    typeof f.kind === 'string' &&
    Object.hasOwn(FINDING_KINDS, f.kind) &&
    typeof f.body === 'string' &&
    isLine(f.reportRange.startLine) &&
    isLine(f.reportRange.endLine) &&
    f.locations.every((l) => isObject(l) && typeof l.path === 'string' && isLineOrNull(l.startLine) && isLineOrNull(l.endLine))
  );
}

function isEntry(e: unknown): e is Entry {
  if (!isObject(e) || typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) return false;
  const r = e.report;
  if (!isObject(r) || typeof r.title !== 'string' || !Array.isArray(r.findings) || !r.findings.every(isFinding)) return false;
  return Array.isArray(e.notes) && e.notes.length === r.findings.length && e.notes.every((n) => n === null || typeof n === 'string');
}
