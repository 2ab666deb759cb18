import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import { applyTextEdits, parseReport, setFindingStatus, StatusEditError } from '../../src/core';

function set(md: string, id: string, status: string, options: { note?: string; date?: string } = {}): string {
  return applyTextEdits(md, setFindingStatus(md, id, status, options).edits);
}

describe('setFindingStatus', () => {
  it('replaces the value of an existing status field', () => {
    strictEqual(set('### H1. T\n\n**Status:** Open\n\nBody\n', 'H1', 'fixed'), '### H1. T\n\n**Status:** Fixed\n\nBody\n');
    strictEqual(set('### H1. T\n- **Status**: Fixed (2026-01-02)\n- **File**: `a.ts`\n', 'H1', 'open'), '### H1. T\n- **Status**: Open\n- **File**: `a.ts`\n');
    strictEqual(set('#### [M-01] T\n\n**Severity:** Medium · **Status:** Fixed\n', 'M-01', 'deferred'), '#### [M-01] T\n\n**Severity:** Medium · **Status:** Deferred\n');
  });

  it('adds a status line under a heading that has none', () => {
    strictEqual(set('### H1. T\n\nBody\n', 'H1', 'fixed'), '### H1. T\n\n**Status:** Fixed\n\nBody\n');
    // A blank line keeps the status its own paragraph instead of running into the next line.
    strictEqual(set('### H1. T\n**File:** `a.ts`\n', 'H1', 'deferred'), '### H1. T\n\n**Status:** Deferred\n\n**File:** `a.ts`\n');
    strictEqual(set('### H1. T', 'H1', 'fixed'), '### H1. T\n\n**Status:** Fixed');
  });

  it('writes the note and the date into the status line', () => {
    strictEqual(set('### H1. T\n\nBody\n', 'H1', 'deferred', { note: 'after the v2 release', date: '2026-11-23' }), '### H1. T\n\n**Status:** Deferred (2026-11-23): after the v2 release\n\nBody\n');
  });

  it('marks a list item inline, and ticks its checkbox', () => {
    strictEqual(set('## Findings\n\n- **CRITICAL: race** — lost acks\n', 'race', 'fixed'), '## Findings\n\n- **CRITICAL: race** — lost acks **Status:** Fixed\n');
    strictEqual(set('## Findings\n\n- [ ] **#1 — Leak** — `a.go:1`\n', '#1', 'fixed'), '## Findings\n\n- [x] **#1 — Leak** — `a.go:1`\n');
    strictEqual(set('## Findings\n\n- [x] **#1 — Leak** — `a.go:1`\n', '#1', 'open'), '## Findings\n\n- [ ] **#1 — Leak** — `a.go:1`\n');
    strictEqual(set('## Findings\n\n- [ ] **#1 — Leak** — `a.go:1`\n', '#1', 'deferred'), '## Findings\n\n- [x] **#1 — Leak** — `a.go:1` **Status:** Deferred\n');
  });

  it('sets the Status cell of a table row', () => {
    const md = '| ID | Title | Status |\n|---|---|---|\n| A-1 | Bad | Open |\n| A-2 | Worse |  |\n';
    strictEqual(set(md, 'A-1', 'fixed'), '| ID | Title | Status |\n|---|---|---|\n| A-1 | Bad | Fixed |\n| A-2 | Worse |  |\n');
    strictEqual(set(md, 'A-2', 'accepted'), '| ID | Title | Status |\n|---|---|---|\n| A-1 | Bad | Open |\n| A-2 | Worse | Accepted |\n');
  });

  it('preserves CRLF, a BOM and a missing final newline', () => {
    strictEqual(set('\ufeff### H1. T\r\n\r\nBody', 'H1', 'fixed'), '\ufeff### H1. T\r\n\r\n**Status:** Fixed\r\n\r\nBody');
    strictEqual(set('\ufeff### H1. T\r\n\r\n**Status:** Open', 'H1', 'fixed'), '\ufeff### H1. T\r\n\r\n**Status:** Fixed');
  });

  it('setting the same status twice changes nothing; reopening works', () => {
    const once = set('### H1. T\n\nBody\n', 'H1', 'fixed');
    deepStrictEqual(setFindingStatus(once, 'H1', 'fixed').edits, []);
    const reopened = set(once, 'H1', 'open');
    strictEqual(parseReport(reopened).findings[0].status, 'open');
    strictEqual(reopened, '### H1. T\n\n**Status:** Open\n\nBody\n');
  });

  it('an unknown id or status is an error and no edit is made', () => {
    throws(() => setFindingStatus('### H1. T\n', 'H9', 'fixed'), (e: unknown) => e instanceof StatusEditError && e.code === 'unknown-id' && /H1/.test(e.message));
    throws(() => setFindingStatus('### H1. T\n', 'H1', 'done'), (e: unknown) => e instanceof StatusEditError && e.code === 'unknown-status');
  });

  it('accepts the id with brackets or in another case', () => {
    strictEqual(set('### [H-01] T\n\nx\n', '[h-01]', 'fixed'), '### [H-01] T\n\n**Status:** Fixed\n\nx\n');
  });

  it('after the edit only that status changes', () => {
    const md = '## Findings\n\n### H1. One\n\n`a.ts:3`\n\n### H2. Two\n\n**Status:** Open\n\n- **CRITICAL: three** — `b.ts:4`\n';
    const before = parseReport(md).findings;
    const after = parseReport(set(md, 'H1', 'false_positive')).findings;
    deepStrictEqual(after.map((f) => [f.id, f.title, f.severity, f.locations]), before.map((f) => [f.id, f.title, f.severity, f.locations]));
    deepStrictEqual(after.map((f) => f.status), ['false_positive', 'open']);
  });
});
