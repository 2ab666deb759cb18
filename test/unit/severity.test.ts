import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, only } from './helpers';

describe('severity', () => {
  it('from words and emoji in the heading', () => {
    strictEqual(only('### 1. ❌ **CRITICAL: Iterator mismatch**\n\nx').severity, 'critical');
    strictEqual(only('## Issues\n\n### 4. 🟠 Slow path\n\nx').severity, 'high');
    strictEqual(only('## Findings\n\n### 2. Medium - Users can exit early\n\nx').severity, 'medium');
  });

  it('from a parent section: ## HIGH, ## CRITICAL FIXES (4), ### Medium Priority (Not Fixed)', () => {
    const md = ['## HIGH', '', '### 1. A', '', 'x', '', '## CRITICAL FIXES (4)', '', '### 2. B', '', 'x', '', '### Medium Priority (Not Fixed)', '', '#### 3. C', '', 'x'].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.severity]), [['1', 'high'], ['2', 'critical'], ['3', 'medium']]);
  });

  it('from a field: **Severity:** High and - Severity: Medium', () => {
    strictEqual(only('## Findings\n\n### 1. A\n\n**Severity:** High\n').severity, 'high');
    strictEqual(only('## Findings\n\n### 1. A\n\n- Severity: Medium\n').severity, 'medium');
    strictEqual(only('## Findings\n\n### 1. A\n\n- **Severity:** 🔴 Critical\n').severity, 'critical');
  });

  it('a score before the word: 8.1 (High), CVSS 9.8 Critical', () => {
    strictEqual(only('## Findings\n\n### 1. A\n\n**Severity:** 8.1 (High)\n').severity, 'high');
    strictEqual(only('## Findings\n\n### 1. A\n\n**Severity:** CVSS 9.8 Critical\n').severity, 'critical');
  });

  it('an explicit Severity field wins over the heading word', () => {
    strictEqual(only('### 1. ❌ **CRITICAL: Iterator mismatch**\n\n**Severity:** HIGH - causes bad samples\n').severity, 'high');
  });

  it('from the id letter when the report uses that scheme', () => {
    deepStrictEqual(findings('### C-1. a\n\nx\n\n### H-2. b\n\nx\n\n### M-3. c\n\nx\n\n### L-4. d\n\nx\n\n### I-5. e\n\nx').map((f) => f.severity), ['critical', 'high', 'medium', 'low', 'info']);
  });

  it('from a bold prefix in a list item', () => {
    deepStrictEqual(findings('- **CRITICAL: readDriftAcks race** — lost acks\n- **MED: stale cache** — x\n').map((f) => [f.severity, f.title]), [
      ['critical', 'readDriftAcks race'],
      ['medium', 'stale cache'],
    ]);
  });

  it('from a table column', () => {
    const md = '| ID | Title | Severity |\n|---|---|---|\n| A-1 | Bad | High |\n| A-2 | Worse | Critical |\n';
    deepStrictEqual(findings(md).map((f) => f.severity), ['high', 'critical']);
  });

  it('non-English severity words and P-levels', () => {
    deepStrictEqual(findings('## P1 — Alta prioridade\n\n### P1-1. Race\n\nx').map((f) => f.severity), ['high']);
    deepStrictEqual(findings('- CRITICO - Secrets en repo. Evidencia: `.env:19`\n').map((f) => f.severity), ['critical']);
  });

  it('tiers: TIER 1 is critical, TIER 5 and beyond info', () => {
    const md = '## TIER 1 — CRASH / SECURITY\n\n### 1. [BUG] a\n\n- **File:** `x.ts:1`\n\n## TIER 5 — CODE QUALITY\n\n### 2. b\n\n- **File:** `y.ts:2`\n';
    deepStrictEqual(findings(md).map((f) => f.severity), ['critical', 'info']);
  });

  it('is null when the report gives none', () => {
    strictEqual(only('## Findings\n\n### Finding 1: Something\n\n**File:** `a.ts:3`\n').severity, null);
  });
});
