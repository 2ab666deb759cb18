import { deepStrictEqual, strictEqual } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocationRef, TrackedLocation } from '../../../src/core';
import { DriftTracker, runGit, type DriftReport } from '../../../src/node/git';
import { git, numbered, text, write } from './fixtureRepo';

describe('git adapter (real git)', function () {
  this.timeout(30_000);
  let repo: string;
  before(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-git-')));
    git(repo, 'init', '-q', '-b', 'main');
    write(repo, 'app/i/page.tsx', text(numbered('i', 3)));
    write(repo, 'src/a.ts', text(numbered('a', 20)));
    write(repo, 'AUDIT.md', text(['# Audit', '', '### H-1 Bug', '', '**File:** `src/a.ts:5-6`']));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'one');
    write(repo, 'src/a.ts', text(['top', ...numbered('a', 20)]));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const report = (): DriftReport => ({ path: 'AUDIT.md', text: text(['# Audit', '', '### H-1 Bug', '', '**File:** `src/a.ts:5-6`']), findings: [{ reportRange: { startLine: 3, endLine: 5 }, locations: [{ path: 'src/a.ts', startLine: 5, endLine: 6 }] }] });

  it('reads paths literally: app/[id]/page.tsx is no glob matching app/i/page.tsx', async () => {
    const r = await runGit(repo, ['ls-files', '--', 'app/[id]/page.tsx']);
    deepStrictEqual(r.ok && r.stdout.toString(), '');
    const plain = await runGit(repo, ['ls-files', '--', 'app/i/page.tsx']);
    deepStrictEqual(plain.ok && plain.stdout.toString(), 'app/i/page.tsx\n');
  });

  it('caps the output and says so', async () => {
    deepStrictEqual(await runGit(repo, ['ls-files'], { maxBytes: 4 }), { ok: false, message: 'git printed more than the output cap' });
  });

  it('a missing git binary is a message, not a crash', async () => {
    deepStrictEqual(await runGit(repo, ['status'], { gitPath: join(repo, 'no-such-git') }), { ok: false, message: `git was not found (${join(repo, 'no-such-git')})` });
  });

  it('maps in a batch, and a second run with nothing changed reuses the base diff', async () => {
    const spawned: string[][] = [];
    const tracker = new DriftTracker(repo, { onSpawn: (a) => spawned.push([...a]) });
    const first = await tracker.track([report()], (p) => p);
    deepStrictEqual(first[0][0][0].current, { startLine: 6, endLine: 7 });
    strictEqual(first[0][0][0].drift.state, 'moved');
    const diffsFirst = spawned.filter((a) => a.includes('diff') && a.includes('-p')).length;
    strictEqual(diffsFirst, 1);
    spawned.length = 0;
    await tracker.track([report()], (p) => p);
    strictEqual(spawned.filter((a) => a.includes('diff') && a.includes('-p')).length, 0, JSON.stringify(spawned));
    strictEqual(spawned.filter((a) => a.includes('ls-tree')).length, 0);
    // The file changes again: the uncommitted state differs, the diff runs again and sees it.
    writeFileSync(join(repo, 'src/a.ts'), text(['top', 'second top', ...numbered('a', 20)]));
    spawned.length = 0;
    const third = await tracker.track([report()], (p) => p);
    strictEqual(spawned.filter((a) => a.includes('diff') && a.includes('-p')).length, 1);
    deepStrictEqual(third[0][0][0].current, { startLine: 7, endLine: 8 });
  });

  it('finds cited paths at the base without listing its tree, and lists it only for a path written as a suffix', async () => {
    const sub = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-git-at-base-')));
    try {
      git(sub, 'init', '-q', '-b', 'main');
      write(sub, 'src/a.ts', text(numbered('a', 10)));
      write(sub, 'docs/notes.ts', text(numbered('n', 10)));
      write(sub, 'lib/deep/util.ts', text(numbered('u', 10)));
      const body = ['# Audit', '', '### H-1 Bug', '', '**File:** `src/a.ts:2-3`, `notes.ts:4`, `util.ts:5`'];
      write(sub, 'docs/AUDIT.md', text(body));
      git(sub, 'add', '-A');
      git(sub, 'commit', '-qm', 'one');
      write(sub, 'src/a.ts', text(['top', ...numbered('a', 10)]));
      write(sub, 'docs/notes.ts', text(['top', 'top', ...numbered('n', 10)]));
      write(sub, 'lib/deep/util.ts', text(['top', 'top', 'top', ...numbered('u', 10)]));
      const locations = [{ path: 'src/a.ts', startLine: 2, endLine: 3 }, { path: 'notes.ts', startLine: 4, endLine: 4 }, { path: 'util.ts', startLine: 5, endLine: 5 }];
      const now: Record<string, string> = { 'src/a.ts': 'src/a.ts', 'notes.ts': 'docs/notes.ts', 'util.ts': 'lib/deep/util.ts' };
      const r: DriftReport = { path: 'docs/AUDIT.md', text: text(body), findings: [{ reportRange: { startLine: 3, endLine: 5 }, locations }] };
      const spawned: string[][] = [];
      const [[mapped]] = await new DriftTracker(sub, { cache: false, onSpawn: (a) => spawned.push([...a]) }).track([r], (p) => now[p] ?? null);
      // As written (src/a.ts), relative to the report's folder (docs/notes.ts), by a unique suffix (lib/deep/util.ts).
      deepStrictEqual(mapped.map((l) => [l.resolved, l.current, l.drift.state]), [
        ['src/a.ts', { startLine: 3, endLine: 4 }, 'moved'],
        ['docs/notes.ts', { startLine: 6, endLine: 6 }, 'moved'],
        ['lib/deep/util.ts', { startLine: 8, endLine: 8 }, 'moved'],
      ]);
      // Only the suffix needed the tree; no rev-parse: the cat-file process answers HEAD.
      strictEqual(spawned.filter((a) => a.includes('ls-tree')).length, 1, JSON.stringify(spawned));
      strictEqual(spawned.filter((a) => a.includes('rev-parse')).length, 0, JSON.stringify(spawned));
      strictEqual(spawned.filter((a) => a.includes('cat-file')).length, 1, JSON.stringify(spawned));
      spawned.length = 0;
      // Without the suffix-written one, the tree is never listed.
      const two: DriftReport = { ...r, findings: [{ reportRange: { startLine: 3, endLine: 5 }, locations: locations.slice(0, 2) }] };
      const [[again]] = await new DriftTracker(sub, { cache: false, onSpawn: (a) => spawned.push([...a]) }).track([two], (p) => now[p] ?? null);
      deepStrictEqual(again.map((l) => l.current), [{ startLine: 3, endLine: 4 }, { startLine: 6, endLine: 6 }]);
      strictEqual(spawned.filter((a) => a.includes('ls-tree')).length, 0, JSON.stringify(spawned));
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  /**
   * A repository whose first commit holds `files` and a report at `reportPath` citing `cited`
   * (one finding, one location); `since` then changes the working tree; the location is tracked
   * with `now` as the working tree's resolution of the written path.
   */
  async function trackOne(setup: { files: Record<string, string[]>; reportPath: string; cited: LocationRef; since: (repo: string) => void; now: string | null; onSpawn?: (args: readonly string[]) => void }): Promise<TrackedLocation> {
    const sub = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-git-one-')));
    try {
      git(sub, 'init', '-q', '-b', 'main');
      for (const [path, lines] of Object.entries(setup.files)) write(sub, path, text(lines));
      const body = ['# Audit', '', '### H-1 Bug', '', `**File:** \`${setup.cited.path}:${setup.cited.startLine}-${setup.cited.endLine}\``];
      write(sub, setup.reportPath, text(body));
      git(sub, 'add', '-A');
      git(sub, 'commit', '-qm', 'one');
      setup.since(sub);
      const r: DriftReport = { path: setup.reportPath, text: text(body), findings: [{ reportRange: { startLine: 3, endLine: 5 }, locations: [setup.cited] }] };
      const [[[l]]] = await new DriftTracker(sub, { cache: false, ...(setup.onSpawn ? { onSpawn: setup.onSpawn } : {}) }).track([r], () => setup.now);
      return l;
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  }

  it('reads a path at the base from the report\'s own folder up, nearest first, as the file index reads it now', async () => {
    // Two services and the root each hold a src/x.ts; the report of service a cites it.
    const l = await trackOne({
      files: Object.fromEntries(['', 'services/a/', 'services/b/'].map((owner) => [`${owner}src/x.ts`, numbered(`${owner}x`, 10)])),
      reportPath: 'services/a/docs/AUDIT.md',
      cited: { path: 'src/x.ts', startLine: 4, endLine: 5 },
      // Since the report, only the root's and service b's copies changed above line 4.
      since: (repo) => {
        write(repo, 'src/x.ts', text(['top', 'top', ...numbered('x', 10)]));
        write(repo, 'services/b/src/x.ts', text(['top', ...numbered('services/b/x', 10)]));
      },
      now: 'services/a/src/x.ts',
    });
    deepStrictEqual([l.resolved, l.current, l.drift.state, l.drift.renamedFrom], ['services/a/src/x.ts', { startLine: 4, endLine: 5 }, 'exact', undefined]);
  });

  it('a path that named a nearer file at the base than now is mapped from that file: deleted since, so gone', async () => {
    const l = await trackOne({
      files: { 'src/x.ts': numbered('root x', 10), 'services/a/src/x.ts': numbered('a x', 10) },
      reportPath: 'services/a/docs/AUDIT.md',
      cited: { path: 'src/x.ts', startLine: 4, endLine: 5 },
      // Service a's file goes; the root's is untouched, so the path resolves to it now.
      since: (repo) => git(repo, 'rm', '-q', 'services/a/src/x.ts'),
      now: 'src/x.ts',
    });
    deepStrictEqual([l.current, l.drift.state], [null, 'gone']);
  });

  it('maps a renamed file from the rename search\'s own hunks, with no second diff', async () => {
    const spawned: string[][] = [];
    const l = await trackOne({
      files: { 'src/old/a.ts': numbered('a', 20) },
      reportPath: 'AUDIT.md',
      cited: { path: 'src/old/a.ts', startLine: 5, endLine: 6 },
      since: (repo) => {
        mkdirSync(join(repo, 'lib'));
        git(repo, 'mv', 'src/old/a.ts', 'lib/a.ts');
        write(repo, 'lib/a.ts', text(['top', 'top', 'top', ...numbered('a', 20)]));
      },
      // The written path resolves to nothing now: only git's rename search finds where it went.
      now: null,
      onSpawn: (a) => spawned.push([...a]),
    });
    deepStrictEqual([l.resolved, l.current, l.drift.state, l.drift.renamedFrom], ['lib/a.ts', { startLine: 8, endLine: 9 }, 'moved', 'src/old/a.ts']);
    strictEqual(spawned.filter((a) => a.includes('diff')).length, 1, JSON.stringify(spawned));
  });

  it('outside a repository every location is unknown at its written lines, with the reason', async () => {
    const bare = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-nogit-')));
    try {
      const [[[l]]] = await new DriftTracker(bare, { gitPath: 'git' }).track([report()], () => 'src/a.ts');
      deepStrictEqual([l.current, l.drift.state, l.drift.baseSource], [{ startLine: 5, endLine: 6 }, 'unknown', 'none']);
      strictEqual(/not in a git repository/.test(l.drift.note ?? ''), true, l.drift.note);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
