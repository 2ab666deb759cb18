import { deepStrictEqual, strictEqual } from 'node:assert';
import { applyTextEdits, lineNumberEdits, locationText, revisionMentions, type TrackedLocation } from '../../../src/core';

describe('commits a report names', () => {
  // Lines quoted from the corpus (follow-the-code.md §3.1), outside any finding.
  it('tells review commits from fix commits', () => {
    const text = [
      '# Review',
      '**Commit:** 2683ee0',
      '**Reviewed commit:** `c1bd24a` on `main`',
      'Commit Hash: 8803f851e2a3',
      '**Review commit hash:** [ed08712](https://github.com/o/r/tree/ed08712)',
      '**Fixes review commit hash:** [f3e83c5](https://github.com/o/r/tree/f3e83c5)',
      'Fixed in commit `aa11bb2`',
      'Our team decided to defer; see the accede decision.',
    ].join('\n');
    deepStrictEqual(
      revisionMentions(text, []).map((m) => [m.rev, m.kind, m.line]),
      [['2683ee0', 'review', 2], ['c1bd24a', 'review', 3], ['8803f851e2a3', 'review', 4], ['ed08712', 'review', 5], ['f3e83c5', 'fix', 6], ['aa11bb2', 'fix', 7]],
    );
  });

  it('inside a finding, a commit is history or a fix, never the review commit', () => {
    const text = ['**Commit:** 2683ee0', '### H1 Bug', 'Introduced in commit 1234abc.', 'Fixed in commit 5678def.'].join('\n');
    deepStrictEqual(revisionMentions(text, [{ reportRange: { startLine: 2, endLine: 4 } }]).map((m) => [m.rev, m.kind]), [['2683ee0', 'review'], ['5678def', 'fix']]);
  });
});

describe('where a location is written', () => {
  const finding = { reportRange: { startLine: 1, endLine: 6 } };
  const lines = [
    '### H1 Bug',
    '**File:** `src/util.ts:100`, `src/util.ts:10-12`',
    'See [util.ts#L40-L45](https://github.com/o/r/blob/0da54fe1234/src/util.ts#L40-L45).',
    'And app/[id]/page.tsx (lines 3-4).',
    'Branch link: https://github.com/o/r/blob/main/lib/a.ts#L7',
    'Whole file: `README.md`.',
  ];

  it('finds the occurrence with the location\'s numbers, not a longer one', () => {
    const t = locationText(lines, finding, { path: 'src/util.ts', startLine: 10, endLine: 12 })!;
    deepStrictEqual([t.line, t.text, t.numbers.map((n) => n.value), t.pinnedRev], [2, 'src/util.ts:10-12', [10, 12], undefined]);
    strictEqual(lines[1].slice(t.numbers[1].startCol, t.numbers[1].endCol), '12');
  });

  it('knows a SHA-pinned permalink from a branch link', () => {
    const pinned = locationText(lines, finding, { path: 'src/util.ts', startLine: 40, endLine: 45 })!;
    // The link text `util.ts#L40-L45` comes first on the line, but the permalink beside it names the base.
    deepStrictEqual([pinned.text, pinned.pinnedRev], ['src/util.ts#L40-L45', '0da54fe1234']);
    const inUrl = locationText([lines[2].replace('[util.ts#L40-L45]', '[see]')], { reportRange: { startLine: 1, endLine: 1 } }, { path: 'src/util.ts', startLine: 40, endLine: 45 })!;
    deepStrictEqual([inUrl.text, inUrl.pinnedRev], ['src/util.ts#L40-L45', '0da54fe1234']);
    const branch = locationText(lines, finding, { path: 'lib/a.ts', startLine: 7, endLine: 7 })!;
    deepStrictEqual([branch.text, branch.pinnedRev], ['lib/a.ts#L7', undefined]);
  });

  it('reads "(lines 3-4)" after a bracketed Next.js path, and file-level locations', () => {
    deepStrictEqual(locationText(lines, finding, { path: 'app/[id]/page.tsx', startLine: 3, endLine: 4 })?.text, 'app/[id]/page.tsx (lines 3-4');
    deepStrictEqual(locationText(lines, finding, { path: 'README.md', startLine: null, endLine: null })?.text, 'README.md');
    strictEqual(locationText(lines, finding, { path: 'src/other.ts', startLine: 1, endLine: 1 }), null);
  });
});

describe('line-number edits for moved locations', () => {
  const tracked = (path: string, s: number, e: number, state: TrackedLocation['drift']['state'], now: [number, number] | null): TrackedLocation => ({
    written: { path, startLine: s, endLine: e },
    resolved: path,
    current: now && { startLine: now[0], endLine: now[1] },
    drift: { state, base: 'a'.repeat(40), baseSource: 'introduced' },
  });
  const report = [
    '### H1 Bug',
    '**File:** `src/auth.ts:40-45`, `src/util.ts:7`',
    'Pinned: https://github.com/o/r/blob/0da54fe1234/src/auth.ts#L40-L45',
    '',
  ].join('\n');
  const lines = report.split('\n');
  const finding = { reportRange: { startLine: 1, endLine: 3 } };

  it('rewrites only the digits of moved locations, never a pinned permalink, never a changed one', () => {
    const auth = tracked('src/auth.ts', 40, 45, 'moved', [47, 52]);
    const util = tracked('src/util.ts', 7, 7, 'changed', [8, 9]);
    const pinnedText = locationText([lines[2]], { reportRange: { startLine: 1, endLine: 1 } }, auth.written)!;
    const edits = lineNumberEdits(report, [
      { text: locationText(lines, finding, auth.written)!, tracked: auth },
      { text: locationText(lines, finding, util.written)!, tracked: util },
      { text: { ...pinnedText, line: 3 }, tracked: auth },
    ]);
    strictEqual(applyTextEdits(report, edits), report.replace('`src/auth.ts:40-45`', '`src/auth.ts:47-52`'));
    strictEqual(edits.length, 2);
  });

  it('writes nothing when the location is where it was written', () => {
    deepStrictEqual(lineNumberEdits(report, [{ text: locationText(lines, finding, { path: 'src/util.ts', startLine: 7, endLine: 7 })!, tracked: tracked('src/util.ts', 7, 7, 'exact', [7, 7]) }]), []);
  });
});
