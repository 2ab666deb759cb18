import { constants, promises as fs } from 'node:fs';
import { MAX_REPORT_BYTES, reportRejection } from '../core';
import { isInside } from './walkRoot';

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
 */
export async function readReportFile(path: string, root: string): Promise<ReadResult> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, message: 'Not a regular file.' };
    const real = await fs.realpath(path).catch(() => null);
    const there = real === null ? null : await fs.stat(real).catch(() => null);
    if (real === null || !isInside(root, real) || there === null || there.dev !== stat.dev || there.ino !== stat.ino) {
      return { ok: false, message: 'Not read: the file is outside the root (or was replaced while being read).' };
    }
    // Refuse huge files before reading a byte of them.
    if (stat.size > MAX_REPORT_BYTES) return { ok: false, message: reportRejection(stat.size, new Uint8Array())! };
    const bytes = await readAtMost(handle, MAX_REPORT_BYTES + 1);
    const rejection = reportRejection(bytes.length, bytes);
    if (rejection) return { ok: false, message: rejection };
    return { ok: true, text: bytes.toString('utf8'), bytes };
  } catch (err) {
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    await handle.close();
  }
}

/** Reads from the start of the file, never more than `limit` bytes (the file may grow meanwhile). */
async function readAtMost(handle: fs.FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}
