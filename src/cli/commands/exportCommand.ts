import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toSarif } from '../../core';
import type { CliIo } from '../cliIo';
import { terminalSafeJson } from '../terminalText';
import { UsageError } from '../usageError';
import { writeFileAtomic } from '../writeFileAtomic';
import { scanWith } from './scanCommand';

export async function exportCommand(argv: string[], version: string, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, 'no-git': { type: 'boolean' } },
    allowPositionals: false,
    strict: true,
  });
  if (values.format !== 'sarif') throw new UsageError('export needs --format sarif.');
  const scan = await scanWith(values.root, [], false, version, io, !values['no-git']);
  const text = JSON.stringify(toSarif(scan, version), null, 2);
  // To a file: all at once (never a partial or empty log), never through a symlink.
  if (values.output) await writeFileAtomic(resolve(values.output), text + '\n');
  else io.out(terminalSafeJson(text));
  return 0;
}
