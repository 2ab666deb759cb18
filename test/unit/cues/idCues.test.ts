import { deepStrictEqual } from 'node:assert';
import { only } from '../helpers';

// Every id scheme issue #7 names, each written as the family that uses it writes it. `reportId`
// is the id as the report gives it (an HTML entity read as the character it stands for).
describe('id cues', () => {
  const cases: Array<[string, string, { reportId: string; title: string }]> = [
    ['H1 (agent audit: `### H1. title`)', '## Findings\n\n### H1. Unbounded retries on webhook\n\nx\n', { reportId: 'H1', title: 'Unbounded retries on webhook' }],
    ['[M-01] (Pashov: `#### [M-01] title`)', '### Medium\n\n#### [M-01] Oracle price can be stale\n\nx\n', { reportId: 'M-01', title: 'Oracle price can be stale' }],
    ['C-2 (`### C-2: title`)', '## Findings\n\n### C-2: Private key logged at startup\n\nx\n', { reportId: 'C-2', title: 'Private key logged at startup' }],
    ['#12 (bug list: `### #12 — title`)', '## Bugs\n\n### #12 — Export drops the last row\n\nx\n', { reportId: '#12', title: 'Export drops the last row' }],
    ['SEC-001 (task queue: `- [x] **SEC-001** — title`)', '## Security\n\n- [x] **SEC-001** — Fix `shell=True` command injection in `system_service.py`\n', { reportId: 'SEC-001', title: 'Fix shell=True command injection in system_service.py' }],
    ['HAL-01 (Halborn: `### HAL-01 - title`)', '## Findings\n\n### HAL-01 - Missing access control on mint\n\nx\n', { reportId: 'HAL-01', title: 'Missing access control on mint' }],
    ['TOB-CE-1 (Trail of Bits: `### TOB-CE-1: title`)', '## Detailed Findings\n\n### TOB-CE-1: Insecure default TLS configuration\n\nx\n', { reportId: 'TOB-CE-1', title: 'Insecure default TLS configuration' }],
    ['L-01 (Aderyn: `## L-01: title`)', '# Low Issues\n\n## L-01: Centralization risk for trusted owners\n\nx\n', { reportId: 'L-01', title: 'Centralization risk for trusted owners' }],
    ['NC-01 (Code4rena QA: `### [NC-01] title`)', '## Non Critical Issues\n\n### [NC-01] Use named constants\n\nx\n', { reportId: 'NC-01', title: 'Use named constants' }],
    ['an HTML-entity dash (Code4rena QA: `[NC&#x2011;1]` inside anchors)', '## Non Critical Issues\n\n### <a href="#QA Summary">[NC&#x2011;1]</a><a name="NC&#x2011;1"> Use underscores for number literals\n\nx\n', { reportId: 'NC-1', title: 'Use underscores for number literals' }],
    ['`(Issue #8)` after the title (polish summary)', '## Polish Changes Applied\n\n#### 1. WebClient thread-safety (Issue #8)\n**Status:** ✅ **FIXED**\n', { reportId: '#8', title: 'WebClient thread-safety' }],
  ];
  for (const [name, md, want] of cases) {
    it(name, () => {
      const f = only(md);
      deepStrictEqual({ reportId: f.reportId, title: f.title }, want);
    });
  }

  it('`(HAL-13)` after the severity letter in a response table', () => {
    const md = ['## Critical and High Severity', '', '| Severity | Issue | Status | Comment or PR |', '| -------- | ----- | ------ | ------------- |', '| C | (HAL-13) Token ID reuse leads to protocol deadlock | Fixed | https://github.com/o/r/pull/3 |'].join('\n');
    const f = only(md);
    deepStrictEqual([f.reportId, f.title, f.severity, f.status], ['HAL-13', 'Token ID reuse leads to protocol deadlock', 'critical', 'fixed']);
  });
});
