import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { explainReport } from '../../core';
import { CliError, EXIT } from '../cliError';
import type { CliIo } from '../cliIo';
import { terminalSafe } from '../terminalText';
import { UsageError } from '../usageError';

/** `audit-lens explain REPORT [--line N]`: how the reader read one report, and why. */
export async function explainCommand(argv: string[], _version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { line: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('explain takes one REPORT.');
  const line = values.line === undefined ? undefined : Number(values.line);
  if (line !== undefined && !(Number.isInteger(line) && line > 0)) throw new UsageError(`--line must be a line number, not "${values.line}".`);
  let text: string;
  try {
    text = await fs.readFile(positionals[0], 'utf8');
  } catch (e) {
    throw new CliError(EXIT.usage, `Cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.out(explainReport(text, line === undefined ? {} : { line }).split('\n').map(terminalSafe).join('\n'));
  return EXIT.ok;
}
