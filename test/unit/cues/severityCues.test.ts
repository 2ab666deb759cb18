import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, only } from '../helpers';

// One evidence kind per test, each in the report format that uses it. Expected values follow the
// corpus annotation rules (ANNOTATION.md): critical/blocker/P0, high/major/P1, medium/moderate/P2,
// low/minor/P3, informational/note/gas/QA/non-critical → info.
describe('severity cues', () => {
  it('a severity word leading the heading (security review grouped by crate: `#### HIGH: title (path:line)`)', () => {
    const md = ['## neo-crypto', '', '#### HIGH: Unchecked point decoding (src/ecc.rs:96)', '', 'Points off the curve are accepted.', '', '#### LOW: Redundant clone in hash', '', 'Allocates twice.', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.severity), ['high', 'low']);
  });

  it('colour-scale emoji on the heading (agent code review: 🔴 🟠 🟡 🟢)', () => {
    const md = [
      '## Issues Found', '',
      '### 🔴 Hard-coded JWT secret in config', '', 'The secret is committed.', '',
      '### 🟠 No rate limit on login', '', 'Brute force is possible.', '',
      '### 🟡 Verbose error pages', '', 'Stack traces leak.', '',
      '### 🟢 Inconsistent log levels', '', 'Some errors log as info.', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity]), [
      ['Hard-coded JWT secret in config', 'critical'],
      ['No rate limit on login', 'high'],
      ['Verbose error pages', 'medium'],
      ['Inconsistent log levels', 'low'],
    ]);
  });

  it('id letters of a contest report: [M-01], [L-02], [NC-01], [G-01]', () => {
    const md = [
      '# [M-01] Stale price accepted by the oracle adapter', '', 'Body.', '',
      '# [L-02] Missing event on fee change', '', 'Body.', '',
      '# [NC-01] Typo in NatSpec', '', 'Body.', '',
      '# [G-01] Cache array length in loops', '', 'Body.', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.severity]), [['M-01', 'medium'], ['L-02', 'low'], ['NC-01', 'info'], ['G-01', 'info']]);
  });

  it('a plain `Severity: Low` line under a journal entry (no bold)', () => {
    const f = only('## Findings\n\n### Finding 3: Temp files left behind\n\nSeverity: Low\nThe exporter never removes its scratch folder.\n');
    strictEqual(f.severity, 'low');
  });

  it('a `- **Severity**: High` bullet under a numbered finding (performance review)', () => {
    const f = only('## Findings\n\n### Finding 1: False sharing between producer and consumer\n\n- **Severity**: High\n- **Location**: `spmc_ring.rs:155-171`\n');
    deepStrictEqual([f.severity, f.title], ['high', 'False sharing between producer and consumer']);
  });

  it('a `Risk` column in a findings table (assessment summary table)', () => {
    const md = ['| # | Issue | Risk | File |', '|---|---|---|---|', '| 1 | SQL injection in search | High | `api/search.py:40` |', '| 2 | Debug mode on in production | Medium | `settings.py:12` |'].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity]), [['SQL injection in search', 'high'], ['Debug mode on in production', 'medium']]);
  });

  it('the enclosing section: `## Critical Severity` over plain titled headings (firm report)', () => {
    const md = ['# Audit', '', '## Critical Severity', '', '### Owner can drain the vault', '', 'Text.', '', '## Low Severity', '', '### Floating pragma', '', 'Text.', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity]), [['Owner can drain the vault', 'critical'], ['Floating pragma', 'low']]);
  });

  it('Major and Minor (ConsenSys headings with the severity after the title)', () => {
    const md = ['## 4 Issues', '', '### 4.1 Removing an owner does not work Major', '', 'Text.', '', '### 4.2 Unused import Minor', '', 'Text.', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.severity]), [['4.1', 'high'], ['4.2', 'low']]);
  });

  it('tiers: `## TIER 2` sections give high, `## TIER 3` medium (pre-production audit)', () => {
    const md = ['## TIER 2 — DATA LOSS', '', '### 1. [BUG] Draft lost on reload', '', '- **File:** `editor.ts:40`', '', '## TIER 3 — UX', '', '### 2. [UX] Focus jumps after save', '', '- **File:** `form.ts:7`', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.severity), ['high', 'medium']);
  });
});
