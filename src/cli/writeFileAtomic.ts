import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content all at once: the new text goes to a temporary file beside it,
 * which is then renamed over the original, so a crash never leaves a half-written report.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const stat = await fs.stat(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, text, { mode: stat.mode });
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
