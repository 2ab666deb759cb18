import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { ScanResult } from '../src/core';
import { median, type Figure } from './figure';
import { generateWorkspace } from './generateWorkspace';

// Issue #9's monorepo: N reports over N/10 service folders, each service holding the files its
// reports cite (paths as written, from the service's root). The shipped CLI (`dist/cli.js`, or
// BENCH_CLI) is timed in a fresh process per run against two baselines run alternately with it
// on the same files: a plain read loop and a full markdown-it parse. BENCH_QUICK=1 skips 10,000.

interface Run {
  ms: number;
  maxRssMB: number;
}

interface SizeFigures {
  reports: number;
  read: number;
  markdownIt: number;
  cold: number;
  warm: number;
  coldRss: number;
  resolution: Resolution;
}

interface Resolution {
  /** Cited relative locations whose file exists in the report's own service. */
  existing: number;
  /** Of those, resolved to that very file. */
  right: number;
  /** Of those, resolved to another service's file. */
  crossService: number;
}

export function monorepoFigures(repo: string, fixtures: string, runs: number): Figure[] {
  const quick = process.env.BENCH_QUICK === '1';
  const sizes = quick ? [1000] : [1000, 10000];
  const results = sizes.map((n) => measureSize(repo, fixtures, n, n > 1000 ? Number(process.env.BENCH_RUNS_10K ?? 3) : runs));
  const figures: Figure[] = [];
  for (const r of results) {
    const k = `${r.reports / 1000}k`;
    figures.push({
      name: `monorepo ${k}: CLI cold scan (--json)`,
      value: `median ${r.cold.toFixed(0)} ms = ${(r.cold / r.markdownIt).toFixed(2)}x markdown-it (${r.markdownIt.toFixed(0)} ms), plain read ${r.read.toFixed(0)} ms`,
      target: '<= 3x markdown-it',
      pass: r.cold / r.markdownIt <= 3,
    });
    figures.push({
      name: `monorepo ${k}: CLI warm scan (--cache --json)`,
      value: `median ${r.warm.toFixed(0)} ms = ${(r.warm / r.read).toFixed(2)}x the plain read loop`,
      target: r.reports >= 10000 ? '<= 3x plain read' : 'none at 1k (3x at 10k)',
      pass: r.reports < 10000 || r.warm / r.read <= 3,
    });
    const { existing, right, crossService } = r.resolution;
    figures.push({
      name: `monorepo ${k}: cited locations resolved`,
      value: `${right} of ${existing} whose file exists in the report's service (${((100 * right) / Math.max(1, existing)).toFixed(1)} %), ${crossService} to another service's file`,
      target: '>= 90 %, 0 cross-service',
      pass: right >= 0.9 * existing && crossService === 0,
    });
  }
  const big = results.find((r) => r.reports === 10000);
  if (big) {
    const ratio = big.cold / results[0].cold;
    figures.push({ name: 'monorepo: CLI cold scan time(10k) / time(1k)', value: `${ratio.toFixed(2)}`, target: '<= 11', pass: ratio <= 11 });
    figures.push({ name: 'monorepo 10k: CLI peak RSS (cold scan)', value: `median ${big.coldRss.toFixed(0)} MB`, target: '<= 300 MB', pass: big.coldRss <= 300 });
  } else {
    console.log('  BENCH_QUICK=1: the 10,000-report figures are skipped');
  }
  return figures;
}

function measureSize(repo: string, fixtures: string, reports: number, runs: number): SizeFigures {
  const base = join(tmpdir(), `audit-lens-bench-monorepo-${process.pid}`);
  const root = join(base, 'ws');
  const cacheHome = join(base, 'cache');
  const t0 = performance.now();
  const ws = generateWorkspace(root, [fixtures], { reports, citedFiles: true });
  mkdirSync(cacheHome, { recursive: true });
  const list = join(base, 'reports.txt');
  writeFileSync(list, ws.reportPaths.join('\n') + '\n');
  console.log(`monorepo workspace: ${reports} reports over ${reports / 10} services, ${(ws.bytes / 1e6).toFixed(1)} MB, ${ws.sourceFiles} cited source files (built in ${((performance.now() - t0) / 1000).toFixed(1)} s); ${runs} runs each`);
  const cli = process.env.BENCH_CLI ?? join(repo, 'dist/cli.js');
  const statsFile = join(base, 'stats.json');
  const measured = (args: string[], stdoutTo = '/dev/null'): Run => {
    const out = openSync(stdoutTo, 'w');
    try {
      rmSync(statsFile, { force: true });
      const r = spawnSync(process.execPath, ['-r', join(repo, 'out/bench/exitStats.js'), ...args], {
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, BENCH_STATS_FILE: statsFile, XDG_CACHE_HOME: cacheHome },
        maxBuffer: 1 << 26,
      });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.toString().slice(0, 500)}`);
      return JSON.parse(readFileSync(statsFile, 'utf8')) as Run;
    } finally {
      closeSync(out);
    }
  };
  const probe = join(repo, 'out/bench/readProbe.js');
  const read: Run[] = [];
  const mdit: Run[] = [];
  const cold: Run[] = [];
  const warm: Run[] = [];
  try {
    const jsonFile = join(base, 'scan.json');
    for (let i = 0; i < runs; i++) {
      // Alternating, so that load on the machine falls on all three alike. The first cold run's
      // JSON is kept for the resolution figures (a file costs no more to write than /dev/null).
      read.push(measured([probe, 'read', root, list]));
      mdit.push(measured([probe, 'markdown-it', root, list]));
      cold.push(measured([cli, 'scan', '--root', root, '--json'], i === 0 ? jsonFile : '/dev/null'));
    }
    measured([cli, 'scan', '--root', root, '--json', '--cache']);
    for (let i = 0; i < runs; i++) warm.push(measured([cli, 'scan', '--root', root, '--json', '--cache']));
    const resolution = resolutionOf(root, JSON.parse(readFileSync(jsonFile, 'utf8')) as ScanResult);
    const m = (xs: Run[]): number => median(xs.map((x) => x.ms));
    const f = { reports, read: m(read), markdownIt: m(mdit), cold: m(cold), warm: m(warm), coldRss: median(cold.map((x) => x.maxRssMB)), resolution };
    console.log(`  ${reports} reports: read ${f.read.toFixed(0)} ms, markdown-it ${f.markdownIt.toFixed(0)} ms, cold ${f.cold.toFixed(0)} ms (${f.coldRss.toFixed(0)} MB peak RSS), warm ${f.warm.toFixed(0)} ms`);
    return f;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** How the scan resolved each relative location whose file its report's own service holds. */
function resolutionOf(root: string, scan: ScanResult): Resolution {
  const res: Resolution = { existing: 0, right: 0, crossService: 0 };
  const exists = new Map<string, boolean>();
  for (const r of scan.reports) {
    const service = r.path.split('/').slice(0, 2).join('/');
    for (const f of r.findings) {
      for (const l of f.locations) {
        const p = posix.normalize(l.path);
        if (p.startsWith('/') || p.split('/').includes('..')) continue;
        const want = `${service}/${p}`;
        let there = exists.get(want);
        if (there === undefined) exists.set(want, (there = existsSync(join(root, want))));
        if (!there) continue;
        res.existing++;
        if (l.resolved === want) res.right++;
        else if (l.resolved !== null && !l.resolved.startsWith(service + '/')) res.crossService++;
      }
    }
  }
  return res;
}
