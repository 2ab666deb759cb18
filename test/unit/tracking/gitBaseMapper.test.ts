import { deepStrictEqual, ok, rejects, strictEqual } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocationRef, TrackedLocation } from '../../../src/core';
import type { BaseMapRequest } from '../../../src/extension/tracking/baseMapper';
import { GitBaseFileReader } from '../../../src/extension/tracking/gitBaseFileReader';
import { GitBaseMapper } from '../../../src/extension/tracking/gitBaseMapper';
import { GitSwitch, gitWanted } from '../../../src/extension/tracking/gitSwitch';
import { git, numbered, tempRepo, text, write } from '../git/fixtureRepo';

// The editor's git mapper against real git, on a repository built here (never skipped: the
// fixture helper fails clearly without git). Two workspace folders live in one repository
// (`app/` and `lib/`), each with its own report citing its own files by folder-relative paths.
// Every expected line below is worked out by hand from the edits made after the report's commit.

/** A report's request as the tracker builds it: one location per finding, keys `F<n>`. */
function request(root: string, reportPath: string, reportText: string, cited: Array<{ ref: LocationRef; line: number }>): BaseMapRequest {
  return {
    root,
    reportPath,
    locations: cited.map((c, i) => ({ key: `F${i}`, ref: c.ref, resolved: c.ref.path })),
    findings: cited.map((c, i) => ({ reportRange: { startLine: c.line - 1, endLine: c.line }, keys: [`F${i}`] })),
    text: () => Promise.resolve(reportText),
  };
}

const pick = (t: TrackedLocation | undefined) => t && { state: t.drift.state, current: t.current, base: t.drift.base };

describe('GitBaseMapper with real git (multi-root fixture built here)', function () {
  this.timeout(60_000);
  let dir: string;
  let repo: string;
  let base: string;
  let appReport: string;
  let libReport: string;

  before(() => {
    ({ dir, repo } = tempRepo('audit-lens-gitmapper-'));
    write(repo, 'app/src/auth.ts', text(numbered('auth', 30)));
    write(repo, 'app/src/old.ts', text(numbered('old', 12)));
    write(repo, 'app/src/edit.ts', text(numbered('edit', 20)));
    write(repo, 'lib/util.ts', text(numbered('util', 20)));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'code');
    base = git(repo, 'rev-parse', 'HEAD');
    appReport = text(['# Audit', '', `**Commit:** ${base.slice(0, 7)}`, '', '### H-1 Moved', '**File:** `src/auth.ts:10-12`', '### H-2 Gone', '**File:** `src/old.ts:5-8`', '### H-3 Changed', '**File:** `src/edit.ts:4-6`']);
    libReport = text(['# Lib review', '', `**Commit:** ${base.slice(0, 7)}`, '', '### L-1 Moved', '**File:** `util.ts:3-4`']);
    write(repo, 'app/AUDIT.md', appReport);
    write(repo, 'lib/REVIEW.md', libReport);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'reports');
    // The code moves on: 3 lines above H-1, H-2's lines 3–10 deleted, a line inside H-3 edited, 5 lines above L-1.
    write(repo, 'app/src/auth.ts', text([...numbered('new top', 3), ...numbered('auth', 30)]));
    write(repo, 'app/src/old.ts', text(numbered('old', 12).filter((_l, i) => i < 2 || i > 9)));
    write(repo, 'app/src/edit.ts', text(numbered('edit', 20).map((l, i) => (i === 4 ? 'edit five, rewritten' : l))));
    write(repo, 'lib/util.ts', text([...numbered('lib top', 5), ...numbered('util', 20)]));
    git(repo, 'commit', '-qam', 'code moves on');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('maps each folder\'s report from its named commit, paths relative to that folder, in one batch per folder', async () => {
    const spawned: string[][] = [];
    const mapper = new GitBaseMapper({ onSpawn: (a) => spawned.push([...a]) }, 10);
    const signal = new AbortController().signal;
    const [app, lib] = await Promise.all([
      mapper.map(request(join(repo, 'app'), 'AUDIT.md', appReport, [
        { ref: { path: 'src/auth.ts', startLine: 10, endLine: 12 }, line: 6 },
        { ref: { path: 'src/old.ts', startLine: 5, endLine: 8 }, line: 8 },
        { ref: { path: 'src/edit.ts', startLine: 4, endLine: 6 }, line: 10 },
      ]), signal),
      mapper.map(request(join(repo, 'lib'), 'REVIEW.md', libReport, [{ ref: { path: 'util.ts', startLine: 3, endLine: 4 }, line: 6 }]), signal),
    ]);
    deepStrictEqual(pick(app.get('F0')), { state: 'moved', current: { startLine: 13, endLine: 15 }, base });
    deepStrictEqual(pick(app.get('F1')), { state: 'gone', current: null, base });
    deepStrictEqual(pick(app.get('F2')), { state: 'changed', current: { startLine: 4, endLine: 6 }, base });
    deepStrictEqual(pick(lib.get('F0')), { state: 'moved', current: { startLine: 8, endLine: 9 }, base });
    ok(spawned.length > 0, 'git ran');
    ok(spawned.every((a) => a[0] === '--literal-pathspecs'), 'every git call reads paths literally');
  });

  it('answers a superseded or aborted request with nothing, and runs git once for the newer one', async () => {
    let runs = 0;
    // Each tracker run opens one `git cat-file --batch` (for HEAD and the named commits): one per run.
    const mapper = new GitBaseMapper({ onSpawn: (a) => void (a.includes('cat-file') && runs++) }, 30);
    const cited = [{ ref: { path: 'src/auth.ts', startLine: 10, endLine: 12 }, line: 6 }];
    const aborted = new AbortController();
    const first = mapper.map(request(join(repo, 'app'), 'AUDIT.md', appReport, cited), aborted.signal);
    aborted.abort();
    const second = mapper.map(request(join(repo, 'app'), 'AUDIT.md', appReport, cited), new AbortController().signal);
    strictEqual((await first).size, 0);
    deepStrictEqual(pick((await second).get('F0'))?.current, { startLine: 13, endLine: 15 });
    strictEqual(runs, 1, 'one cat-file process: the two requests ran as one');
  });

  it('reads a file at the base for Compare with <sha>, and says why when it cannot', async () => {
    const reader = new GitBaseFileReader();
    const signal = new AbortController().signal;
    strictEqual(await reader.read(join(repo, 'app'), base, 'src/old.ts', signal), text(numbered('old', 12)));
    await rejects(reader.read(join(repo, 'app'), base, 'src/nope.ts', signal), /src\/nope\.ts at [0-9a-f]{7} could not be read with git/);
    await rejects(reader.read(join(repo, 'app'), '--output=x', 'src/old.ts', signal), /is not a commit id/);
  });
});

