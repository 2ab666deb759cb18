import { deepStrictEqual, strictEqual } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
