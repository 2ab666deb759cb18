import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapRange, parseRawDiff } from '../../../src/core';

// Captured from git 2.39: `git --literal-pathspecs -c core.quotepath=off diff --raw -p -z -U0 -M
// --abbrev=40 --no-color --no-ext-diff --no-textconv --src-prefix=a/ --dst-prefix=b/ <base>` in a
// scratch repository where, since the base: a.txt got 2 lines on top and lost its lines 8-9;
// b.bin changed; nonl.txt's last line (no newline at the end) changed; `quo"te.ts` got a line on
// top; `sp ace/é.ts` got a third line; h.ts became sub/h2.ts with line 5 edited (94 %); u.ts
// became sub/u.ts unchanged (100 %).
const FIXTURE = readFileSync(join(__dirname, '../../../../test/fixtures/git/diff-kinds.raw'), 'utf8');

describe('parseRawDiff on captured git output', () => {
  const deltas = parseRawDiff(FIXTURE);
  const byOld = new Map(deltas.map((d) => [d.oldPath, d]));

  it('reads every record: statuses, paths with spaces, quotes and non-ASCII, similarity', () => {
    deepStrictEqual(
      deltas.map((d) => [d.status, d.oldPath, d.newPath, d.similarity]),
      [
        ['M', 'a.txt', 'a.txt', null],
        ['M', 'b.bin', 'b.bin', null],
        ['M', 'nonl.txt', 'nonl.txt', null],
        ['M', 'quo"te.ts', 'quo"te.ts', null],
        ['M', 'sp ace/é.ts', 'sp ace/é.ts', null],
        ['R', 'h.ts', 'sub/h2.ts', 94],
        ['R', 'u.ts', 'sub/u.ts', 100],
      ],
    );
    strictEqual(byOld.get('u.ts')!.newOid, '57632bd4ad74ec63471a78459a07929f103f898f');
  });

  it('normalizes zero-length hunks: an insertion on top and a deletion', () => {
    deepStrictEqual(byOld.get('a.txt')!.map.hunks, [
      { oldStart: 1, oldLen: 0, newStart: 1, newLen: 2, removed: [], added: ['new1', 'new2'] },
      { oldStart: 8, oldLen: 2, newStart: 10, newLen: 0, removed: ['line 8', 'line 9'], added: [] },
    ]);
  });

  it('skips "\\ No newline at end of file" and marks binary files', () => {
    deepStrictEqual(byOld.get('nonl.txt')!.map.hunks, [{ oldStart: 2, oldLen: 1, newStart: 2, newLen: 1, removed: ['y'], added: ['z'] }]);
    strictEqual(byOld.get('b.bin')!.binary, true);
    deepStrictEqual(byOld.get('b.bin')!.map.hunks, []);
    strictEqual(byOld.get('a.txt')!.binary, false);
  });

  it('pairs C-quoted and space-holding patch headers with their records', () => {
    deepStrictEqual(byOld.get('quo"te.ts')!.map.hunks, [{ oldStart: 1, oldLen: 0, newStart: 1, newLen: 1, removed: [], added: ['q0'] }]);
    deepStrictEqual(byOld.get('sp ace/é.ts')!.map.hunks, [{ oldStart: 3, oldLen: 0, newStart: 3, newLen: 1, removed: [], added: ['more'] }]);
  });

  it('reads renames with hunks and without', () => {
    deepStrictEqual(byOld.get('h.ts')!.map.hunks, [{ oldStart: 5, oldLen: 1, newStart: 5, newLen: 1, removed: ['helper 5'], added: ['changed helper'] }]);
    deepStrictEqual(byOld.get('u.ts')!.map.hunks, []);
  });

  it('maps ranges through the parsed hunks', () => {
    const a = byOld.get('a.txt')!.map;
    deepStrictEqual(mapRange(a, { startLine: 5, endLine: 6 }), { state: 'moved', range: { startLine: 7, endLine: 8 } });
    deepStrictEqual(mapRange(a, { startLine: 8, endLine: 9 }), { state: 'gone', range: null });
    deepStrictEqual(mapRange(a, { startLine: 7, endLine: 9 }), { state: 'changed', range: { startLine: 9, endLine: 9 } });
    // Two lines in on top, two out above: line 10 is line 10 again.
    deepStrictEqual(mapRange(a, { startLine: 10, endLine: 12 }), { state: 'exact', range: { startLine: 10, endLine: 12 } });
    // The insertion in `sp ace/é.ts` sits after the last line: lines 1-2 are untouched.
    deepStrictEqual(mapRange(byOld.get('sp ace/é.ts')!.map, { startLine: 1, endLine: 2 }), { state: 'exact', range: { startLine: 1, endLine: 2 } });
  });

  it('gives nothing, not a throw, for bad input', () => {
    deepStrictEqual(parseRawDiff(''), []);
    deepStrictEqual(parseRawDiff(':100644 100644 abc'), []);
    deepStrictEqual(parseRawDiff('fatal: bad revision'), []);
  });
});
