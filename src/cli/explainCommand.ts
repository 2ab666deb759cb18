import { promises as fs } from 'node:fs';
import { explainReport } from '../core';

/** `audit-lens explain REPORT [--line N]`: how the reader read one report, and why. */
export async function explainCommand(file: string, line: number | undefined, out: (s: string) => void): Promise<number> {
  const text = await fs.readFile(file, 'utf8');
  out(explainReport(text, line === undefined ? {} : { line }));
  return 0;
}
