import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, EXIT } from './cliError';

export interface LockOptions {
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
  /** A lock whose holder cannot be checked (another host) is stale after this long. */
  staleMs?: number;
}

interface LockInfo {
  pid: number;
  host: string;
  nonce: string;
}

const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Runs `fn` while holding the report's lock: a file `.<report>.audit-lens.lock` beside it,
 * created with O_EXCL so that exactly one writer holds it. It is removed afterwards. A lock
 * left by a process that died (same host, pid gone), or older than `staleMs`, is broken; the
 * breaking itself is guarded by a second O_EXCL file, so that two waiters can never both
 * break it and one of them remove the other's fresh lock.
 *
 * A small O_EXCL lock was preferred to `proper-lockfile`: set-status holds the lock for
 * milliseconds, so it needs no mtime refresh timer, and no dependency enters the CLI bundle.
 */
export async function withReportLock<T>(report: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = join(dirname(report), `.${basename(report)}.audit-lens.lock`);
  const nonce = await acquire(lock, report, options.waitMs ?? 30_000, options.staleMs ?? 60_000);
  try {
    return await fn();
  } finally {
    // Remove only our own lock: if it was broken as stale meanwhile, the file is someone else's.
    const info = await readLock(lock);
    if (info?.nonce === nonce) await fs.rm(lock, { force: true }).catch(() => undefined);
  }
}

async function acquire(lock: string, report: string, waitMs: number, staleMs: number): Promise<string> {
  const nonce = randomBytes(12).toString('hex');
  const info: LockInfo = { pid: process.pid, host: hostname(), nonce };
  const deadline = Date.now() + waitMs;
  let holder: LockInfo | null = null;
  for (;;) {
    try {
      const handle = await fs.open(lock, CREATE_FLAGS, 0o644);
      try {
        await handle.writeFile(JSON.stringify(info));
      } finally {
        await handle.close();
      }
      return nonce;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw lockError(lock, err as NodeJS.ErrnoException);
    }
    holder = await readLock(lock);
    if (await isStale(lock, holder, staleMs)) await breakStale(lock, holder, staleMs);
    else if (Date.now() > deadline) {
      const who = holder ? ` by process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : '';
      throw new CliError(EXIT.write, `${report} is locked${who}; nothing written. Try again.`);
    } else await sleep(5 + Math.random() * 20);
  }
}

async function readLock(lock: string): Promise<LockInfo | null> {
  try {
    const handle = await fs.open(lock, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const data = JSON.parse((await handle.readFile({ encoding: 'utf8' })).slice(0, 1000)) as Partial<LockInfo>;
      return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.nonce === 'string' ? (data as LockInfo) : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

async function isStale(lock: string, holder: LockInfo | null, staleMs: number): Promise<boolean> {
  if (holder && holder.host === hostname()) return !alive(holder.pid);
  // Another host, or a lock being written right now (unreadable yet): judge by age.
  const stat = await fs.lstat(lock).catch(() => null);
  return stat !== null && Date.now() - stat.mtimeMs > staleMs;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the stale lock judged from `holder`, unless it has been replaced meanwhile. */
async function breakStale(lock: string, holder: LockInfo | null, staleMs: number): Promise<void> {
  const breaker = `${lock}.break`;
  try {
    await (await fs.open(breaker, CREATE_FLAGS, 0o644)).close();
  } catch {
    // Someone else is breaking it; a breaker left by a crash is removed once it is old.
    const stat = await fs.lstat(breaker).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > staleMs) await fs.rm(breaker, { force: true }).catch(() => undefined);
    await sleep(5 + Math.random() * 20);
    return;
  }
  try {
    const now = await readLock(lock);
    if (now?.nonce === holder?.nonce && (await isStale(lock, now, staleMs))) await fs.rm(lock, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

function lockError(lock: string, err: NodeJS.ErrnoException): CliError {
  if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') {
    return new CliError(EXIT.write, `Cannot write in ${dirname(lock)}: permission denied (${err.code}); nothing written.`);
  }
  if (err.code === 'ENOSPC' || err.code === 'EDQUOT') return new CliError(EXIT.write, `No space left in ${dirname(lock)} (${err.code}); nothing written.`);
  return new CliError(EXIT.write, `Cannot lock ${lock}: ${err.code ?? err.message}; nothing written.`);
}
