import { deepStrictEqual, strictEqual } from 'node:assert';
import { applyTextEdits } from '../../../src/core';
import { findLocationToken, lineNumberEdits } from '../../../src/extension/tracking/locationToken';

// Update line numbers (issue #10 item 6): only the numbers change, in the token's own style,
// never inside a permalink pinned to a commit. Whole text in, whole text out.

const ref = (path: string, startLine: number, endLine = startLine) => ({ path, startLine, endLine });

describe('update line numbers in a report', () => {
  const report = [
    '## H1. Token compared with ==', // 1
    '', // 2
    '**Location:** `src/auth.ts:40-45`, see also src/util.ts#L3', // 3
    '', // 4
    '[pinned](https://github.com/o/r/blob/0da54fe1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7/src/old.ts#L5-L8)', // 5
    '[branch](https://github.com/o/r/blob/main/src/api.ts#L10-L12)', // 6
  ].join('\n');
  const range = { startLine: 1, endLine: 6 };

  it('rewrites path:start-end, #L anchors and branch permalinks, and leaves pinned ones', () => {
    const { edits, skipped } = lineNumberEdits(report, [
      { ref: ref('src/auth.ts', 40, 45), reportRange: range, current: { startLine: 47, endLine: 52 } },
      { ref: ref('src/util.ts', 3), reportRange: range, current: { startLine: 4, endLine: 4 } },
      { ref: ref('src/old.ts', 5, 8), reportRange: range, current: { startLine: 9, endLine: 12 } },
      { ref: ref('src/api.ts', 10, 12), reportRange: range, current: { startLine: 20, endLine: 22 } },
    ]);
    const expected = report
      .replace('src/auth.ts:40-45', 'src/auth.ts:47-52')
      .replace('src/util.ts#L3', 'src/util.ts#L4')
      .replace('main/src/api.ts#L10-L12', 'main/src/api.ts#L20-L22');
    strictEqual(applyTextEdits(report, edits), expected);
    deepStrictEqual(skipped.map((s) => s.reason), ['src/old.ts:5 is in a permalink pinned to a commit']);
  });

  it('finds the token where the report writes it, and nothing for numbers written otherwise', () => {
    const lines = report.split('\n');
    deepStrictEqual(findLocationToken(lines, range, ref('src/auth.ts', 40, 45)), { line: 3, startCol: 15, endCol: 32, numbersStart: 27, numbersEnd: 32, pinned: false });
    strictEqual(findLocationToken(lines, range, ref('src/auth.ts', 41, 45)), null, 'other numbers: not this token');
    strictEqual(findLocationToken(lines, { startLine: 4, endLine: 6 }, ref('src/auth.ts', 40, 45)), null, 'outside the finding');
  });

  it('a single line stays a single line; a range that grew gets an end', () => {
    const text = 'see a.ts:7 and b.ts:9';
    const { edits } = lineNumberEdits(text, [
      { ref: ref('a.ts', 7), reportRange: { startLine: 1, endLine: 1 }, current: { startLine: 10, endLine: 10 } },
      { ref: ref('b.ts', 9), reportRange: { startLine: 1, endLine: 1 }, current: { startLine: 12, endLine: 13 } },
    ]);
    strictEqual(applyTextEdits(text, edits), 'see a.ts:10 and b.ts:12-13');
  });
});
