import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { MAX_REPORT_BYTES, reportRejection } from '../core';
import { isInside } from '../node/walkTree';

export type ReadResult = { ok: true; text: string; bytes: Buffer } | { ok: false; message: string };

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
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: 'Not a regular file.' };
    const real = realpathOrNull(path);
    const there = real === null ? null : statOrNull(real);
    if (real === null || !isInside(root, real) || there === null || there.dev !== stat.dev || there.ino !== stat.ino) {
      return { ok: false, message: 'Not read: the file is outside the root (or was replaced while being read).' };
    }
    // Refuse huge files before reading a byte of them.
    if (stat.size > MAX_REPORT_BYTES) return { ok: false, message: reportRejection(stat.size, new Uint8Array())! };
    const bytes = readAtMost(fd, MAX_REPORT_BYTES + 1, stat.size);
    const rejection = reportRejection(bytes.length, bytes);
    if (rejection) return { ok: false, message: rejection };
    return { ok: true, text: bytes.toString('utf8'), bytes };
  } catch (err) {
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** `readReportFileSync` for callers that await. */
export async function readReportFile(path: string, root: string): Promise<ReadResult> {
  return readReportFileSync(path, root);
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
