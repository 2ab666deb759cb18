import { deepStrictEqual, strictEqual } from 'node:assert';
import { parseReport } from '../../src/core';

// Rules of the reader added for report families of the corpus; each input is written the way
// that family writes it, and the expected values are what a person reads in it.
const read = (md: string) => parseReport(md).findings.map((f) => ({ line: f.reportRange.startLine, id: f.reportId, severity: f.severity, status: f.status }));

describe('reader rules by report family', () => {
  it('agent session logs: a Status line of prose does not make a dated session heading a finding', () => {
    const md = ['# Handoff', '', '## Session History', '', '### 2026-04-27 — Skill overhaul', '', '**Status**: Session complete, quality gates passed', '', '#### What Was Accomplished', '', '1. **Updated skills**', '   - Updated all skill files'].join('\n');
    deepStrictEqual(parseReport(md).findings.map((f) => f.title), []);
  });

  it('maintainer audit responses (Cure53 style): an id with a work package in bold, the verdict in the comment', () => {
    const md = [
      '# Audit response', '', '### Identified vulnerabilities', '',
      '* __MUL-02-002 WP2__: Firewall allows deanonymization (Medium)', '', '  _Our comment_: This is a legitimate attack.', '', '  This issue is fixed in all desktop apps in PR 1827.', '',
      '* __MUL-02-006 WP1__: Blind HTML Injection via Problem Report (Low)', '', '  _Our comment_: The reports are plaintext. As such, we do not agree with the classification as an injection.', '',
      '* __MUL-02-005 WP1__: VpnService logs internal IPs to syslog (Info)', '', '  _Our comment_: There is no way Mullvad can fix this potential information leak.', '',
    ].join('\n');
    deepStrictEqual(read(md), [
      { line: 5, id: 'MUL-02-002', severity: 'medium', status: 'fixed' },
      { line: 11, id: 'MUL-02-006', severity: 'low', status: 'false_positive' },
      { line: 15, id: 'MUL-02-005', severity: 'info', status: 'accepted' },
    ]);
  });

  it('firm reports with maintainer notes (X41 style): "We fixed this" under the finding', () => {
    const md = ['# Summary', '', '## Findings', '', '### MLLVD-CR-24-01: Signal Handler Stack Too Small (Severity: High)', '', 'The stack is too small.', '', 'We fixed this by not setting up an alternative stack at all.', ''].join('\n');
    deepStrictEqual(read(md), [{ line: 5, id: 'MLLVD-CR-24-01', severity: 'high', status: 'fixed' }]);
  });

  it('a risk classification table (one row per severity level) is a legend, not findings', () => {
    const md = ['# Review', '', '## Risk Classification', '', '| Severity | Description |', '| --- | --- |', '| Critical | Loss of critical assets. |', '| High | Significant material loss. |', '| Medium | Moderate loss. |', '| Low | Minor impact. |', ''].join('\n');
    deepStrictEqual(read(md), []);
  });

  it('agent dev-status files: a Story table is a plan; an id table under Known gaps holds findings', () => {
    const md = [
      '# Status', '', '## Lane A', '', '| Story | Description | Status |', '|---|---|---|', '| A1 | Module scaffold | ✅ |', '| A2 | Listener | ✅ |', '',
      '### Known gaps (B5 TODOs)', '', '| ID | Gap | Notes |', '|---|---|---|', '| L19 | No Grafana dashboard | not yet provided |', '| L20 | No tracing spans | not in scope |', '',
    ].join('\n');
    deepStrictEqual(read(md), [
      { line: 14, id: 'L19', severity: null, status: 'open' },
      { line: 15, id: 'L20', severity: null, status: 'open' },
    ]);
  });

  it('Slither checklists: `## low-level-calls` is no Low severity; its Impact line decides', () => {
    const md = ['# Slither', '', '## low-level-calls', 'Impact: Informational', 'Confidence: High', ' - [ ] ID-39', 'Low level call in [x](src/P.sol#L5)', '', ' - [ ] ID-40', 'Low level call in [y](src/P.sol#L9)', ''].join('\n');
    deepStrictEqual(read(md).map((f) => [f.id, f.severity]), [['ID-39', 'info'], ['ID-40', 'info']]);
    strictEqual(parseReport(md.replace('Informational', 'Optimization')).findings[0].severity, 'info');
  });

  it('a Not fixed status with an acceptance in its own parenthesis is accepted; "previously:" does not count', () => {
    const status = (s: string) => parseReport(`## Bugs\n\n### [MEDIUM] BUG-05 — Tab may match other pages\n\n**Status:** ${s}\n`).findings[0].status;
    strictEqual(status('Not fixed (acceptable trade-off for development workflow; document only)'), 'accepted');
    strictEqual(status('Not fixed (the fallback query mitigates it)'), 'open');
    strictEqual(status("Open — previously: Won't fix"), 'open');
  });

  it('numbered project audits: bullets under bold labels in a numbered section among finding groups', () => {
    const md = [
      '# Project Audit', '', '## 1. Security findings', '', '### 1.1 HIGH — Token leak', '', 'Text.', '', '### 1.2 LOW — Missing header', '', 'Text.', '',
      '## 2. Correctness findings', '', '### 2.1 Missing data reads as zero', '', 'Text.', '',
      '## 3. Code quality', '', '**Dead code:**', '- `cache.invalidate()` (`src/db/cache.ts:19-22`) — unused.', '- `getSportName` (`src/types.ts:116`) — unused.', '',
      '**Duplication:**', '- The kJ→kcal constant appears in two tools.', '',
    ].join('\n');
    deepStrictEqual(read(md).map((f) => f.line), [5, 9, 15, 22, 23, 26]);
  });

  it('agent work logs: "Fixed …" entries are fixed findings, nested ones too; an item naming a group of fixes lends them its severity', () => {
    const md = [
      '# Handoff', '', '### 2026-04-25 — v1.1.0', '', '#### What Was Accomplished', '',
      '1. **Super-Memory-TS Critical Bug Fixes** (separate project)', '   - Fixed TIERED search strategy (was only doing text search)', '   - Removed forced fallback in server', '   - Fixed database initialization error handling',
      '2. **Docs refresh**', '   - Updated README', '',
    ].join('\n');
    // Every entry under "Critical Bug Fixes" is one of those fixes, the "Removed …" one too; the
    // docs refresh is no finding.
    deepStrictEqual(read(md), [
      { line: 8, id: null, severity: 'critical', status: 'fixed' },
      { line: 9, id: null, severity: 'critical', status: 'fixed' },
      { line: 10, id: null, severity: 'critical', status: 'fixed' },
    ]);
  });

  it('ConsenSys web reports: severity and status badges after the title or on the line below', () => {
    const md = [
      '# Audit', '', '## 5 Issues', '', '### 5.1 Delegated transactions can be executed twice Major ✓', 'Fixed', '', 'Text.', '',
      "### 5.4 A malicious guardian can steal funds Medium  Won't Fix", '', 'Text.', '', '### 5.10 ENS subdomains leak privacy Minor', 'Acknowledged', '', 'Text.',
    ].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.severity, f.status]), [[5, 'high', 'fixed'], [10, 'medium', 'accepted'], [14, 'low', 'accepted']]);
  });

  it('ConsenSys issue tables: a Closed status takes how it was closed from the remediation comment', () => {
    const md = [
      '## 5 Issues', '', '### 5.5 Voters should be able to vote for empty slate', '', '| Severity | Status | Remediation Comment |', '|:---:|:---:| --- |',
      '| Major | Closed | Closed as WontFix. The team explained the bias. |', '', '### 5.6 Stakes can be blocked forever', '', '| Severity | Status | Remediation Comment |', '|:---:|:---:| --- |',
      '| Major | Closed | Fixed in https://github.com/o/r/pull/166 |',
    ].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.severity, f.status]), [[3, 'high', 'accepted'], [9, 'high', 'fixed']]);
  });

  it('agent bug-fix logs: a verdict heading gives its status to the sibling headings after it', () => {
    const md = ['# Fixes', '', '## Issue #3: Identical values across years', '', '### ✅ FIXED - 2 bugs found and fixed', '', '### Bug #1: API structure', '', 'Text.', '', '### Bug #2: Slicing', '', 'Text.'].join('\n');
    deepStrictEqual(read(md).map((f) => [f.id, f.status]), [['#1', 'fixed'], ['#2', 'fixed']]);
  });

  it('a heading numbered as a range holds that many findings; an "and others" item is none (Russian agent reviews)', () => {
    const md = ['# Отчет', '', '## НИЗКИЕ ПРИОРИТЕТЫ (P3)', '', '### 13-15. Оптимизации', '- Inefficient DOM query caching', '- Debounced input handler не оптимизирован', '- Exponential backoff задержки', '- И др.'].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.severity]), [[6, 'low'], [7, 'low'], [8, 'low']]);
  });

  it("contest reports: what a finding's Proof of Concept holds (Issue 1, Issue 2) is its argument, not findings", () => {
    const md = [
      '# Low Risk and Non-Critical Issues', '', '## [02] Non-adherence to EIP-1822 in `WellUpgradeable.sol`', '', 'Text.', '', '### Proof of Concept', '',
      '**Issue 1: Absence of `updateCodeAddress` Functionality:**', '', 'Text.', '', '**Issue 2: Incorrect `proxiableUUID` Implementation:**', '', 'Text.', '',
    ].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.id]), [[3, '02']]);
  });

  it('blog-style audit summaries: a paragraph opening with a CVE id is a finding', () => {
    const md = ['# Our first CVE', '', 'The issue has been fixed.', '', 'CVE-2021-41254: [Privilege escalation to cluster admin](https://github.com/o/r/security/advisories/GHSA-35rf-v2jv-gfg7).', '', 'Description: users can escalate.'].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.id]), [[5, 'CVE-2021-41254']]);
  });

  it('session notes: Known edges and Security Hotspots name findings', () => {
    const md = ['# Notes', '', '### Known edges', '- LLM pipeline still untested against real models', '- Coverage engine concept extraction still naive', '', '### Security Hotspots', '', '#### Make sure disabling CSRF protection is safe here', '', 'Text.'].join('\n');
    deepStrictEqual(read(md).map((f) => f.line), [4, 5, 9]);
  });

  it('improvement logs: a short closing sentence gives the status; a topic heading over one marked item is its group', () => {
    const md = [
      '# Improvements', '', '## Resolved', '', '### Security', '', '- **[Low]** `setup.html` interpolated gist IDs into', '  `innerHTML` unescaped.', '',
      '## Process findings', '', '- **Codex adapter writes hooks.json with PreToolUse matchers** — ported by', '  analogy, not verified. PARKED until verified.',
      '- **Module headers repeated the overclaim** in two files. All corrected in PR #5.',
    ].join('\n');
    deepStrictEqual(read(md).map((f) => [f.line, f.severity, f.status]), [[7, 'low', 'fixed'], [12, null, 'deferred'], [14, null, 'fixed']]);
  });

  it('work logs: a title that names a fix as done is fixed; an imperative "Fix …" is not', () => {
    const md = ['# Log', '', '## Findings', '', '### C2: Bot User TOCTOU Fix', '', 'Text.', '', '### C3: Fix the session cleanup', '', 'Text.'].join('\n');
    deepStrictEqual(read(md).map((f) => [f.id, f.status]), [['C2', 'fixed'], ['C3', 'open']]);
  });

  it('U+2028 and U+2029 inside a heading or item line are characters, as GitHub shows them', () => {
    const md = '## Findings\n\n### H1.\u2028Token leak\u2029 in auth\n\nText.\n\n## Notes\n\n- **HIGH:** item\u2028two\n';
    deepStrictEqual(read(md).map((f) => [f.line, f.id, f.severity]), [[3, 'H1', 'high'], [9, null, 'high']]);
  });
});
