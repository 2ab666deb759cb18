import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, only } from './helpers';

describe('status', () => {
  const fields: Array<[string, string]> = [
    ['Fixed', 'fixed'],
    ['✅ Resolved', 'fixed'],
    ['Open', 'open'],
    ['❌ Not fixed (trade-off)', 'open'],
    ['Deferred', 'deferred'],
    ["Won't fix", 'accepted'],
    ['Won’t Fix', 'accepted'],
    ['❌ Open', 'open'],
    ['False positive', 'false_positive'],
    ['Accepted', 'accepted'],
    ['Acknowledged', 'accepted'],
  ];
  for (const [value, want] of fields) {
    it(`**Status:** ${value}`, () => strictEqual(only(`### H1. T\n\n**Status:** ${value}\n`).status, want));
  }

  it('strikethrough title with FALSE POSITIVE', () => strictEqual(only('### ~~C1. Title~~ FALSE POSITIVE\n\nx').status, 'false_positive'));

  it('checkbox on a finding item', () => {
    deepStrictEqual(findings('## Findings\n\n- [x] **Fixed one** — a\n- [ ] **Open one** — b\n').map((f) => f.status), ['fixed', 'open']);
  });

  it('Status column', () => {
    deepStrictEqual(findings('| ID | Title | Status |\n|---|---|---|\n| A-1 | x | Deferred |\n').map((f) => f.status), ['deferred']);
  });

  it('section context: Fixes Applied → fixed, Not Fixed / Remaining → open', () => {
    const md = ['## Fixes Applied', '', '### 1. H2: Session cleanup', '', 'x', '', '## Remaining', '', '### C1: Hub race', '', 'y'].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.status]), [['H2', 'fixed'], ['C1', 'open']]);
  });

  it('an explicit field wins over the section', () => {
    strictEqual(only('## Fixes Applied\n\n### H1. T\n\n**Status:** Open\n').status, 'open');
  });

  it('italic status line under the heading and combined fields', () => {
    strictEqual(only('# [M-01] Title\n\n_Acknowledged_\n\n## Severity\n').status, 'accepted');
    strictEqual(only('#### [M-01] T\n\n**Severity:** Medium · **Status:** Fixed\n').status, 'fixed');
  });

  it('a status sub-heading right under the finding', () => {
    const md = '## Issue #2: Incomplete output\n\n### ✅ INVESTIGATED - Cannot Reproduce\n\ntext\n\n## Issue #3: Metrics\n\n### ✅ FIXED - 9 bugs\n';
    deepStrictEqual(findings(md).map((f) => f.status), ['false_positive', 'fixed']);
  });

  it("the report's title gives no status or severity to its findings", () => {
    const f = only('# Phase 7 Critical Bug Fixes\n\n## Issue #1: Leak\n\ntext\n');
    deepStrictEqual([f.severity, f.status], [null, 'open']);
  });

  it('the verdict opening a Developer Response or Discussion sub-section', () => {
    const md = ['### 1. Medium - a', '', 'x', '', '#### Developer Response', '', 'Fixed in [PR#28](https://x/pull/28).', '', '### 2. Low - b', '', '#### Developer Response', '', 'Acknowledged. Too costly.', '', '# [H-01] c', '', '## Discussion', '', '**pashov**: Client has fixed the issue.', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.status), ['fixed', 'accepted', 'fixed']);
  });

  it('contest platforms: the sponsor line and the protocol team note', () => {
    const md = [
      '## [[H-01] a](https://x/1)', '', 'x', '', '**[Layne (Connext) confirmed and patched](https://x/1#c):**', '', '**[ghoul (Judge) commented](https://x/1#d):**', '',
      '## [[H-02] b](https://x/2)', '', '**[Layne (Connext) acknowledged](https://x/2#c):**', '',
      '## [[M-01] c](https://x/3)', '', '**[Layne (Connext) disputed](https://x/3#c):**', '',
      '# Issue M-2: d', '', 'The protocol team fixed this issue in the following PRs/commits:', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => f.status), ['fixed', 'accepted', 'false_positive', 'fixed']);
  });

  it('defaults to open', () => strictEqual(only('### H1. T\n\nx').status, 'open'));
});
