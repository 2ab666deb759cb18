import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FileIndex, parseReport } from '../src/core';
import { DriftTracker, type DriftReport } from '../src/node/git';

// Measured runs of the drift step in a fresh process (see driftBench.ts). The reports are read
// and parsed before the clock starts; `startMs` is that part (Node's start-up, loading the
// bundle, reading and parsing the reports), reported apart and never counted. `ms` covers base
// resolution and mapping, git processes included, as the CLI's drift step runs them: one run,
// no cache, in a process where this code has never run (what `audit-lens scan` pays). `warmMs`
// is a second run by a fresh tracker (no cache either, every git process again) in the same
// process: what the extension pays each time it maps again, once its code has run once.
async function main(): Promise<void> {
  const root = process.argv[2];
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  const index = new FileIndex(files, root);
  const reports: DriftReport[] = files.filter((f) => f.startsWith('audits/')).map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    return { path, text, findings: parseReport(text).findings };
  });
  const t0 = performance.now();
  const result = await new DriftTracker(root, { cache: false }).track(reports, (p, r) => index.resolve(p, r));
  const ms = performance.now() - t0;
  const t1 = performance.now();
  await new DriftTracker(root, { cache: false }).track(reports, (p, r) => index.resolve(p, r));
  const warmMs = performance.now() - t1;
  const states: Record<string, number> = {};
  let locations = 0;
  for (const l of result.flat(2)) {
    states[l.drift.state] = (states[l.drift.state] ?? 0) + 1;
    locations++;
  }
  process.stdout.write(JSON.stringify({ ms, warmMs, startMs: t0, locations, states }));
}

void main();
