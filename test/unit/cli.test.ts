import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { cacheFileFor } from '../../src/cli/scanCache';
import type { ScanResult } from '../../src/core';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const REPORT = [
  '# Security Review',
  '',
  '## Findings',
  '',
  '### H1. SQL injection in search',
  '',
  '**Severity:** High',
  '**File:** `src/search.ts:10-12`',
  '',
  '### M1. Token in logs',
  '',
  '**Severity:** Medium',
  '**Status:** Fixed',
  '**Location:** `logger.ts:3`',
  '',
  '### L1. Escapes the root',
  '',
  '**File:** `../../etc/secret.txt:1`, `/etc/app.conf:1`, `outside.ts:1`',
  '',
].join('\n');

const NO_GIT = { state: 'unknown', base: null, baseSource: 'none', note: 'no git history: not in a git repository; line numbers are as written' };

describe('CLI', () => {
  let root: string;
  let outside: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'audit-lens-cli-'));
    outside = mkdtempSync(join(tmpdir(), 'audit-lens-outside-'));
    mkdirSync(join(root, 'src/util'), { recursive: true });
    mkdirSync(join(root, 'docs'), { recursive: true });
    mkdirSync(join(root, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(root, 'src/search.ts'), 'x\n'.repeat(20));
    writeFileSync(join(root, 'src/util/logger.ts'), 'y\n'.repeat(5));
    writeFileSync(join(root, 'docs/SECURITY_REVIEW.md'), REPORT);
    writeFileSync(join(root, 'node_modules/pkg/AUDIT.md'), '### H1. not a report of ours\n');
    writeFileSync(join(root, 'README.md'), '# Not a report\n\n### H1. no\n');
    writeFileSync(join(outside, 'outside.ts'), 'z\n');
    symlinkSync(join(outside, 'outside.ts'), join(root, 'src/outside.ts'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('scan --json: the documented shape, with resolved locations and nothing outside the root', async () => {
    const { code, out } = await run('scan', '--root', root, '--json');
    strictEqual(code, 0);
    const scan = JSON.parse(out) as ScanResult;
    strictEqual(scan.version, 1);
    deepStrictEqual(scan.reports.map((r) => r.path), ['docs/SECURITY_REVIEW.md']);
    const [h1, m1, l1] = scan.reports[0].findings;
    deepStrictEqual(h1, {
      id: 'H1',
      key: 'H1',
      title: 'SQL injection in search',
      severity: 'high',
      status: 'open',
      reportRange: { startLine: 5, endLine: 8 },
      // The root is no git repository: each location stays at its written lines, state unknown, with the reason (#10).
      locations: [{ path: 'src/search.ts', startLine: 10, endLine: 12, resolved: 'src/search.ts', current: { startLine: 10, endLine: 12 }, drift: NO_GIT }],
      statusNote: null,
    });
    deepStrictEqual(m1.locations, [{ path: 'logger.ts', startLine: 3, endLine: 3, resolved: 'src/util/logger.ts', current: { startLine: 3, endLine: 3 }, drift: NO_GIT }]);
    strictEqual(m1.status, 'fixed');
    deepStrictEqual(l1.locations.map((l) => l.resolved), [null, null, null]);
    deepStrictEqual(scan.errors, []);
  });

  it('scan prints a readable table by default', async () => {
    const { code, out } = await run('scan', '--root', root);
    strictEqual(code, 0);
    match(out, /docs\/SECURITY_REVIEW\.md — Security Review \(3 findings\)/);
    match(out, /H1\s+high\s+open\s+src\/search\.ts:10-12\s+SQL injection in search/);
    match(out, /1 report, 3 findings, 2 open/);
  });

  it('unreadable, binary and huge reports become errors and never stop the scan', async () => {
    writeFileSync(join(root, 'docs/binary-audit.md'), Buffer.from([0x23, 0, 1, 2]));
    writeFileSync(join(root, 'docs/huge-audit.md'), Buffer.alloc(6 * 1024 * 1024, 0x61));
    const scan = JSON.parse((await run('scan', '--root', root, '--json')).out) as ScanResult;
    strictEqual(scan.reports.length, 1);
    deepStrictEqual(scan.errors.map((e) => e.path).sort(), ['docs/binary-audit.md', 'docs/huge-audit.md']);
    match(scan.errors.map((e) => e.message).join(' '), /binary/);
  });

  it('scan of named files; a file outside the root is an error entry', async () => {
    writeFileSync(join(outside, 'x-audit.md'), REPORT);
    const scan = JSON.parse((await run('scan', '--root', root, '--json', join(root, 'docs/SECURITY_REVIEW.md'), join(outside, 'x-audit.md'))).out) as ScanResult;
    strictEqual(scan.reports.length, 1);
    strictEqual(scan.errors.length, 1);
    match(scan.errors[0].message, /Outside the root/);
  });

  it('set-status writes the report in place and prints what changed', async () => {
    const file = join(root, 'docs/SECURITY_REVIEW.md');
    const { code, out } = await run('set-status', '--root', root, file, 'H1', 'deferred', '--note', 'after release', '--no-date');
    strictEqual(code, 0);
    match(out, /\[H1\] SQL injection in search open → deferred/);
    const text = readFileSync(file, 'utf8');
    strictEqual(text, REPORT.replace('### H1. SQL injection in search\n', '### H1. SQL injection in search\n\n**Status:** Deferred: after release\n'));
    const again = await run('set-status', '--root', root, file, 'H1', 'deferred');
    match(again.out, /already deferred; nothing changed/);
  });

  it('set-status adds the date by default', async () => {
    const file = join(root, 'docs/SECURITY_REVIEW.md');
    await run('set-status', '--root', root, file, 'H1', 'fixed');
    match(readFileSync(file, 'utf8'), /\*\*Status:\*\* Fixed \(\d{4}-\d{2}-\d{2}\)/);
    // Reopening writes a clean Open, never an `Open (date)`.
    await run('set-status', '--root', root, file, 'H1', 'open');
    match(readFileSync(file, 'utf8'), /### H1\. SQL injection in search\n\n\*\*Status:\*\* Open\n/);
  });

  it('set-status with an unknown id or status: exit 2, a clear message, the file untouched', async () => {
    const file = join(root, 'docs/SECURITY_REVIEW.md');
    const badId = await run('set-status', '--root', root, file, 'H9', 'fixed');
    strictEqual(badId.code, 2);
    match(badId.err, /No finding with id "H9".*Known ids: H1, M1, L1/);
    const badStatus = await run('set-status', '--root', root, file, 'H1', 'done');
    strictEqual(badStatus.code, 2);
    match(badStatus.err, /Unknown status "done"/);
    strictEqual(readFileSync(file, 'utf8'), REPORT);
  });

  it('set-status refuses a report outside the root and a missing one', async () => {
    writeFileSync(join(outside, 'x-audit.md'), REPORT);
    const escaped = await run('set-status', '--root', root, join(outside, 'x-audit.md'), 'H1', 'fixed');
    strictEqual(escaped.code, 2);
    match(escaped.err, /outside the root/);
    strictEqual(readFileSync(join(outside, 'x-audit.md'), 'utf8'), REPORT);
    const missing = await run('set-status', '--root', root, join(root, 'nope.md'), 'H1', 'fixed');
    strictEqual(missing.code, 2);
    match(missing.err, /^audit-lens: Report not found: .*nope\.md$/);
  });

  it('check: exit 1 when open findings at or above the severity exist', async () => {
    const high = await run('check', '--root', root, '--fail-on', 'high');
    strictEqual(high.code, 1);
    match(high.out, /high: \[H1\] SQL injection in search src\/search\.ts:10/);
    match(high.out, /FAIL: 1 open finding at or above high/);
    await run('set-status', '--root', root, join(root, 'docs/SECURITY_REVIEW.md'), 'H1', 'fixed');
    const after = await run('check', '--root', root, '--fail-on', 'high');
    strictEqual(after.code, 0);
    strictEqual((await run('check', '--root', root, '--fail-on', 'any')).code, 1, 'L1 has no severity and counts with any');
  });

  it('export --format sarif: a SARIF 2.1.0 log with suppressions for closed-as-not-a-bug findings', async () => {
    await run('set-status', '--root', root, join(root, 'docs/SECURITY_REVIEW.md'), 'L1', 'false_positive', '--note', 'not reachable');
    const { code, out } = await run('export', '--format', 'sarif', '--root', root);
    strictEqual(code, 0);
    const log = JSON.parse(out);
    strictEqual(log.version, '2.1.0');
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; suppressions?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }>;
    // One rule per severity (L1 is low by its id letter), not one per report path.
    deepStrictEqual(results.map((r) => r.ruleId), ['audit-lens/high', 'audit-lens/low']);
    strictEqual(results[0].level, 'error');
    deepStrictEqual(results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/search.ts');
    strictEqual(results[0].locations[0].physicalLocation.region?.startLine, 10);
    deepStrictEqual(results[1].suppressions, [{ kind: 'external', status: 'accepted', justification: 'False positive: not reachable (docs/SECURITY_REVIEW.md:16)' }]);
  });

  it('bad arguments: exit 2 with usage', async () => {
    for (const argv of [[], ['frobnicate'], ['scan', '--bogus'], ['set-status', 'only-one'], ['check', '--fail-on', 'huge'], ['export']]) {
      const r = await run(...argv);
      strictEqual(r.code, 2, argv.join(' '));
      match(r.err, /Usage: audit-lens/);
    }
  });

  it('--cache reuses results for unchanged files and notices changes', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'audit-lens-cache-'));
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cacheHome;
    after(() => {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
      rmSync(cacheHome, { recursive: true, force: true });
    });
    const first = JSON.parse((await run('scan', '--root', root, '--json', '--cache')).out) as ScanResult;
    // The cache lives in the user's cache folder, keyed by the root's real path; never in the root.
    ok(readFileSync(cacheFileFor(realpathSync(root)), 'utf8').includes('SQL injection'));
    ok(cacheFileFor(realpathSync(root)).startsWith(join(cacheHome, 'audit-lens')));
    deepStrictEqual(readdirSync(root).filter((n) => n.includes('cache')), []);
    const warm = JSON.parse((await run('scan', '--root', root, '--json', '--cache')).out) as ScanResult;
    deepStrictEqual(warm, first);
    await run('set-status', '--root', root, join(root, 'docs/SECURITY_REVIEW.md'), 'H1', 'fixed');
    const changed = JSON.parse((await run('scan', '--root', root, '--json', '--cache')).out) as ScanResult;
    strictEqual(changed.reports[0].findings[0].status, 'fixed');
  });

  it('the built bin runs: dist/cli.js scan --json', () => {
    const bin = join(__dirname, '../../../dist/cli.js');
    const r = spawnSync(process.execPath, [bin, 'scan', '--json', '--root', root], { encoding: 'utf8' });
    strictEqual(r.status, 0, r.stderr);
    strictEqual((JSON.parse(r.stdout) as ScanResult).reports[0].findings.length, 3);
    const bad = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    strictEqual(bad.status, 2);
  });
});
