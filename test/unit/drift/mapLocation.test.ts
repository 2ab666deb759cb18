import { deepStrictEqual, strictEqual } from 'node:assert';
import { mapLocation, type BaseChoice, type FileDelta } from '../../../src/core';

const BASE = 'b'.repeat(40);
const choice: BaseChoice = { base: BASE, source: 'reviewCommit' };
const delta = (d: Partial<FileDelta>): FileDelta => ({ status: 'M', similarity: null, oldPath: 'a.ts', newPath: 'a.ts', oldOid: '', newOid: '', binary: false, map: { hunks: [] }, ...d });
const diffOf = (...deltas: FileDelta[]) => ({ base: BASE, deltas: new Map(deltas.map((d) => [d.oldPath, d])), all: deltas });

describe('mapLocation: renames, moves and what is not known', () => {
  const loc = { path: 'a.ts', startLine: 10, endLine: 12 };

  it('a rename below 70 % counts when the cited lines survive in the new file', () => {
    // Lines 1-5 rewritten, 10-12 untouched: git's 55 % pairing is confirmed by the cited lines.
    const d = delta({ status: 'R', similarity: 55, newPath: 'b.ts', map: { hunks: [{ oldStart: 1, oldLen: 5, newStart: 1, newLen: 5, removed: [], added: [] }] } });
    deepStrictEqual(mapLocation(loc, choice, 'a.ts', null, diffOf(d)), { written: loc, resolved: 'b.ts', current: { startLine: 10, endLine: 12 }, drift: { state: 'moved', base: BASE, baseSource: 'reviewCommit', renamedFrom: 'a.ts' } });
  });

  it('a rename below 70 % that rewrote the cited lines is a deletion', () => {
    const d = delta({ status: 'R', similarity: 57, newPath: 'b.ts', map: { hunks: [{ oldStart: 9, oldLen: 5, newStart: 9, newLen: 5, removed: ['x', 'y', 'z', 'w', 'v'], added: ['1', '2', '3', '4', '5'] }] } });
    const t = mapLocation(loc, choice, 'a.ts', null, diffOf(d));
    deepStrictEqual([t.resolved, t.current, t.drift.state], [null, null, 'gone']);
    strictEqual(t.drift.note, 'git paired a.ts with b.ts at 57 % similarity, below 70 %: not taken as a rename');
  });

  it('a deleted block found as added lines in another cited file is moved there; two copies keep it gone', () => {
    const removed = ['function f() {', '  return 1;', '}'];
    const gone = delta({ map: { hunks: [{ oldStart: 10, oldLen: 3, newStart: 10, newLen: 0, removed, added: [] }] } });
    const other = delta({ oldPath: 'c.ts', newPath: 'c.ts', map: { hunks: [{ oldStart: 4, oldLen: 0, newStart: 4, newLen: 4, removed: [], added: ['// moved here', ...removed.map((l) => '    ' + l)] }] } });
    const t = mapLocation(loc, choice, 'a.ts', 'a.ts', diffOf(gone, other));
    deepStrictEqual([t.resolved, t.current, t.drift.state, t.drift.renamedFrom], ['c.ts', { startLine: 5, endLine: 7 }, 'moved', 'a.ts']);
    const twice = delta({ oldPath: 'd.ts', newPath: 'd.ts', map: { hunks: [{ oldStart: 1, oldLen: 0, newStart: 1, newLen: 3, removed: [], added: removed }] } });
    strictEqual(mapLocation(loc, choice, 'a.ts', 'a.ts', diffOf(gone, other, twice)).drift.state, 'gone');
  });

  it('binary files and paths missing at the base are unknown at the written lines, with the reason', () => {
    const bin = mapLocation(loc, choice, 'a.ts', 'a.ts', diffOf(delta({ binary: true })));
    deepStrictEqual([bin.current, bin.drift.state, bin.drift.note], [{ startLine: 10, endLine: 12 }, 'unknown', 'a.ts is a binary file to git; line numbers are as written']);
    const missing = mapLocation(loc, choice, null, 'a.ts', diffOf());
    deepStrictEqual([missing.current, missing.drift.state, missing.drift.note], [{ startLine: 10, endLine: 12 }, 'unknown', 'a.ts is not in bbbbbbb; line numbers are as written']);
  });
});
