import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { MAX_REPORT_BYTES, reportRejection } from '../core';
import { isInside } from './walkTree';

/** `gone`: nothing to read there (no such file, or a folder), as opposed to a file refused or unreadable. */
export type ReadResult = { ok: true; text: string; bytes: Buffer } | { ok: false; message: string; gone?: true };

// O_NONBLOCK: opening a FIFO planted as a report must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a report as UTF-8 text, refusing huge and binary files with a reason.
 *
 * The file is opened first and checked afterwards: the opened file must be a regular file
 * and the very file (same device and inode) that the path's real location inside `root`
 * holds now. A report swapped for a symlink to an outside file between the listing and the
 * read is therefore refused, whichever moment the swap happens.
 *
 * Synchronous: a scan reads one small file after another, and the six system calls of a read
 * cost less done in a row than as six round trips through the thread pool each (measured on
 * the 1,000-report monorepo of the bench: see the CHANGELOG, issue #9).
 */
export function readReportFileSync(path: string, root: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return cannotRead(err);
  }
  try {
    const stat = fstatSync(fd);
    const real = stat.isFile() ? realpathOrNull(path) : null;
    const refused = refusal(stat, real, real === null ? null : statOrNull(real), root);
    if (refused) return refused;
    return decoded(readAtMost(fd, MAX_REPORT_BYTES + 1, stat.size));
  } catch (err) {
    return cannotRead(err);
  } finally {
    closeSync(fd);
  }
}

/**
 * `readReportFileSync` through the thread pool: the same checks, in the same order, without
 * blocking the caller's thread (the extension host must not wait on a slow disk).
 */
export async function readReportFileAsync(path: string, root: string): Promise<ReadResult> {
  let file: FileHandle;
  try {
    file = await fsp.open(path, OPEN_FLAGS);
  } catch (err) {
    return cannotRead(err);
  }
  try {
    const stat = await file.stat();
    const real = stat.isFile() ? await fsp.realpath(path).catch(() => null) : null;
    const refused = refusal(stat, real, real === null ? null : await fsp.stat(real).catch(() => null), root);
    if (refused) return refused;
    const limit = MAX_REPORT_BYTES + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Math.min(stat.size + 1, limit); total < limit; want = 1 << 20) {
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(want, limit - total)));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < chunk.length) break;
    }
    return decoded(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
  } catch (err) {
    return cannotRead(err);
  } finally {
    await file.close();
  }
}

function cannotRead(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException).code;
  return { ok: false, message: `Cannot read: ${code ?? (err as Error).message}`, ...(code === 'ENOENT' ? { gone: true } : {}) };
}

/**
 * Why an opened file is not read: not a regular file (a directory counts as gone: it is no
 * report), or not the very file (same device and inode) that the path's real location inside
 * `root` holds now, or too large (refused before reading a byte of it).
 */
function refusal(stat: Stats, real: string | null, there: Stats | null, root: string): ReadResult | null {
  if (!stat.isFile()) return { ok: false, message: 'Not a regular file.', ...(stat.isDirectory() ? { gone: true } : {}) };
  if (real === null || !isInside(root, real) || there === null || there.dev !== stat.dev || there.ino !== stat.ino) {
    return { ok: false, message: 'Not read: the file is outside the root (or was replaced while being read).' };
  }
  if (stat.size > MAX_REPORT_BYTES) return { ok: false, message: reportRejection(stat.size, new Uint8Array())! };
  return null;
}

function decoded(bytes: Buffer): ReadResult {
  const rejection = reportRejection(bytes.length, bytes);
  return rejection ? { ok: false, message: rejection } : { ok: true, text: bytes.toString('utf8'), bytes };
}

function realpathOrNull(path: string): string | null {
  try {
    // The system's realpath: one call, where the JavaScript one stats every path component.
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Reads from the start of the file, never more than `limit` bytes (the file may grow meanwhile). */
function readAtMost(fd: number, limit: number, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // The first chunk is the size the file had (plus one byte, to see it grew): one read, usually.
  let want = Math.min(sizeHint + 1, limit);
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(want, limit - total)));
    const bytesRead = readSync(fd, chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    // A regular file reads short only at its end: no second read (and no 1 MB buffer for it)
    // unless the file was longer than its size said.
    if (bytesRead < chunk.length) break;
    want = 1 << 20;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
