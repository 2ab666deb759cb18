// The extension's speed figures in a real VS Code (code-server): builds a 200-report,
// 10,000-finding workspace, bundles test/integration/bench/extensionBench.ts, and runs it
// with the integration launcher, which prints one line per figure.
//   node scripts/vscode/benchExtension.mjs      (after `node esbuild.config.mjs`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths.mjs';

const REPORTS = 200;
const FILES = 100;
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Info'];
const STATUSES = ['Open', 'Open', 'Open', 'Fixed', 'Deferred'];
const FILLER = 'The value is used before it is checked, so a crafted request reaches the handler with an unexpected shape; ' +
  'validate it at the boundary and reject what does not fit. ';

function finding(r, k, total) {
  const n = r * 1000 + k;
  const file = `src/mod${n % FILES}.ts`;
  const line = 1 + ((n * 7) % 380);
  return [
    `### [F-${r}-${k}] Unchecked input number ${k} in module ${n % FILES}`,
    '',
    `**Severity:** ${SEVERITIES[n % 5]}`,
    `**Status:** ${STATUSES[(n >> 3) % 5]}`,
    `**Location:** \`${file}:${line}-${line + 2}\``,
    '',
    FILLER.repeat(total > 50 ? 3 : 2),
    '',
  ].join('\n');
}

function generate(dir) {
  mkdirSync(join(dir, 'reports'), { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (let f = 0; f < FILES; f++) writeFileSync(join(dir, 'src', `mod${f}.ts`), 'export const x = 1;\n'.repeat(400));
  let findings = 0;
  for (let r = 0; r < REPORTS; r++) {
    // One report of about 50 KB (the edit benchmark's), the others about 25 KB.
    const count = r === 0 ? 82 : 50;
    const body = Array.from({ length: count }, (_, k) => finding(r, k, count)).join('\n');
    writeFileSync(join(dir, 'reports', r === 0 ? 'big-audit.md' : `report-${r}-audit.md`), `# Audit ${r}\n\n## Findings\n\n${body}`);
    findings += count;
  }
  return findings;
}

const work = mkdtempSync(join(tmpdir(), 'audit-lens-bench-'));
try {
  const workspace = join(work, 'workspace');
  const findings = generate(workspace);
  console.log(`[bench] workspace: ${REPORTS} reports, ${findings} findings, ${FILES} source files`);
  const entry = join(work, 'bench', 'index.js');
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test/integration/bench/extensionBench.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: entry, external: ['vscode'], logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/vscode/runTests.mjs'), '--workspace', workspace, '--tests', entry, '--timeout', '600'], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
