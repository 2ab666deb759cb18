import { match, ok, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built bin, as a user runs it: `audit-lens explain REPORT [--line N]`.
const BIN = join(__dirname, '../../../dist/cli.js');

function explain(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, 'explain', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI explain (dist/cli.js)', () => {
  let dir: string;
  let report: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-lens-explain-'));
    report = join(dir, 'AUDIT.md');
    writeFileSync(report, ['# Review', '', '## Findings', '', '### H1. SQL injection in search', '', '**Severity:** High', '', '## Deployment Steps', '', '1. Run the migration', ''].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the reading and exits 0', () => {
    const r = explain(report);
    strictEqual(r.code, 0, r.err);
    match(r.out, /^FINDING\s+line 5-7 heading "H1\. SQL injection in search"/m);
    match(r.out, /"Run the migration"/);
    strictEqual(r.err, '');
  });

  it('--line N shows only the blocks at that line', () => {
    const r = explain(report, '--line', '11');
    strictEqual(r.code, 0, r.err);
    ok(r.out.includes('"Run the migration"'), r.out);
    ok(!r.out.includes('"H1. SQL injection in search"'), r.out);
  });

  it('--line past the end prints that no block is there and exits 0 (a line is a question, not an error)', () => {
    const r = explain(report, '--line', '500');
    strictEqual(r.code, 0, r.err);
    match(r.out, /No block .*line 500/);
  });

  it('a missing report: one line on stderr naming the file, exit 2, nothing on stdout', () => {
    const missing = join(dir, 'missing.md');
    const r = explain(missing);
    strictEqual(r.code, 2);
    strictEqual(r.out, '');
    const lines = r.err.trim().split('\n');
    strictEqual(lines.length, 1, r.err);
    ok(lines[0].includes(missing), r.err);
  });

  it('a bad --line (0, text) is a usage error, exit 2', () => {
    for (const bad of ['0', 'ten', '-3']) {
      const r = explain(report, '--line', bad);
      strictEqual(r.code, 2, `--line ${bad}: ${r.out}`);
      match(r.err, /--line/);
    }
  });

  it('no report or two reports: usage error, exit 2', () => {
    strictEqual(explain().code, 2);
    strictEqual(explain(report, report).code, 2);
  });
});
