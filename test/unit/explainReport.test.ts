import { deepStrictEqual, match, ok } from 'node:assert';
import { explainReport } from '../../src/core';

// A review with one finding and a procedural list: lines 5-8 are the finding, 12-13 the steps.
const REPORT = [
  '# Review', // 1
  '', // 2
  '## Findings', // 3
  '', // 4
  '### H1. SQL injection in search', // 5
  '', // 6
  '**Severity:** High', // 7
  '**File:** `src/search.ts:10`', // 8
  '', // 9
  '## Deployment Steps', // 10
  '', // 11
  '1. Run the migration', // 12
  '2. Restart the workers', // 13
].join('\n');

/** The block whose head line names `title`, with the indented evidence lines under it. */
function entry(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`"${title}"`));
  ok(at >= 0, `no entry for "${title}" in:\n${text}`);
  const out = [lines[at]];
  for (let k = at + 1; k < lines.length && /^\s+\S/.test(lines[k]); k++) out.push(lines[k]);
  return out;
}

describe('explainReport', () => {
  const text = explainReport(REPORT);

  it('opens with the count of findings and the comments that correct the reader', () => {
    match(text.split('\n')[0], /\b1 findings?\b/);
    match(text, /<!-- audit-lens: findings -->/);
    match(text, /<!-- audit-lens: not-findings -->/);
    match(text, /<!-- audit-lens: ignore -->/);
  });

  it('a finding heading: its decision, lines, and the evidence for it (id, fields, section)', () => {
    const e = entry(text, 'H1. SQL injection in search');
    match(e[0], /^FINDING\b/);
    match(e[0], /line 5-8\b/);
    const forLine = e.find((l) => /^\s+for:/.test(l)) ?? '';
    match(forLine, /H1/);
    match(forLine, /severity/i);
    match(forLine, /Findings/);
  });

  it('a rejected procedural list: each step is not a finding, with the procedure named against it', () => {
    for (const step of ['Run the migration', 'Restart the workers']) {
      const e = entry(text, step);
      ok(!/^FINDING\b/.test(e[0]), e.join('\n'));
      const against = e.find((l) => /^\s+against:/.test(l)) ?? '';
      match(against, /Deployment Steps/);
    }
  });

  it('--line keeps only the blocks that contain that line', () => {
    const at12 = explainReport(REPORT, { line: 12 });
    ok(at12.includes('"Run the migration"'), at12);
    ok(!at12.includes('"Restart the workers"'), at12);
    ok(!at12.includes('"H1. SQL injection in search"'), at12);
    const at7 = explainReport(REPORT, { line: 7 });
    ok(at7.includes('"H1. SQL injection in search"'), at7);
    ok(!at7.includes('"Run the migration"'), at7);
  });

  it('--line past the end of the report says no block is there', () => {
    const far = explainReport(REPORT, { line: 999 });
    match(far, /999/);
    deepStrictEqual(far.split('\n').filter((l) => /^(FINDING|GROUP|CONTAINER|BODY|NOT)\b/.test(l)), []);
  });

  it('a report with nothing to weigh says so', () => {
    match(explainReport('Just a paragraph of prose.\n'), /No heading, list item, table row or bold paragraph/);
  });
});
