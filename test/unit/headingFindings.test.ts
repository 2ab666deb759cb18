import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, only, summary } from './helpers';

describe('heading findings', () => {
  const cases: Array<[string, string, ReturnType<typeof summary>]> = [
    ['### H1. Title', '## Findings\n\n### H1. Unsafe cast\n\nBody.\n', { id: 'H1', title: 'Unsafe cast', severity: 'high', status: 'open' }],
    ['### [H-01] Title', '### [H-01] Reentrancy in withdraw\n\nBody.\n', { id: 'H-01', title: 'Reentrancy in withdraw', severity: 'high', status: 'open' }],
    ['## M-03: Title', '## M-03: Missing zero check\n\nBody.\n', { id: 'M-03', title: 'Missing zero check', severity: 'medium', status: 'open' }],
    ['### 1. Title ⚠️ CRITICAL', '## Issues\n\n### 1. Token leak in logs ⚠️ CRITICAL\n\nBody.\n', { id: '1', title: 'Token leak in logs', severity: 'critical', status: 'open' }],
    ['### 2. Title (CRITICAL FIX)', '## Fixes\n\n### 2. Race in cache (CRITICAL FIX)\n\nBody.\n', { id: '2', title: 'Race in cache', severity: 'critical', status: 'open' }],
    ['### ~~C1. Title~~ FALSE POSITIVE', '### ~~C1. Overflow in sum~~ FALSE POSITIVE\n\nNot reachable.\n', { id: 'C1', title: 'Overflow in sum', severity: 'critical', status: 'false_positive' }],
    ['#### 4.2 Title', '## Findings\n\n#### 4.2 Weak hashing\n\n**Severity:** Low\n', { id: '4.2', title: 'Weak hashing', severity: 'low', status: 'open' }],
    ['## [[H-01] title](url)', '## [[H-01] Anyone can add liquidity](https://github.com/o/r/issues/48)\n\nBody\n', { id: 'H-01', title: 'Anyone can add liquidity', severity: 'high', status: 'open' }],
    ['# Issue H-1: title', '# Issue H-1: Claim does not check epoch\n\nSource: x\n', { id: 'H-1', title: 'Claim does not check epoch', severity: 'high', status: 'open' }],
    ['### [CRITICAL] BUG-01 — title', '### [CRITICAL] BUG-01 — FileReader missing\n\n**Status:** FIXED\n', { id: 'BUG-01', title: 'FileReader missing', severity: 'critical', status: 'fixed' }],
    ['#### **C1: bold title**', '### 🔴 CRITICAL\n\n#### **C1: Race in hub**\n\nText\n', { id: 'C1', title: 'Race in hub', severity: 'critical', status: 'open' }],
    ['### HIGH-1: title ✅ FIXED', '### HIGH-1: Duplicate code ✅ FIXED\n- **File**: `a.ts:1-2`\n', { id: 'HIGH-1', title: 'Duplicate code', severity: 'high', status: 'fixed' }],
    ['### Issue #3: title', '## Issue #3: Identical metrics\n\ntext\n', { id: '#3', title: 'Identical metrics', severity: null, status: 'open' }],
    ['## [01] title (QA report)', '# Low Risk and Non-Critical Issues\n\n## [01] Potential non-convergence\n\nx\n', { id: '01', title: 'Potential non-convergence', severity: 'low', status: 'open' }],
    ['### H-1 title without a separator', '### H-1 Reentrancy in claim\n\nx\n', { id: 'H-1', title: 'Reentrancy in claim', severity: 'high', status: 'open' }],
    ['### title (Resolved)', '### M-2: Stale price (Resolved)\n\nx\n', { id: 'M-2', title: 'Stale price', severity: 'medium', status: 'fixed' }],
    ['### SHA-256 title is no id', '## Findings\n\n### SHA-256 used for passwords\n\n**Severity:** High\n', { id: 'sha-256-used-for-passwords', title: 'SHA-256 used for passwords', severity: 'high', status: 'open' }],
    ['### Finding 1: title', '## Findings\n\n### Finding 1: False sharing\n\n- **Severity**: High\n', { id: '1', title: 'False sharing', severity: 'high', status: 'open' }],
  ];
  for (const [name, md, want] of cases) {
    it(name, () => deepStrictEqual(summary(only(md)), want));
  }

  it('the body runs to the next heading of the same or a higher level', () => {
    const md = ['# Report', '', '## H1. First', '', 'text', '', '### Impact', '', 'more', '', '## H2. Second', '', 'x', '', '# Appendix', '', 'y'].join('\n');
    const [a, b] = findings(md);
    deepStrictEqual(a.reportRange, { startLine: 3, endLine: 9 });
    deepStrictEqual(b.reportRange, { startLine: 11, endLine: 13 });
  });

  it('sub-headings of a finding are its body, not findings', () => {
    const md = '### M-01. Title\n\n#### Impact\n\nx\n\n#### Recommendation\n\ny\n';
    strictEqual(findings(md).length, 1);
  });

  it('group headings are not findings: ## HIGH, # High Risk Findings (5), ## P0 — Críticos', () => {
    const md = ['# High Risk Findings (2)', '', '## [H-01] One', '', 'x', '', '## HIGH', '', '### 3. Two', '', 'y', '', '## P0 — Críticos', '', '### P0-1. Three', '', 'z'].join('\n');
    deepStrictEqual(findings(md).map((f) => f.id), ['H-01', '3', 'P0-1']);
  });

  it('numbered headings outside findings sections need finding marks', () => {
    const md = ['# Report', '', '## 1. Executive Summary', '', 'All good.', '', '## 2. Scope', '', 'src/'].join('\n');
    strictEqual(findings(md).length, 0);
  });

  it('praise sections hold no findings', () => {
    const md = ["## What's Working Well", '', '### 1. Clean layering', '', 'Nice.', '', '## Issues', '', '### 1. Slow query', '', 'x'].join('\n');
    deepStrictEqual(findings(md).map((f) => f.title), ['Slow query']);
  });
});
