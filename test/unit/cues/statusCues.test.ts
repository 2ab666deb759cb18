import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, only } from '../helpers';

// Status as a report states or clearly implies it (ANNOTATION.md): acknowledged, won't fix,
// accepted risk and by design → accepted; partially fixed → open.
describe('status cues', () => {
  it('a `- **Status**: ✅ Fixed - …` bullet (bug-hunting verification report)', () => {
    strictEqual(only('## Findings\n\n### HIGH-2: Token stored in localStorage\n\n- **Status**: ✅ Fixed - moved to an httpOnly cookie\n').status, 'fixed');
  });

  it('a title marker after an em dash: `### S1 — title — FIXED (PR #5)` (improvements log)', () => {
    const md = ['## 1. Security findings', '', '### S1 — Approvals not bound to requests — FIXED (PR #5)', '', 'Text.', '', '### S2 — Relay trusts client clock — OPEN', '', 'Text.', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.status]), [['S1', 'fixed'], ['S2', 'open']]);
  });

  it('PARKED is deferred (improvements log with a status legend)', () => {
    const md = ['## 1. Security findings', '', '### S3 — Hooks surface unverified — PARKED', '', 'Parked until verified.', ''].join('\n');
    strictEqual(only(md).status, 'deferred');
  });

  it('PARTIALLY FIXED after a ✅ is still open (verification report)', () => {
    strictEqual(only('## Findings\n\n### MEDIUM-4: Outdated dependencies ✅ PARTIALLY FIXED\n\nTwo of five upgraded.\n').status, 'open');
  });

  it('Semi-Fixed in a status column is open (maintainers\' audit response table)', () => {
    const md = ['| Severity | Finding | Status | Fix |', '|---|---|---|---|', '| H | (HAL-12) Inaccurate voting power after withdrawal | Semi-Fixed | https://github.com/o/r/pull/22 |', '| M | (HAL-07) Missing pause on exit | Fixed | https://github.com/o/r/pull/23 |'].join('\n');
    deepStrictEqual(findings(md).map((f) => f.status), ['open', 'fixed']);
  });

  it('a Status column with "Won\'t fix" is accepted (bug table)', () => {
    const md = ['| ID | Title | Severity | Status |', '|---|---|---|---|', '| B-1 | Legacy export keeps MD5 | Low | Won\'t fix |'].join('\n');
    strictEqual(only(md).status, 'accepted');
  });

  it('a response paragraph: `_Our comment_: … fixed in … PRs` (maintainers\' response to a firm audit)', () => {
    const md = [
      '### Identified vulnerabilities', '',
      '* __MUL-02-002 WP2__: Firewall allows deanonymization by eavesdropper (Medium)', '',
      '  _Our comment_: A legitimate attack, but not trivial to execute.', '',
      '  This issue is fixed in all desktop apps in the following PRs:', '  * [Windows PR #1827](https://github.com/o/r/pull/1827)', '',
      '* __MUL-02-006 WP1__: Blind HTML injection via problem report (Low)', '',
      '  _Our comment_: This finding does not put any user at risk. We do not agree with the classification.', '',
    ].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.reportId, x.severity]), [['MUL-02-002', 'medium'], ['MUL-02-006', 'low']]);
    strictEqual(f[0].status, 'fixed');
  });

  it('"Fixed in PR #41." as the response under a finding', () => {
    strictEqual(only('## Findings\n\n### M-3: Unchecked transfer return\n\n#### Response\n\nFixed in PR #41.\n').status, 'fixed');
  });

  it('sections: `## Still Pending` is open, `## Bugs Fixed Since Baseline` fixed', () => {
    const md = ['## Bugs Fixed Since Baseline (2 Total) ✅', '', '### 1. Crash on empty upload', '', 'x', '', '### 2. Wrong totals after refund', '', 'x', '', '## 🔄 Still Pending', '', '### 3. Slow dashboard query', '', 'x', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.status]), [['1', 'fixed'], ['2', 'fixed'], ['3', 'open']]);
  });

  it('checkboxes on id-led items of a bug queue: `- [x] BUG-3: …`', () => {
    const md = ['## Bug queue', '', '- [x] BUG-3: Upload fails on names with spaces', '- [ ] BUG-4: Retry storm after outage', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.status]), [['BUG-3', 'fixed'], ['BUG-4', 'open']]);
  });

  it('strikethrough with RESOLVED: `### ~~H3. title~~ — RESOLVED`', () => {
    const f = only('## Findings\n\n### ~~H3. Session fixation on login~~ — RESOLVED\n\nRotated on login now.\n');
    deepStrictEqual([f.id, f.status, f.title], ['H3', 'fixed', 'Session fixation on login']);
  });

  it('strikethrough with BY DESIGN is accepted (security review: `#### ~~CRITICAL: title~~ - **BY DESIGN**`)', () => {
    const f = only('## neo-vm\n\n#### ~~CRITICAL: Unbounded stack in interpreter~~ - **BY DESIGN**\n\nLimits are enforced by the engine.\n');
    deepStrictEqual([f.severity, f.status], ['critical', 'accepted']);
  });

  it('a detector name with FALSE POSITIVE (static-analysis fixes summary: `#### 4. uninitialized-state - FALSE POSITIVE`)', () => {
    const md = ['## Medium Severity Findings', '', '#### 4. uninitialized-state - FALSE POSITIVE', '', '**Status:** Reviewed, variable is set in the initializer.', ''].join('\n');
    strictEqual(only(md).status, 'false_positive');
  });
});
