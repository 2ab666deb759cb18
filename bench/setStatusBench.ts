import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setStatusCommand } from '../src/cli/commands/setStatusCommand';
import { parseReport } from '../src/core';
import { median, type Figure } from './figure';

/**
 * `audit-lens set-status` on a 1 MB report (the corpus fixtures joined, repeated to 1 MB),
 * run in this process through the CLI's command (read, edit, verify, write), against one
 * `parseReport` of the same text, alternately. The finding changed is the middle one; each run
 * toggles it between fixed and open so that every run writes.
 */
export async function setStatusFigure(fixtures: string, runs: number): Promise<Figure> {
  const one = readdirSync(fixtures)
    .filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md')
    .sort()
    .map((f) => readFileSync(join(fixtures, f), 'utf8'))
    .join('\n');
  let text = one;
  while (text.length < 1024 * 1024) text += '\n' + one;
  const dir = mkdtempSync(join(tmpdir(), 'audit-lens-bench-set-status-'));
  const file = join(dir, 'big-audit.md');
  writeFileSync(file, text);
  const findings = parseReport(text).findings;
  const id = findings[Math.floor(findings.length / 2)].id;
  const io = { out: (): void => {}, err: (): void => {} };
  const parse: number[] = [];
  const setStatus: number[] = [];
  try {
    for (let i = 0; i < Math.max(runs, 5) + 1; i++) {
      let t0 = performance.now();
      parseReport(readFileSync(file, 'utf8'));
      const p = performance.now() - t0;
      t0 = performance.now();
      const code = await setStatusCommand(['--root', dir, file, id, i % 2 === 0 ? 'fixed' : 'open', '--no-date'], 'bench', io);
      const s = performance.now() - t0;
      if (code !== 0) throw new Error(`set-status exited ${code}`);
      // The first round warms the code paths up.
      if (i > 0) {
        parse.push(p);
        setStatus.push(s);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const p = median(parse);
  const s = median(setStatus);
  return {
    name: `set-status on a ${(text.length / 1024 / 1024).toFixed(1)} MB report (${findings.length} findings)`,
    value: `median ${s.toFixed(0)} ms = ${(s / p).toFixed(2)}x one parse (${p.toFixed(0)} ms)`,
    target: '<= 2x one parse',
    pass: s / p <= 2,
  };
}
