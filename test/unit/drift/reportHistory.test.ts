import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseBase, countToken, introducingCommit, parseReportLog } from '../../../src/core';

// Captured from git 2.39: `git log -p -U0 --no-renames --format=%x00%H%x00%ct -- AUDIT.md` over:
//   f8eacaf "report": the table, M1 at `src/util.ts:10-12` (Open), M2 at `src/util.ts:100`;
//   d3f590f "status": M1's row rewritten Open → Fixed (a status write-back);
//   32b48f2 "edit token": M2's location rewritten to `:20`, and M3 added citing `src/util.ts:10-12` again.
const LOG = readFileSync(join(__dirname, '../../../../test/fixtures/git/log-report.raw'), 'utf8');
const REPORT = 'f8eacaf5a6b619d82101ddeb776c0f265645c9c2';
const STATUS = 'd3f590f3831df6bb0f69324429224ee635b7b083';
const EDIT = '32b48f275427b630d40098d40026da1d9217d1ff';
const HEAD_TEXT = [
  '# Audit',
  '',
  '| ID | Location | Status |',
  '|---|---|---|',
  '| M1 | `src/util.ts:10-12` | Fixed |',
  '| M2 | `src/util.ts:20` | Open |',
  '| M3 | `src/util.ts:10-12` again | Open |',
  '',
].join('\n');

describe('report history: the commit that introduced a location', () => {
  const history = parseReportLog(LOG, ['AUDIT.md']).get('AUDIT.md')!;

  it('reads the commits newest first, with their hunks', () => {
    deepStrictEqual(history.map((c) => [c.sha, c.time, c.hunks.length]), [[EDIT, 1767484800, 1], [STATUS, 1767398400, 1], [REPORT, 1767312000, 1]]);
  });

  it('survives a status write-back: M1 was written in the report commit, not the status commit', () => {
    strictEqual(introducingCommit(history, 5, 'src/util.ts:10-12')?.sha, REPORT);
  });

  it('tells apart two occurrences of the same text: M3 came later', () => {
    strictEqual(introducingCommit(history, 7, 'src/util.ts:10-12')?.sha, EDIT);
  });

  it('a rewritten location is introduced where it was rewritten (":100" is not ":10")', () => {
    strictEqual(introducingCommit(history, 6, 'src/util.ts:20')?.sha, EDIT);
    strictEqual(countToken('`src/util.ts:100`', 'src/util.ts:10'), 0);
    strictEqual(countToken('`src/util.ts:10` and src/util.ts:10-12', 'src/util.ts:10'), 1);
  });

  it('chooseBase: introduced beats the last commit; uncommitted text is the working tree', () => {
    const facts = { commits: new Map(), history, committedText: HEAD_TEXT };
    const lines = HEAD_TEXT.split('\n');
    const m1 = { line: 5, text: 'src/util.ts:10-12', startCol: 9, endCol: 26, numbers: [] };
    deepStrictEqual(chooseBase(m1, [], lines, facts), { base: REPORT, source: 'introduced' });
    // Written now, not committed: a fourth row.
    const dirty = [...lines.slice(0, 7), '| M4 | `src/auth.ts:3` | Open |', ''];
    const m4 = { line: 8, text: 'src/auth.ts:3', startCol: 9, endCol: 22, numbers: [] };
    const choice = chooseBase(m4, [], dirty, facts);
    deepStrictEqual([choice.base, choice.source, choice.workingTree], [null, 'none', true]);
    // M1's status changed again but not committed: the token is still M1's, from the report commit.
    const edited = lines.map((l, i) => (i === 4 ? l.replace('Fixed', 'Open') : l));
    deepStrictEqual(chooseBase(m1, [], edited, facts), { base: REPORT, source: 'introduced' });
  });

  it('chooseBase: a permalink wins, then a review commit; a missing one is never replaced by a weaker base', () => {
    const full = 'a9151d08f460fa334e11e61aaaf42513270b685f';
    const facts = { commits: new Map<string, string | null>([['a9151d0', full], ['0da54fe', null]]), history, committedText: HEAD_TEXT };
    const lines = HEAD_TEXT.split('\n');
    const m1 = { line: 5, text: 'src/util.ts:10-12', startCol: 9, endCol: 26, numbers: [] };
    deepStrictEqual(chooseBase({ ...m1, pinnedRev: 'a9151d0' }, ['0da54fe'], lines, facts), { base: full, source: 'permalink' });
    deepStrictEqual(chooseBase(m1, ['0da54fe', 'a9151d0'], lines, facts), { base: full, source: 'reviewCommit' });
    const missing = chooseBase(m1, ['0da54fe'], lines, facts);
    deepStrictEqual([missing.base, missing.source, missing.missing], [null, 'reviewCommit', '0da54fe']);
    strictEqual(/0da54fe.*not have/.test(missing.note ?? ''), true, missing.note);
  });
});
