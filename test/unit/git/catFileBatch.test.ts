import { deepStrictEqual, strictEqual } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatFileBatch, type GitObject } from '../../../src/node/git/catFileBatch';
import { git, text, write } from './fixtureRepo';

const summary = (r: Array<GitObject | null> | { error: string }): unknown =>
  'error' in r ? r : r.map((o) => (o === null ? null : { type: o.type, text: o.type === 'blob' ? o.content.toString('utf8') : undefined }));

describe('git adapter: one cat-file --batch for a run (real git)', function () {
  this.timeout(30_000);
  let repo: string;
  let head: string;
  before(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-cat-')));
    git(repo, 'init', '-q', '-b', 'main');
    write(repo, 'a b/ü.ts', text(['one', 'two']));
    write(repo, 'empty.txt', '');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'one');
    head = git(repo, 'rev-parse', 'HEAD');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('answers questions written at different times, in order, with missing ones as null, from one process', async () => {
    const spawned: string[][] = [];
    const cat = new CatFileBatch(repo, { onSpawn: (a) => spawned.push([...a]) });
    try {
      const [first, second] = await Promise.all([cat.read(['HEAD', 'deadbeef^{commit}']), cat.read([`${head}:./a b/ü.ts`, `${head}:./empty.txt`, `${head}:./nope.ts`])]);
      deepStrictEqual(summary(first), [{ type: 'commit', text: undefined }, null]);
      strictEqual(!('error' in first) && first[0]?.oid, head);
      deepStrictEqual(summary(second), [{ type: 'blob', text: 'one\ntwo\n' }, { type: 'blob', text: '' }, null]);
      // A name with a line break cannot be asked (the protocol is line-based): null in its place, the rest answered.
      deepStrictEqual(summary(await cat.read(['HEAD:./x\ny', `${head}:./empty.txt`])), [null, { type: 'blob', text: '' }]);
    } finally {
      cat.close();
    }
    strictEqual(spawned.length, 1);
    deepStrictEqual(spawned[0].slice(0, 5), ['--literal-pathspecs', '-c', 'core.quotepath=off', 'cat-file', '--batch']);
  });

  it('outside a repository every question gets the reason, not a hang', async () => {
    const bare = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-nocat-')));
    const cat = new CatFileBatch(bare);
    try {
      deepStrictEqual(await cat.read(['HEAD']), { error: 'not in a git repository' });
    } finally {
      cat.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('caps the output and says so; a missing binary is a message', async () => {
    const capped = new CatFileBatch(repo, { maxBytes: 8 });
    try {
      deepStrictEqual(await capped.read([`${head}:./a b/ü.ts`]), { error: 'git printed more than the output cap' });
    } finally {
      capped.close();
    }
    const missing = new CatFileBatch(repo, { gitPath: join(repo, 'no-such-git') });
    try {
      deepStrictEqual(await missing.read(['HEAD']), { error: `git was not found (${join(repo, 'no-such-git')})` });
    } finally {
      missing.close();
    }
  });
});
