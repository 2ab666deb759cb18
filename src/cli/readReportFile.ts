import { promises as fs } from 'node:fs';

/** Reports larger than this are not read: no audit report is this big, a log or dump may be. */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; size: number; mtimeMs: number } | { ok: false; message: string };

/** Reads a report as UTF-8 text, refusing huge and binary files with a reason. */
export async function readReportFile(path: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { ok: false, message: 'Not a regular file.' };
    if (stat.size > MAX_REPORT_BYTES) {
      return { ok: false, message: `Skipped: ${stat.size} bytes is over the ${MAX_REPORT_BYTES}-byte limit for a report.` };
    }
    const bytes = await fs.readFile(path);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: 'Skipped: binary file (contains NUL bytes).' };
    return { ok: true, text: bytes.toString('utf8'), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (err) {
    return { ok: false, message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}