describe('GitSwitch: git only in a trusted workspace', () => {
  it('decides from trust and the folders\' modes', () => {
    strictEqual(gitWanted(true, ['edits', 'git']), true);
    strictEqual(gitWanted(false, ['git']), false);
    strictEqual(gitWanted(true, ['edits', 'off']), false);
    strictEqual(gitWanted(true, []), false);
  });

  it('creates no mapper and starts no git untrusted; creates one when trust is granted; drops it for followCode: edits', () => {
    let trusted = false;
    let modes: Array<'git' | 'edits' | 'off'> = ['git'];
    const applied: Array<boolean> = [];
    let spawns = 0;
    const sw = new GitSwitch({ isTrusted: () => trusted, modes: () => modes, gitPath: () => undefined, apply: (m) => applied.push(m !== undefined), onSpawn: () => spawns++ });
    sw.evaluate();
    deepStrictEqual(applied, [], 'untrusted: nothing handed to the tracker');
    strictEqual(sw.active, false);
    strictEqual(sw.reader(), undefined, 'no base reader untrusted either');
    strictEqual(spawns, 0);
    trusted = true;
    sw.evaluate();
    deepStrictEqual(applied, [true]);
    ok(sw.reader());
    sw.evaluate();
    deepStrictEqual(applied, [true], 'nothing changed: the same mapper (and its caches) stays');
    modes = ['edits'];
    sw.evaluate();
    deepStrictEqual(applied, [true, false]);
    strictEqual(sw.reader(), undefined);
    sw.dispose();
  });

  it('the mapper it makes reports each git process it starts', async () => {
    let spawns = 0;
    let mapper: GitBaseMapper | undefined;
    const sw = new GitSwitch({ isTrusted: () => true, modes: () => ['git'], gitPath: () => undefined, apply: (m) => (mapper = m as GitBaseMapper), onSpawn: () => spawns++ });
    sw.evaluate();
    ok(mapper);
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-switch-')));
    try {
      await mapper.map(request(dir, 'A.md', '# A\n', [{ ref: { path: 'a.ts', startLine: 1, endLine: 1 }, line: 2 }]), new AbortController().signal);
      ok(spawns > 0, 'git was started (and counted) for a trusted folder');
    } finally {
      sw.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
