import { promises as fs } from 'node:fs';
import { MAX_REPORT_BYTES, reportRejection } from '../core';

export type ReadResult = { ok: true; text: string; size: number; mtimeMs: number } | { ok: false; message: string };

/** Reads a report as UTF-8 text, refusing huge and binary files with a reason. */
export async function readReportFile(path: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { ok: false, message: 'Not a regular file.' };
    // Refuse huge files before reading a byte of them.
    if (stat.size > MAX_REPORT_BYTES) return { ok: false, message: reportRejection(stat.size, new Uint8Array())! };
    const bytes = await fs.readFile(path);
    const rejection = reportRejection(stat.size, bytes);
    if (rejection) return { ok: false, message: rejection };
    return { ok: true, text: bytes.toString('utf8'), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (err) {
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}
