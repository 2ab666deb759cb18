// `npm run test:integration`: the integration suite in both workspace shapes it covers (one
// folder, and a multi-root workspace), each in its own code-server run, then one combined
// closing line `integration: N passed, N failed`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKSPACES = ['test/fixtures/workspace', 'test/fixtures/multi-root.code-workspace'];
const runner = fileURLToPath(new URL('./runTests.mjs', import.meta.url));

function runOne(workspace) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner, '--workspace', workspace, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
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
for (const workspace of WORKSPACES) {
  console.log(`[integration] workspace ${workspace}`);
  const r = await runOne(workspace);
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  if (r.code !== 0 || !r.counted) exitCode = r.code || 1;
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`integration: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = exitCode;
