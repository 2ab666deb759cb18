// The extension's speed figures in a real VS Code (code-server), on a monorepo-shaped workspace:
// BENCH_REPORTS reports (default 200; the figures are at 200 and 1,000) spread over
// BENCH_REPORTS/10 service folders, each service holding the source files its reports cite.
// Runs the CLI's cold scan of the same workspace first (the baseline for "everything indexed"),
// then bundles test/integration/bench/extensionBench.ts and runs it with the integration
// launcher, which prints one line per figure.
//   BENCH_REPORTS=1000 BENCH_RUNS=3 node scripts/vscode/benchExtension.mjs   (after `node esbuild.config.mjs`)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths.mjs';

const REPORTS = readCount('BENCH_REPORTS', 200, 20);
const RUNS = readCount('BENCH_RUNS', 3, 1);
const SERVICES = Math.max(1, Math.round(REPORTS / 10));
/**
 * Off by default: the reports open as plain text, so that the built-in Markdown extension (which
 * sends a 1 MB document to its language server on every edit, hundreds of ms of the host's
 * main thread) does not stand in the queue in front of Audit Lens. BENCH_MARKDOWN=1 keeps it.
 */
const MARKDOWN = process.env.BENCH_MARKDOWN === '1';
/** Source files per service: each cited by the findings of that service's reports. */
const FILES = 20;
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Info'];
const STATUSES = ['Open', 'Open', 'Open', 'Fixed', 'Deferred'];
const FILLER = 'The value is used before it is checked, so a crafted request reaches the handler with an unexpected shape; ' +
  'validate it at the boundary and reject what does not fit. ';
/** The reports the edit figures are taken in: about 50 KB and about 1 MB, both in the first service. */
const EDIT_REPORTS = [
  { name: 'edit-50kb-audit.md', findings: 82 },
  { name: 'edit-1mb-audit.md', findings: 1700 },
];

function readCount(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`[bench] ${name} must be a whole number of at least ${min} (got "${raw}").`);
    process.exit(2);
  }
  return n;
}

const service = (s) => `svc${String(s).padStart(4, '0')}`;

/**
 * One finding. Nine in ten cite their file relative to the service root (`src/mod3.ts`), as
 * people write them in a monorepo; one in ten from the repository root
 * (`services/svc0001/src/mod3.ts`), which resolves however locations are looked up, so that
 * the visible editor's file has findings to show.
 */
function finding(s, r, k, long) {
  const n = r * 1000 + k;
  const file = `src/mod${n % FILES}.ts`;
  const path = n % 10 === 0 ? `services/${service(s)}/${file}` : file;
  const line = 1 + ((n * 7) % 380);
  return [
    `### [F-${r}-${k}] Unchecked input number ${k} in module ${n % FILES}`,
    '',
    `**Severity:** ${SEVERITIES[n % 5]}`,
    `**Status:** ${STATUSES[(n >> 3) % 5]}`,
    `**Location:** \`${path}:${line}-${line + 2}\``,
    '',
    FILLER.repeat(long ? 3 : 2),
    '',
  ].join('\n');
}

function generate(dir) {
  let findings = 0;
  for (let s = 0; s < SERVICES; s++) {
    const root = join(dir, 'services', service(s));
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'audits'), { recursive: true });
    // Valid TypeScript: the built-in TypeScript service checks the file shown in the editor.
    const source = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i};\n`).join('');
    for (let f = 0; f < FILES; f++) writeFileSync(join(root, 'src', `mod${f}.ts`), source);
  }
  for (let r = 0; r < REPORTS; r++) {
    const s = Math.min(SERVICES - 1, Math.floor(r / 10));
    const edit = r < EDIT_REPORTS.length ? EDIT_REPORTS[r] : undefined;
    const count = edit?.findings ?? 50;
    const body = Array.from({ length: count }, (_, k) => finding(s, r, k, count > 50)).join('\n');
    const name = edit?.name ?? `report-${r}-audit.md`;
    writeFileSync(join(dir, 'services', service(s), 'audits', name), `# Audit ${r}\n\n## Findings\n\n${body}`);
    findings += count;
  }
  if (!MARKDOWN) {
    mkdirSync(join(dir, '.vscode'), { recursive: true });
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'files.associations': { '**/audits/*.md': 'plaintext' } }, null, 2));
  }
  return findings;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The CLI's cold scan of the same workspace, its JSON thrown away: the median of RUNS runs. */
function cliColdScan(workspace) {
  const cli = join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `node esbuild.config.mjs` first.');
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const devNull = openSync('/dev/null', 'w');
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'scan', '--root', workspace, '--json'], { stdio: ['ignore', devNull, 'inherit'] });
    times.push(performance.now() - started);
    closeSync(devNull);
    if (run.status !== 0) throw new Error(`the CLI scan failed (exit code ${run.status})`);
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), 'audit-lens-bench-'));
try {
  const workspace = join(work, 'workspace');
  const findings = generate(workspace);
  console.log(`[bench] workspace: ${REPORTS} reports, ${findings} findings, ${SERVICES} services of ${FILES} source files; ${RUNS} runs per figure; ` +
    `reports open as ${MARKDOWN ? 'Markdown (the built-in Markdown extension on)' : 'plain text (the built-in Markdown extension left out)'}`);
  const cliMs = cliColdScan(workspace);
  console.log(`[bench] CLI cold scan (node dist/cli.js scan --root … --json > /dev/null): median ${cliMs.toFixed(0)} ms`);
  // What the in-editor half needs to know, in a file it can read (not a report: no report glob matches it).
  writeFileSync(join(workspace, 'bench.json'), JSON.stringify({
    runs: RUNS,
    cliColdScanMs: cliMs,
    visibleFile: `services/${service(SERVICES - 1)}/src/mod0.ts`,
    editReports: EDIT_REPORTS.map((e) => `services/${service(0)}/audits/${e.name}`),
  }));
  const entry = join(work, 'bench', 'index.js');
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test/integration/bench/extensionBench.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: entry, external: ['vscode'], logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/vscode/runTests.mjs'), '--workspace', workspace, '--tests', entry, '--timeout', '1800'], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
