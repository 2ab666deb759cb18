// The staleness check behind `npm start` / `npm test` set-up, on small made-up projects.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { staleReason } from '../bootstrap.mjs';

const made = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const LOCK = {
  '': { name: 'p', devDependencies: { a: '^1.0.0' } },
  'node_modules/a': { version: '1.0.0', integrity: 'sha512-a', dev: true },
  'node_modules/@x/other-os': { version: '2.0.0', integrity: 'sha512-o', dev: true, optional: true },
};

/** A project whose lockfile is LOCK and whose node_modules holds `installed` (undefined: no hidden lockfile). */
function project(installed, { folders = Object.keys(installed ?? {}) } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'audit-lens-bootstrap-'));
  made.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'p', engines: { node: '>=20.0' } }));
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: LOCK }));
  if (installed === null) return root;
  mkdirSync(join(root, 'node_modules'));
  for (const folder of folders) mkdirSync(join(root, folder), { recursive: true });
  if (installed) writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  return root;
}

describe('bootstrap: is node_modules stale against package-lock.json?', () => {
  it('up to date when every package is installed at its locked version (optional ones for other platforms may be absent)', () => {
    assert.equal(staleReason(project({ 'node_modules/a': LOCK['node_modules/a'] })), undefined);
  });

  it('stale on a fresh clone (no node_modules)', () => {
    assert.equal(staleReason(project(null)), 'node_modules is missing');
  });

  it('stale when node_modules was not installed by npm (no hidden lockfile)', () => {
    assert.match(staleReason(project(undefined)), /not installed by npm/);
  });

  it('stale when a locked package is missing, has another version, or its folder was deleted', () => {
    assert.equal(staleReason(project({})), 'node_modules/a is not installed');
    assert.equal(staleReason(project({ 'node_modules/a': { ...LOCK['node_modules/a'], version: '0.9.0' } })),
      'node_modules/a is 0.9.0, the lockfile wants 1.0.0');
    assert.match(staleReason(project({ 'node_modules/a': LOCK['node_modules/a'] }, { folders: [] })), /folder is gone/);
  });

  it('stale when something is installed that the lockfile no longer has', () => {
    const installed = { 'node_modules/a': LOCK['node_modules/a'], 'node_modules/gone': { version: '1.0.0' } };
    assert.equal(staleReason(project(installed)), 'node_modules/gone is installed but not in the lockfile');
  });

  it('checks the real project too: this checkout was installed from its lockfile', () => {
    assert.equal(staleReason(), undefined);
  });
});
