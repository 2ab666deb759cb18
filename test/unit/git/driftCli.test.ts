import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { ScanResult, ScannedLocation } from '../../../src/core';
import { git, numbered, tempRepo, text, write } from './fixtureRepo';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Each finding cites one location; the fixture repository is built commit by commit (the table of
// follow-the-code.md §5.12), and every expectation below is worked out from those edits by hand.
const MOVE_BLOCK = ['function checkSignature(sig) {', '  if (!sig) throw new Error("no sig");', '  return verify(sig, KEY);', '}'];

describe('CLI scan --json follows the code with real git (fixture repository built here)', function () {
  this.timeout(60_000);
  let dir: string;
  let repo: string;
  let c1: string;
  let c2b: string;

  before(() => {
    ({ dir, repo } = tempRepo('audit-lens-drift-'));
    // C1: the code as reviewed.
    write(repo, 'src/auth.ts', text(numbered('auth', 60)));
    write(repo, 'src/util.ts', text(numbered('util', 30)));
    write(repo, 'src/old.ts', text(numbered('old', 12)));
    write(repo, 'src/edit.ts', text(numbered('edit', 20)));
    write(repo, 'src/move.ts', text([...numbered('move', 29), ...MOVE_BLOCK, ...numbered('tail', 3)]));
    write(repo, 'app/[id]/page.tsx', text(numbered('id page', 10)));
    write(repo, 'app/i/page.tsx', text(numbered('i page', 10)));
    write(repo, 'src/unrelated.ts', text(Array.from({ length: 14 }, (_v, i) => `const shared_value_${i + 1} = compute(${i + 1});`)));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'code');
    c1 = git(repo, 'rev-parse', 'HEAD');
    // C2: the audit report, naming the reviewed commit.
    write(repo, 'AUDIT.md', text([
      '# Security Audit',
      '',
      `**Commit:** ${c1.slice(0, 7)}`,
      '',
      '## Findings',
      '',
      '### H-01 Token check', '', '**Severity:** High', '**File:** `src/auth.ts:40-45`', '',
      '### H-02 Helper', '', '**Severity:** High', '**File:** `src/util.ts:10-12`', '',
      '### H-03 Old code', '', '**Severity:** High', '**File:** `src/old.ts:5-8`', '',
      '### H-04 Edited', '', '**Severity:** High', '**File:** `src/edit.ts:5-7`', '',
      '### H-05 Moved block', '', '**Severity:** High', '**File:** `src/move.ts:30-33`', '',
      // The reader takes a bracketed folder from a permalink (a plain `app/[id]/page.tsx:3` it does not read yet).
      '### H-06 Next.js page', '', '**Severity:** High', '**File:** [page.tsx](https://github.com/acme/shop/blob/main/app/%5Bid%5D/page.tsx#L3-L4)', '',
      '### H-07 Unrelated', '', '**Severity:** High', '**File:** `src/unrelated.ts:2-3`', '',
    ]));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'report');
    // C2b: a second report that names no commit: its base is the commit that introduced each location.
    write(repo, 'REVIEW.md', text(['# Code Review', '', '| ID | Severity | Location | Status |', '|---|---|---|---|', '| R-1 | Medium | `src/util.ts:20` | Open |']));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'review');
    c2b = git(repo, 'rev-parse', 'HEAD');
    // C3: the code moves on.
    write(repo, 'src/auth.ts', text([...numbered('new top', 7), ...numbered('auth', 60)]));
    mkdirSync(join(repo, 'src/helpers'));
    git(repo, 'mv', 'src/util.ts', 'src/helpers/util.ts');
    write(repo, 'src/old.ts', text(numbered('old', 12).filter((_l, i) => i < 2 || i > 9)));
    write(repo, 'src/edit.ts', text(numbered('edit', 20).map((l, i) => (i === 5 ? 'edit six, rewritten' : l))));
    write(repo, 'src/move.ts', text([...MOVE_BLOCK, ...numbered('move', 29), ...numbered('tail', 3)]));
    write(repo, 'app/[id]/page.tsx', text(['// inserted', ...numbered('id page', 10)]));
    // A glob pathspec `app/[id]/page.tsx` would match this file, changed quite differently.
    write(repo, 'app/i/page.tsx', text(numbered('i page', 10).slice(3)));
    mkdirSync(join(repo, 'lib'));
    git(repo, 'mv', 'src/unrelated.ts', 'lib/other.ts');
    write(repo, 'lib/other.ts', text(Array.from({ length: 14 }, (_v, i) => (i < 6 ? `let other_${i} = unrelated(${i});` : `const shared_value_${i + 1} = compute(${i + 1});`))));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'drift');
    // C4: a status written back into REVIEW.md's row, after the drift.
    write(repo, 'REVIEW.md', readFileSync(join(repo, 'REVIEW.md'), 'utf8').replace('| Open |', '| Fixed |'));
    git(repo, 'commit', '-qam', 'status');
    // Not committed: a new finding, written against the code as it is now.
    writeFileSync(join(repo, 'REVIEW.md'), readFileSync(join(repo, 'REVIEW.md'), 'utf8') + '| R-2 | Low | `src/helpers/util.ts:5` | Open |\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function scan(root: string, ...extra: string[]): Promise<Map<string, ScannedLocation>> {
    const r = await run('scan', '--json', '--root', root, ...extra);
    strictEqual(r.code, 0, r.err);
    const result = JSON.parse(r.out) as ScanResult;
    const byId = new Map<string, ScannedLocation>();
    for (const rep of result.reports) for (const f of rep.findings) byId.set(f.id, f.locations[0]);
    return byId;
  }

  it('git is installed (these tests fail, never skip, without it)', () => {
    match(git(dir, '--version'), /^git version \d/);
  });

  it('inserted lines above: moved to 47-52; written path and lines kept', async () => {
    const l = (await scan(repo)).get('H-01')!;
    deepStrictEqual(l, { path: 'src/auth.ts', startLine: 40, endLine: 45, resolved: 'src/auth.ts', current: { startLine: 47, endLine: 52 }, drift: { state: 'moved', base: c1, baseSource: 'reviewCommit' } });
  });

  it('git mv to another folder: moved, resolved to the new path, renamedFrom the old one', async () => {
    const l = (await scan(repo)).get('H-02')!;
    deepStrictEqual([l.resolved, l.current, l.drift], ['src/helpers/util.ts', { startLine: 10, endLine: 12 }, { state: 'moved', base: c1, baseSource: 'reviewCommit', renamedFrom: 'src/util.ts' }]);
  });

  it('deleted lines: gone, no current lines, a note naming the base', async () => {
    const l = (await scan(repo)).get('H-03')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state], ['src/old.ts', null, 'gone']);
    strictEqual(l.drift?.note, `the code at src/old.ts:5-8 was deleted after ${c1.slice(0, 7)}`);
  });

  it('an edit inside the range: changed, range kept', async () => {
    const l = (await scan(repo)).get('H-04')!;
    deepStrictEqual([l.current, l.drift?.state], [{ startLine: 5, endLine: 7 }, 'changed']);
  });

  it('a block moved within the file: moved, found from the removed text', async () => {
    const l = (await scan(repo)).get('H-05')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state], ['src/move.ts', { startLine: 1, endLine: 4 }, 'moved']);
  });

  it('a Next.js path app/[id]/page.tsx is read literally, not as a glob', async () => {
    const l = (await scan(repo)).get('H-06')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state], ['app/[id]/page.tsx', { startLine: 4, endLine: 5 }, 'moved']);
  });

  it('a file git pairs at ~57 % with an unrelated one is no rename: gone, with the reason', async () => {
    const l = (await scan(repo)).get('H-07')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state], [null, null, 'gone']);
    match(l.drift?.note ?? '', /git paired src\/unrelated\.ts with lib\/other\.ts at 5\d % similarity, below 70 %/);
  });

  it('a status write-back commit does not move the base: introduced in the review commit, not the status commit', async () => {
    const l = (await scan(repo)).get('R-1')!;
    deepStrictEqual([l.resolved, l.current, l.drift], ['src/helpers/util.ts', { startLine: 20, endLine: 20 }, { state: 'moved', base: c2b, baseSource: 'introduced', renamedFrom: 'src/util.ts' }]);
  });

  it('an uncommitted new finding: written against the working tree, exact', async () => {
    const l = (await scan(repo)).get('R-2')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state, l.drift?.base, l.drift?.baseSource], ['src/helpers/util.ts', { startLine: 5, endLine: 5 }, 'exact', null, 'none']);
  });

  it('a shallow clone lacking the named commit: unknown with a note, never a silent fallback', async () => {
    const shallow = join(dir, 'shallow');
    git(dir, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    const l = (await scan(shallow)).get('H-01')!;
    deepStrictEqual([l.current, l.drift?.state, l.drift?.base, l.drift?.baseSource], [{ startLine: 40, endLine: 45 }, 'unknown', null, 'reviewCommit']);
    match(l.drift?.note ?? '', new RegExp(`${c1.slice(0, 7)}, which this clone does not have .*fetch-depth: 0`));
  });

  it('--no-git: no mapping, line numbers as written, state unknown', async () => {
    const l = (await scan(repo, '--no-git')).get('H-01')!;
    deepStrictEqual([l.resolved, l.current, l.drift?.state, l.drift?.baseSource], ['src/auth.ts', { startLine: 40, endLine: 45 }, 'unknown', 'none']);
  });

  it('the table says where the code moved from', async () => {
    const r = await run('scan', '--root', repo);
    ok(r.out.includes('src/helpers/util.ts:10 (moved from src/util.ts:10)'), r.out);
    ok(r.out.includes('src/old.ts:5 (gone)'), r.out);
    ok(r.out.includes('src/edit.ts:5 (changed)'), r.out);
  });

  it('check --stale fails on changed and gone open findings and names them', async () => {
    const plain = await run('check', '--root', repo, '--fail-on', 'critical');
    strictEqual(plain.code, 0, plain.out);
    const stale = await run('check', '--root', repo, '--fail-on', 'critical', '--stale');
    strictEqual(stale.code, 1);
    ok(stale.out.includes('stale: [H-03]'), stale.out);
    ok(stale.out.includes('stale: [H-04]'), stale.out);
    ok(stale.out.includes('stale: [H-07]'), stale.out);
    ok(!stale.out.includes('stale: [H-01]'), stale.out);
    match(stale.out, /FAIL: 3 open findings point at code that changed or was deleted/);
  });

  it('SARIF: regions at the current lines, the same fingerprint as before the move', async () => {
    const r = await run('export', '--format', 'sarif', '--root', repo);
    strictEqual(r.code, 0, r.err);
    type Result = { locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; endLine: number } } }>; partialFingerprints: Record<string, string>; properties: { id: string; drift?: unknown[] } };
    const results = (JSON.parse(r.out) as { runs: Array<{ results: Result[] }> }).runs[0].results;
    const h1 = results.find((x) => x.properties.id === 'H-01')!;
    deepStrictEqual(h1.locations[0].physicalLocation.region, { startLine: 47, endLine: 52 });
    deepStrictEqual(h1.partialFingerprints, { 'auditLens/v1': 'AUDIT.md#H-01' });
    const h2 = results.find((x) => x.properties.id === 'H-02')!;
    strictEqual(h2.locations[0].physicalLocation.artifactLocation.uri, 'src/helpers/util.ts');
    // Gone: the finding points at its report line.
    const h3 = results.find((x) => x.properties.id === 'H-03')!;
    strictEqual(h3.locations[0].physicalLocation.artifactLocation.uri, 'AUDIT.md');
  });

  it('remap prints the moves, --write rewrites only the moved numbers', async () => {
    const before = readFileSync(join(repo, 'AUDIT.md'), 'utf8');
    const dry = await run('remap', '--root', repo, join(repo, 'AUDIT.md'));
    strictEqual(dry.code, 0, dry.err);
    ok(dry.out.includes('AUDIT.md:10: src/auth.ts:40-45 → src/auth.ts:47-52'), dry.out);
    strictEqual(readFileSync(join(repo, 'AUDIT.md'), 'utf8'), before);
    const wrote = await run('remap', '--root', repo, '--write', join(repo, 'AUDIT.md'));
    strictEqual(wrote.code, 0, wrote.err);
    const expected = before
      .replace('`src/auth.ts:40-45`', '`src/auth.ts:47-52`')
      .replace('`src/move.ts:30-33`', '`src/move.ts:1-4`')
      // A branch permalink is rewritten (only a SHA-pinned one is right forever).
      .replace('page.tsx#L3-L4', 'page.tsx#L4-L5');
    strictEqual(readFileSync(join(repo, 'AUDIT.md'), 'utf8'), expected);
    git(repo, 'checkout', '--', 'AUDIT.md');
  });
});
