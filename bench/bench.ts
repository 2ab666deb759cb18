import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, parseReportState, reparseReport } from '../src/core';
import { median, percentile, printFigure, type Figure } from './figure';
import { generateWorkspace } from './generateWorkspace';
import { HOSTILE_SHAPES } from './hostileShapes';
import { driftFigure } from './driftBench';
import { trackerFigure } from './trackerBench';
import { monorepoFigures } from './monorepoBench';
import { setStatusFigure } from './setStatusBench';

// The figures issue #7 asks for, each with its target: medians of repeated runs, scans in a fresh
// process each, and ratios to a baseline measured in the same run on the same files, so that a
// slow or busy machine moves both alike. `npm run bench -- --check` exits 1 when a target fails.
const repo = join(__dirname, '../..');
const fixtures = join(repo, 'test/fixtures/corpus');
const workspace = join(tmpdir(), `audit-lens-bench-workspace-${process.pid}`);
const probe = join(repo, 'out/bench/scanProbe.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const check = process.argv.includes('--check');

interface Probe {
  ms: number;
  maxRssMB: number;
  count: number;
}

function runProbe(...args: string[]): Probe {
  const r = spawnSync(process.execPath, [probe, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Probe;
}

/** Cold and warm scans of a workspace cut from the corpus fixtures, against a plain remark parse. */
function scanFigures(): Figure[] {
  const { reports, bytes } = generateWorkspace(workspace, [fixtures]);
  console.log(`workspace from test/fixtures/corpus: ${reports} reports, ${(bytes / 1e6).toFixed(2)} MB, ${RUNS} runs each`);
  const plain: Probe[] = [];
  const cold: Probe[] = [];
  const warm: Probe[] = [];
  const cacheFile = join(workspace, '.bench-cache.json');
  try {
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so load on the machine hits both alike.
      plain.push(runProbe('plain', workspace));
      cold.push(runProbe('scan', workspace));
    }
    runProbe('scan', workspace, cacheFile);
    for (let i = 0; i < RUNS; i++) warm.push(runProbe('scan', workspace, cacheFile));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  const base = median(plain.map((p) => p.ms));
  const coldMs = median(cold.map((p) => p.ms));
  const warmMs = median(warm.map((p) => p.ms));
  const rss = median(cold.map((p) => p.maxRssMB));
  console.log(`baseline: plain remark-parse + remark-gfm parse of the same files, median ${base.toFixed(0)} ms`);
  return [
    { name: 'cold scan', value: `median ${coldMs.toFixed(0)} ms = ${(coldMs / base).toFixed(3)}x baseline, ${cold[0].count} findings`, target: '<= 0.25x', pass: coldMs / base <= 0.25 },
    { name: 'warm scan (--cache, unchanged files)', value: `median ${warmMs.toFixed(0)} ms = ${(warmMs / base).toFixed(3)}x baseline`, target: '<= 0.05x', pass: warmMs / base <= 0.05 },
    { name: 'peak RSS of a cold scan', value: `${rss.toFixed(0)} MB (plain parse ${median(plain.map((p) => p.maxRssMB)).toFixed(0)} MB)`, target: '<= 300 MB', pass: rss <= 300 },
  ];
}

/** Milliseconds of one parse, median of `runs`. */
function parseMs(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseReport(text);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Milliseconds a hostile shape may run before it is cut off and counted as over its target. */
const HOSTILE_LIMIT_MS = 15_000;

/** Every hostile shape at 5 MB, each in its own process; the figure is the worst. */
function hostileFigure(): Figure {
  const bytes = 5 * 1024 * 1024;
  const probeFile = join(repo, 'out/bench/hostileProbe.js');
  let worst: [string, number] = ['', 0];
  const failed: string[] = [];
  HOSTILE_SHAPES.forEach(([name], index) => {
    const r = spawnSync(process.execPath, [probeFile, String(index), String(bytes)], { encoding: 'utf8', timeout: HOSTILE_LIMIT_MS });
    const out = (r.stdout ?? '').trim();
    let line: string;
    if (r.error || r.status !== 0 || out === '') {
      line = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `over ${HOSTILE_LIMIT_MS / 1000} s (cut off)` : `crashed (${r.signal ?? `exit ${r.status}`})`;
      failed.push(`${name}: ${line}`);
    } else {
      const res = JSON.parse(out) as { ms?: number; error?: string };
      if (res.error !== undefined) {
        line = `THREW ${res.error}`;
        failed.push(`${name}: threw`);
      } else {
        line = `${res.ms!.toFixed(0)} ms`;
        if (res.ms! > worst[1]) worst = [name, res.ms!];
      }
    }
    console.log(`  hostile shape at 5 MB: ${name}: ${line}`);
  });
  const value = `worst timed ${worst[1].toFixed(0)} ms (${worst[0]})${failed.length > 0 ? `; ${failed.length} failed: ${failed.join('; ')}` : ''}`;
  return { name: 'hostile shapes at 5 MB', value, target: '<= 1000 ms each, no throw', pass: worst[1] <= 1000 && failed.length === 0 };
}

/** All corpus fixtures as one report, then that report twice and four times over. */
function growthFigure(): Figure {
  const one = corpusText();
  const sizes = [1, 2, 4].map((k) => Array.from({ length: k }, () => one).join('\n'));
  parseMs(sizes[0], 2);
  // Sizes take turns, so a pause of the machine falls on all of them alike.
  const samples: number[][] = [[], [], []];
  for (let r = 0; r < Math.max(RUNS, 3); r++) sizes.forEach((s, i) => samples[i].push(parseMs(s, 1)));
  const t = samples.map(median);
  const ratios = [t[1] / t[0], t[2] / t[1]];
  // The mean over both doublings (as the linearity unit tests check it): one doubling that meets a
  // garbage-collector pause does not fail it; quadratic work (4x, 4x) always does.
  const mean = Math.sqrt(t[2] / t[0]);
  console.log(`  report size ${(one.length / 1024).toFixed(0)} KB: 1x ${t[0].toFixed(0)} ms, 2x ${t[1].toFixed(0)} ms, 4x ${t[2].toFixed(0)} ms`);
  return { name: 'growth with report size (1x -> 2x -> 4x)', value: `x${ratios[0].toFixed(2)}, x${ratios[1].toFixed(2)}; mean x${mean.toFixed(2)} per doubling`, target: 'mean <= 2.5x per doubling', pass: mean <= 2.5 };
}

/** All corpus fixtures as one text, in a stable order. */
function corpusText(): string {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md')
    .sort()
    .map((f) => readFileSync(join(fixtures, f), 'utf8'))
    .join('\n');
}

/** The corpus fixtures repeated to 5 MB: a realistic report at the size limit, next to the hostile shapes (#8). */
function realisticFigure(): Figure {
  const one = corpusText();
  let text = one;
  while (text.length < 5 * 1024 * 1024) text += '\n' + one;
  text = text.slice(0, 5 * 1024 * 1024);
  parseMs(text, 1);
  const ms = parseMs(text, Math.max(RUNS, 3));
  return { name: 'realistic 5 MB report (corpus fixtures repeated)', value: `median ${ms.toFixed(0)} ms`, target: '<= 1000 ms', pass: ms <= 1000 };
}

/**
 * Re-reading a report after an edit, as the editor does: a line typed into one finding's body,
 * in a ~50 KB and a ~1 MB report, through reparseReport (#9), next to a whole parse of the same text.
 */
function reparse(): void {
  const one = corpusText();
  for (const size of [50 * 1024, 1024 * 1024]) {
    let text = one;
    while (text.length < size) text += '\n' + one;
    text = text.slice(0, text.indexOf('\n', size) + 1 || size);
    let state = parseReportState(text);
    const headings = state.report.findings.filter((f) => f.kind === 'heading' && f.reportRange.endLine > f.reportRange.startLine + 2);
    const times: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < 60; i++) {
      const f = headings[(i * 7919) % headings.length];
      const lines = state.text.split('\n');
      // Typing into the finding: a character, then a new line, in turn.
      const at = f.reportRange.startLine + 1;
      if (i % 2 === 0) lines[at] += 'x';
      else lines.splice(at, 0, '');
      const next = lines.join('\n');
      const t0 = performance.now();
      state = reparseReport(state, next);
      times.push(performance.now() - t0);
      if (i % 10 === 0) whole.push(parseMs(next, 1));
      // The findings below moved with the inserted lines: keep addressing them through the new state.
      headings.splice(0, headings.length, ...state.report.findings.filter((g) => g.kind === 'heading' && g.reportRange.endLine > g.reportRange.startLine + 2));
    }
    console.log(`re-read after an edit, ${(text.length / 1024).toFixed(0)} KB report: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (60 edits); a whole parse ${median(whole).toFixed(0)} ms`);
  }
}

async function main(): Promise<number> {
  const figures = [...scanFigures(), hostileFigure(), realisticFigure(), growthFigure(), driftFigure(join(repo, 'out/bench/driftProbe.js'), RUNS), trackerFigure()];
  // Issue #9: the monorepo (BENCH_QUICK=1 skips its 10,000 reports) and set-status on 1 MB.
  figures.push(...monorepoFigures(repo, fixtures, RUNS), await setStatusFigure(fixtures, RUNS));
  reparse();
  console.log('');
  figures.forEach(printFigure);
  const failed = figures.filter((f) => !f.pass).length;
  console.log(failed === 0 ? 'all targets met' : `${failed} target(s) missed${check ? '' : ' (run with --check to fail on this)'}`);
  return check && failed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
