import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import fc from 'fast-check';
import { applyTextEdits, normalizeStatus, parseReport, setFindingStatus, StatusEditError } from '../../src/core';

function set(md: string, id: string, status: string, options: { note?: string; date?: string } = {}): string {
  return applyTextEdits(md, setFindingStatus(md, id, status, options).edits);
}

/** Every property of every finding but the target's status and body, with ranges. */
function shape(md: string): unknown[] {
  return parseReport(md).findings.map((f) => [f.id, f.title, f.severity, f.kind, f.locations]);
}

describe('setFindingStatus: hardening', () => {
  it('accepts statuses in any case, with spaces or dashes', () => {
    for (const s of ['Fixed', 'FIXED', 'false positive', 'false-positive', 'False_Positive', ' accepted ']) strictEqual(normalizeStatus(s) !== null, true, s);
    strictEqual(normalizeStatus('false  -  positive'), 'false_positive');
    strictEqual(normalizeStatus('done'), null);
    strictEqual(set('### H1. T\n\nx\n', 'H1', 'false positive'), '### H1. T\n\n**Status:** False positive\n\nx\n');
  });

  it('reopening restores a clean Open: no date, in a field and in a table cell', () => {
    const fixed = set('### H1. T\n\nx\n', 'H1', 'fixed', { date: '2026-11-24' });
    strictEqual(fixed, '### H1. T\n\n**Status:** Fixed (2026-11-24)\n\nx\n');
    strictEqual(set(fixed, 'H1', 'open', { date: '2026-11-25' }), '### H1. T\n\n**Status:** Open\n\nx\n');
    const table = '| ID | Title | Status |\n|---|---|---|\n| A-1 | Bad | Open |\n';
    const round = set(set(table, 'A-1', 'fixed', { date: '2026-11-24' }), 'A-1', 'open', { date: '2026-11-24' });
    strictEqual(round, table);
  });

  it("keeps the author's words, and setting their status again brings them back", () => {
    const md = '### H1. CSP missing\n\n**Status:** ✅ Fixed - CSP added at lines 36-38\n\nBody\n';
    const reopened = set(md, 'H1', 'open', { date: '2026-11-24' });
    strictEqual(reopened, '### H1. CSP missing\n\n**Status:** Open — previously: ✅ Fixed - CSP added at lines 36-38\n\nBody\n');
    strictEqual(parseReport(reopened).findings[0].status, 'open');
    strictEqual(set(reopened, 'H1', 'fixed', { date: '2026-11-25' }), md);
    // With a note the author's words stay after ours.
    strictEqual(
      set(reopened, 'H1', 'deferred', { note: 'after v2', date: '2026-11-25' }),
      '### H1. CSP missing\n\n**Status:** Deferred (2026-11-25): after v2 — previously: ✅ Fixed - CSP added at lines 36-38\n\nBody\n',
    );
    // A note written by an earlier triage is kept the same way.
    const noted = '### H1. T\n\n**Status:** Fixed (2026-01-02): moved the check\n';
    strictEqual(set(set(noted, 'H1', 'open'), 'H1', 'fixed'), noted);
  });

  it('a note cannot be read as a field, a marker or a location', () => {
    const md = '## Findings\n\n### H1. SQL injection\n\n**Severity:** High\n**File:** `src/a.ts:3`\n\n### H2. Other\n\n**Severity:** Low\n';
    const injected = set(md, 'H1', 'deferred', { note: '**Severity:** Info **File:** `src/evil.ts:666`', date: '2026-11-24' });
    const [h1] = parseReport(injected).findings;
    strictEqual(h1.severity, 'high');
    deepStrictEqual(h1.locations.map((l) => l.path), ['src/a.ts']);
    strictEqual(h1.status, 'deferred');
    deepStrictEqual(shape(injected), shape(md));
    // What GitHub shows is the note as typed: every added character is a backslash escape.
    strictEqual(injected.includes('\\*\\*Severity\\:\\*\\* Info \\*\\*File\\:\\*\\* \\`src/evil.ts\\:666\\`'), true);
    for (const note of ['see src/evil.ts:666', 'https://github.com/o/r/blob/main/x.ts#L5', '(lines 3-4)', '[x](y.ts:3)', 'FALSE POSITIVE ✅', 'a\nb\u001b[2J\u202e']) {
      const out = set(md, 'H1', 'deferred', { note });
      deepStrictEqual(shape(out), shape(md), note);
      strictEqual(/[\u0000-\u0009\u000b-\u001f\u202e]/.test(out), false, note);
    }
  });

  it('property: after any status with any note, every other property of every finding is unchanged', () => {
    const md = [
      '# Audit', '', '## Findings', '', '### [H-01] Reentrancy', '', '**Severity:** High', '**Status:** ✅ Fixed - see PR 4', '`src/a.sol:10`', '',
      '### M1. Rounding', '', '`src/b.sol:3-4`', '', '- [ ] **#1 — Leak** — `c.go:1`', '', '| ID | Title | Status |', '|---|---|---|', '| T-1 | Cell | Open |', '',
    ].join('\n');
    const ids = parseReport(md).findings.map((f) => f.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.constantFrom('open', 'fixed', 'deferred', 'false_positive', 'accepted'), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (id, status, note) => {
        let out: string;
        try {
          out = set(md, id, status, { note, date: '2026-11-24' });
        } catch (e) {
          // Refusing is allowed; writing something that changes another property is not.
          return e instanceof StatusEditError;
        }
        const before = parseReport(md).findings;
        const after = parseReport(out).findings;
        return after.every((f, i) => (f.id === id ? f.status === status : f.status === before[i].status)) && JSON.stringify(shape(out)) === JSON.stringify(shape(md));
      }),
      { numRuns: 300 },
    );
  });

  it('the id may be the title of a finding that has no id of its own', () => {
    strictEqual(set('## Findings\n\n### High: Unbounded search limit\n\nx\n', 'unbounded search limit', 'fixed'), '## Findings\n\n### High: Unbounded search limit\n\n**Status:** Fixed\n\nx\n');
    throws(() => setFindingStatus('### H1. T\n', 'nothing like it', 'fixed'), (e: unknown) => e instanceof StatusEditError && e.code === 'unknown-id');
  });
});
