import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type Figure } from './figure';

// Issue #10's speed figure: resolving and mapping 1,000 locations in 20 reports on a synthetic
// repository of 200 files and 500 commits with renames, against a plain `git diff --stat <base>`
// of the same repository in the same run (target <= 3x), medians of interleaved runs. The
// repository is written by one `git fast-import`, so building it takes a second, not minutes.

const FILES = 200;
const LINES = 100;
const COMMITS = 500;
const REPORT_COMMIT = 250;
const REPORTS = 20;
const PER_REPORT = 50;

/** A small deterministic generator, so every run measures the same repository. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function fastImportStream(): string {
  const rand = prng(10);
  const pick = (n: number): number => Math.floor(rand() * n);
  const files = new Map<string, string[]>();
  for (let k = 0; k < FILES; k++) files.set(`src/mod${k % 20}/file${k}.ts`, Array.from({ length: LINES }, (_v, l) => `export const v_${k}_${l} = ${l} * ${k};`));
  let fresh = 0;
  const out: string[] = [];
  const data = (s: string): string => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let c = 1; c <= COMMITS; c++) {
    const ops: string[] = [];
    const changed = new Set<string>();
    if (c === 1) files.forEach((_l, p) => changed.add(p));
    else {
      for (let e = 0; e < 3; e++) {
        const paths = [...files.keys()];
        const p = paths[pick(paths.length)];
        const lines = files.get(p)!;
        const at = pick(lines.length);
        const del = pick(3);
        const ins = Array.from({ length: pick(4) }, () => `export const edit_${++fresh} = ${fresh};`);
        lines.splice(at, del, ...ins);
        changed.add(p);
      }
      if (c % 50 === 0) {
        // A rename every 50 commits, into another folder.
        const paths = [...files.keys()];
        const from = paths[pick(paths.length)];
        const to = from.replace(/^src\/mod\d+\//, `src/moved${c}/`);
        files.set(to, files.get(from)!);
        files.delete(from);
        changed.delete(from);
        ops.push(`R ${from} ${to}`);
      }
    }
    for (const p of changed) ops.push(`M 100644 inline ${p}\n${data(files.get(p)!.join('\n') + '\n')}`.trimEnd());
    if (c === REPORT_COMMIT) {
      const paths = [...files.keys()];
      for (let r = 0; r < REPORTS; r++) {
        const body = [`# Audit ${r}`, ''];
        for (let f = 0; f < PER_REPORT; f++) {
          const p = paths[pick(paths.length)];
          const start = 1 + pick(Math.max(1, files.get(p)!.length - 5));
          body.push(`### F-${f} Finding ${r}.${f}`, '', '**Severity:** Medium', `**File:** \`${p}:${start}-${start + pick(4)}\``, '');
        }
        ops.push(`M 100644 inline audits/report${r}.md\n${data(body.join('\n'))}`.trimEnd());
      }
    }
    out.push(`commit refs/heads/main\nmark :${c}\ncommitter Bench <bench@example.com> ${1_700_000_000 + c * 60} +0000\n${data(`commit ${c}`)}${c > 1 ? `from :${c - 1}\n` : ''}${ops.join('\n')}\n`);
  }
  return out.join('\n');
}

function git(cwd: string, args: string[], input?: string): string {
  const r = spawnSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** Writes the synthetic repository into the empty folder `repo`; returns the reports' commit. */
export function buildDriftRepo(repo: string): string {
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['fast-import', '--quiet'], fastImportStream());
  git(repo, ['reset', '-q', '--hard', 'main']);
  return git(repo, ['log', '-1', '--format=%H', '--', 'audits/report0.md']).trim();
}

/** The drift figure; `runs` interleaved runs of each side. */
export function driftFigure(probe: string, runs: number): Figure {
  const repo = mkdtempSync(join(tmpdir(), 'audit-lens-drift-bench-'));
  try {
    const base = buildDriftRepo(repo);
    const plain: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const start: number[] = [];
    let states = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      git(repo, ['diff', '--stat', base]);
      plain.push(performance.now() - t0);
      const r = spawnSync(process.execPath, [probe, repo], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`drift probe failed: ${r.stderr}`);
      const res = JSON.parse(r.stdout) as { ms: number; warmMs: number; startMs: number; locations: number; states: Record<string, number> };
      cold.push(res.ms);
      warm.push(res.warmMs);
      start.push(res.startMs);
      states = `${res.locations} locations: ${Object.entries(res.states).map(([k, v]) => `${v} ${k}`).join(', ')}`;
    }
    const p = median(plain);
    const c = median(cold);
    const w = median(warm);
    console.log(`  drift: ${FILES} files, ${COMMITS} commits (a rename every 50), ${REPORTS} reports; ${states}; git diff --stat median ${p.toFixed(0)} ms`);
    // Not counted: the probe's own start-up (Node, the bundle, reading and parsing the reports).
    console.log(`  drift: probe start-up and report parsing median ${median(start).toFixed(0)} ms (outside the clock); warm run (second run in the process, no cache, as the extension maps again) median ${w.toFixed(0)} ms = ${(w / p).toFixed(2)}x`);
    // The target is judged on the cold run: a one-shot CLI run pays it, and so does the
    // extension's first mapping. The warm figure above is the steady state, shown, not judged.
    return { name: 'resolve + map locations (#10)', value: `cold median ${c.toFixed(0)} ms = ${(c / p).toFixed(2)}x git diff --stat <base>`, target: '<= 3x', pass: c / p <= 3 };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
