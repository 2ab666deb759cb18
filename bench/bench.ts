import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../src/core';
import { corpusFolders, generateWorkspace } from './generateWorkspace';

// Figures, not pass/fail: medians of repeated runs, each in a fresh process, and ratios to
// a baseline measured in the same run on the same files.
const repo = join(__dirname, '../..');
const workspace = join(tmpdir(), 'audit-lens-bench-workspace');
const probe = join(repo, 'out/bench/scanProbe.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function main(): void {
  const { reports, bytes } = generateWorkspace(workspace, corpusFolders(repo));
  console.log(`workspace: ${reports} reports, ${(bytes / 1e6).toFixed(2)} MB, ${RUNS} runs each`);

  const plain: Probe[] = [];
  const cold: Probe[] = [];
  const warm: Probe[] = [];
  const cacheFile = join(workspace, '.bench-cache.json');
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so load on the machine hits both alike.
    plain.push(runProbe('plain', workspace));
    cold.push(runProbe('scan', workspace));
  }
  rmSync(cacheFile, { force: true });
  runProbe('scan', workspace, cacheFile);
  for (let i = 0; i < RUNS; i++) warm.push(runProbe('scan', workspace, cacheFile));

  const base = median(plain.map((p) => p.ms));
  const coldMs = median(cold.map((p) => p.ms));
  const warmMs = median(warm.map((p) => p.ms));
  console.log(`plain remark-parse + remark-gfm parse: median ${base.toFixed(0)} ms (baseline)`);
  console.log(`cold scan:  median ${coldMs.toFixed(0)} ms = ${(coldMs / base).toFixed(3)}x baseline (target <= 0.5x); ${cold[0].count} findings`);
  console.log(`warm scan (--cache, unchanged files): median ${warmMs.toFixed(0)} ms = ${(warmMs / base).toFixed(3)}x baseline (target <= 0.05x)`);
  console.log(`peak RSS: cold scan ${median(cold.map((p) => p.maxRssMB)).toFixed(0)} MB, warm ${median(warm.map((p) => p.maxRssMB)).toFixed(0)} MB, plain parse ${median(plain.map((p) => p.maxRssMB)).toFixed(0)} MB (target <= 300 MB)`);

  // Re-parse of one ~50 KB report, as the editor does on each edit.
  const big = bigReport();
  for (let i = 0; i < 20; i++) parseReport(big);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    parseReport(big);
    times.push(performance.now() - t0);
  }
  console.log(`re-parse of a ${(big.length / 1024).toFixed(0)} KB report: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (200 runs)`);
}

function bigReport(): string {
  const shared = join(repo, '../shared/corpus/reports/c4-2021-07-connext-report.md');
  if (existsSync(shared)) return readFileSync(shared, 'utf8').slice(0, 50 * 1024);
  // Without the shared corpus: real fixtures joined to ~50 KB.
  const dir = join(repo, 'test/fixtures/corpus');
  let text = '';
  for (const f of ['erpsystem-production-security-audit.md', 'prompt-enhancer-bug-review-ru.md', 'go-stats-generator-performance-audit-checked.md']) {
    text += readFileSync(join(dir, f), 'utf8') + '\n';
  }
  return text.slice(0, 50 * 1024);
}

main();
