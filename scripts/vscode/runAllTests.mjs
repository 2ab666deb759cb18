// `npm run test:integration`: the integration suite in both workspace shapes it covers (one
// folder, and a multi-root workspace), each in its own code-server run, then the Restricted Mode
// suite in an untrusted folder, then one combined closing line `integration: N passed, N failed`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = [
  ['test/fixtures/workspace'],
  ['test/fixtures/multi-root.code-workspace'],
  // Workspace trust on: the folder opens in Restricted Mode, and only that suite runs.
  ['test/fixtures/workspace', '--untrusted', '--grep', 'Restricted Mode'],
];
const runner = fileURLToPath(new URL('./runTests.mjs', import.meta.url));

function runOne([workspace, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner, '--workspace', workspace, ...args, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString()).split('\n').slice(-20).join('\n');
    });
    child.on('close', (code) => {
      const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(last.split('\n').filter((l) => l.trim() !== '').pop() ?? '');
      resolve({ code: code ?? 1, passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), skipped: Number(m?.[3] ?? 0), counted: m !== null });
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
for (const run of RUNS) {
  console.log(`[integration] workspace ${run.join(' ')}`);
  const r = await runOne(run);
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  if (r.code !== 0 || !r.counted) exitCode = r.code || 1;
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`integration: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = exitCode;
