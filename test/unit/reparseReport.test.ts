import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, parseReport, parseReportState, reparseReport, setFindingStatus, type ReportParseState } from '../../src/core';

// Issue #9 §2: re-reading an edited report re-reads only the section the edit touched, and the
// result is always the whole-report reading. The oracle is `parseReport` of the edited text; the
// edits are random (seeded, so a failure replays) and chained, each from the previous state.
const dir = join(__dirname, '../../../test/fixtures/corpus');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md')
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

/** Park–Miller: small, seeded, good enough to pick edit positions. */
function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const SNIPPETS = ['x', ' ', '\n', '\n\n', '\n---\n', '\n\n---\n\n', '***', '**Status:** Fixed', '**Severity:** High', '- a list item', '### New heading', '```', '| a | b |', 'src/app.ts:12', '<!-- audit-lens: ignore -->', '~~struck~~', '[link](https://example.com/blob/abc/x.ts#L3)'];

/** One random edit: replace a stretch of 0–40 characters by a snippet or nothing, mostly inside a finding's body. */
function edit(state: ReportParseState, rnd: () => number): string {
  const { text, report } = state;
  let at = Math.floor(rnd() * text.length);
  const headings = report.findings.filter((f) => f.kind === 'heading' && f.reportRange.endLine > f.reportRange.startLine + 1);
  if (headings.length > 0 && rnd() < 0.8) {
    // Somewhere in the lines below a heading finding's heading: the edits the fast path serves.
    const f = headings[Math.floor(rnd() * headings.length)];
    const starts = lineStarts(text);
    const line = f.reportRange.startLine + 1 + Math.floor(rnd() * (f.reportRange.endLine - f.reportRange.startLine));
    at = (starts[line - 1] ?? text.length) + Math.floor(rnd() * 20);
  }
  at = Math.min(at, text.length);
  const cut = rnd() < 0.5 ? 0 : Math.floor(rnd() * 40);
  const insert = rnd() < 0.3 ? '' : SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

describe('reparseReport: an edited report re-read in part reads as the whole', function () {
  this.timeout(120000);

  it('equals parseReport after chains of random edits in every corpus fixture, and re-reads in part', () => {
    let partial = 0;
    let edits = 0;
    reports.forEach(({ name, text }, n) => {
      const rnd = random(1000 + n);
      let state = parseReportState(text);
      assert.deepEqual(state.report, parseReport(text), `${name}: the first reading`);
      for (let step = 0; step < 40; step++) {
        const next = edit(state, rnd);
        const reread = reparseReport(state, next);
        assert.deepEqual(reread.report, parseReport(next), `${name}, edit ${step}: re-read in part differs from the whole reading`);
        // Only a re-reading in part keeps the findings above the edit as they were (a whole one builds new ones).
        if (state.report.findings.length > 0 && reread.report.findings[0] === state.report.findings[0]) partial++;
        edits++;
        state = reread;
      }
    });
    // Most edits land below a finding's heading; if none were served in part, the fast path is dead.
    assert.ok(partial > edits / 5, `only ${partial} of ${edits} edits were re-read in part`);
  });

  it('shifts the findings below an edit that adds lines, and keeps ids', () => {
    const text = ['# Review', '', '## Findings', '', '### H-01 Missing check', '', '**Severity:** High', '', 'In `src/a.ts:3`.', '', '### H-02 Another', '', '**Severity:** Low', '', 'In `src/b.ts:9`.', ''].join('\n');
    const state = parseReportState(text);
    const edited = text.replace('In `src/a.ts:3`.', 'In `src/a.ts:3`.\n\nMore words.\n');
    const reread = reparseReport(state, edited);
    assert.equal(reread.report.findings[1].reportRange.startLine, 14);
    assert.deepEqual(reread.report.findings.map((f) => f.id), ['H-01', 'H-02']);
    assert.deepEqual(reread.report, parseReport(edited));
  });

  it('reads the whole report again when the edit changes a finding heading', () => {
    const text = ['# Review', '', '### H-01 Missing check', '', 'Body.', '', '### H-02 Another', '', 'Body.', ''].join('\n');
    const state = parseReportState(text);
    const edited = text.replace('### H-02 Another', '### H-02 Another title');
    const reread = reparseReport(state, edited);
    assert.equal(reread.report.findings[1].title, 'Another title');
    assert.notEqual(reread.report.findings[0], state.report.findings[0]);
  });

  it('re-reads in part a status line written under a heading finding by set-status, in every corpus fixture', () => {
    let partial = 0;
    let writes = 0;
    for (const { name, text } of reports) {
      const state = parseReportState(text);
      const heading = state.report.findings.filter((f) => f.kind === 'heading');
      // A few findings per report, spread over it: the first, one in the middle, the last.
      for (const f of new Set([heading[0], heading[heading.length >> 1], heading[heading.length - 1]])) {
        if (!f) continue;
        const status = f.status === 'fixed' ? 'open' : 'fixed';
        let edited: string;
        try {
          edited = applyTextEdits(text, setFindingStatus(text, f.id, status).edits);
        } catch {
          continue; // refused (nowhere to write it that reads back): nothing to re-read
        }
        const reread = reparseReport(state, edited);
        assert.deepEqual(reread.report, parseReport(edited), `${name}, ${f.id} set to ${status}: re-read in part differs from the whole reading`);
        if (reread.report.findings[0] === state.report.findings[0] && state.report.findings[0] !== f) partial++;
        writes++;
      }
    }
    // A finding that is one by its own score keeps its section re-readable alone when its status
    // changes: most writes are served in part.
    assert.ok(writes > 20 && partial > writes / 2, `only ${partial} of ${writes} status writes were re-read in part`);
  });

  it('reads the whole report again when a report comment ends the edited section (it speaks for the next block)', () => {
    const text = ['# Review', '', '### H-01 Missing check', '', '**Severity:** High', '', 'Body.', '', '### H-02 Another', '', '**Severity:** Low', '', 'Body.', ''].join('\n');
    const state = parseReportState(text);
    const edited = text.replace('Body.\n\n### H-02', 'Body.\n\n<!-- audit-lens: ignore -->\n\n### H-02');
    const reread = reparseReport(state, edited);
    assert.deepEqual(reread.report.findings.map((f) => f.id), ['H-01']);
    assert.deepEqual(reread.report, parseReport(edited));
  });

  it('returns the same state for the same text', () => {
    const state = parseReportState('# R\n\n### H-01 A\n\nBody\n');
    assert.equal(reparseReport(state, state.text), state);
  });
});
