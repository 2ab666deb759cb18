import { parseArgs } from 'node:util';
import type { ScanResult } from '../../core';
import type { CliIo } from '../cliIo';
import { formatTable } from '../formatTable';
import { resolveRoot } from '../resolveRoot';
import { cacheFileFor, ScanCache } from '../scanCache';
import { scanRoot } from '../scanRoot';
import { terminalSafe, terminalSafeJson } from '../terminalText';
import { applyDrift } from '../driftStep';

/** Scans a root, with the cache if asked for; a cache that cannot be saved is a warning. */
export async function scanWith(rootArg: string | undefined, files: string[], useCache: boolean, version: string, io: CliIo, useGit = true): Promise<ScanResult> {
  const root = await resolveRoot(rootArg);
  const cache = useCache ? await ScanCache.load(cacheFileFor(root), version) : undefined;
  const scan = await scanRoot({ root, files, cache });
  const failed = await cache?.save();
  if (failed) io.err(`audit-lens: warning: the cache was not saved: ${terminalSafe(failed)}`);
  await applyDrift(scan, useGit);
  return scan;
}

export async function scanCommand(argv: string[], version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, json: { type: 'boolean' }, cache: { type: 'boolean' }, 'no-git': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const scan = await scanWith(values.root, positionals, Boolean(values.cache), version, io, !values['no-git']);
  io.out(values.json ? terminalSafeJson(JSON.stringify(scan, null, 2)) : formatTable(scan));
  return 0;
}
