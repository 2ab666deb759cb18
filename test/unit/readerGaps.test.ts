import { deepStrictEqual } from 'node:assert';
import { parseReport, type Finding } from '../../src/core';

// Formats the per-cue tests found the reader getting wrong; each case was written from a careful
// reading of its format (see the git history of test/unit/readerGaps.pending.md) before the reader
// was changed to pass it.

const read = (md: string): Finding[] => parseReport(md).findings;
/** The named properties of each finding (reportId, title, severity, status, kind, line). */
function pick(fs: Finding[], keys: string[]): Array<Record<string, unknown>> {
  return fs.map((f) => Object.fromEntries(keys.map((k) => [k, k === 'line' ? f.reportRange.startLine : (f as unknown as Record<string, unknown>)[k]])));
}

describe('reader gaps found by the per-cue tests', () => {
  it('Cure53 firm report (`MUL-02-002 WP2: title (Medium)`): Cure53 id with a work-package tag in a heading', () => {
    deepStrictEqual(pick(read("## Identified Vulnerabilities\n\n### MUL-02-002 WP2: Firewall allows deanonymization (Medium)\n\nx"), ["reportId", "title", "severity"]), [{"reportId": "MUL-02-002", "title": "Firewall allows deanonymization", "severity": "medium"}]);
  });
  it('X41 firm report (`### __MLLVD-CR-24-01__: title (Severity: High)`): X41 id in bold with a (Severity: High) suffix: neither is no part of the title', () => {
    deepStrictEqual(pick(read("## Findings\n\n### __MLLVD-CR-24-01__: Signal handler stack too small (Severity: High)\n\nx"), ["reportId", "title", "severity"]), [{"reportId": "MLLVD-CR-24-01", "title": "Signal handler stack too small", "severity": "high"}]);
  });
  it('Code4rena QA report (`### Low 01: title`): `Low 01` id', () => {
    deepStrictEqual(pick(read("## Low Risk Issues\n\n### Low 01: Missing zero-address check in setter\n\nx"), ["reportId", "title", "severity"]), [{"reportId": "Low 01", "title": "Missing zero-address check in setter", "severity": "low"}]);
  });
  it('Code4rena QA report: `[Non Critical-09]` id', () => {
    deepStrictEqual(pick(read("## Non-Critical Issues\n\n### [Non Critical-09] Missing NatSpec on public functions\n\nx"), ["reportId", "title", "severity"]), [{"reportId": "Non Critical-09", "title": "Missing NatSpec on public functions", "severity": "info"}]);
  });
  it('assessment template (finding heading, then `**Finding ID:**` and `**Severity:**` fields): `**Finding ID:**` field', () => {
    deepStrictEqual(pick(read("## Findings\n\n### Weak session secret\n\n**Finding ID:** APP-07\n**Severity:** High"), ["reportId", "title", "severity"]), [{"reportId": "APP-07", "title": "Weak session secret", "severity": "high"}]);
  });
  it('numbered project audit (`## 2. Performance Findings` over `### PERF-01 title`): `PERF-01` id under a numbered findings group', () => {
    const fs = read("# Audit\n\n## 1. Security Findings\n\n### SEC-01 Hard-coded admin password\n\nx\n\n## 2. Performance Findings\n\n### PERF-01 N+1 queries on dashboard\n\nz");
    deepStrictEqual(fs.map((f, i) => pick([f], Object.keys([{"reportId": "SEC-01"}, {"reportId": "PERF-01", "title": "N+1 queries on dashboard"}][i] ?? {}))[0]), [{"reportId": "SEC-01"}, {"reportId": "PERF-01", "title": "N+1 queries on dashboard"}]);
  });
  it('Japanese code review (`### 8. 【修正済み】title`): Japanese title marker 【修正済み】 is no part of the title', () => {
    deepStrictEqual(pick(read("## 指摘事項\n\n### 8. 【修正済み】SQLインジェクション\n\n**重要度**：高"), ["title", "severity", "status"]), [{"title": "SQLインジェクション", "severity": "high", "status": "fixed"}]);
  });
  it('agent/firm review heading with a severity suffix: `(Severity: High)` suffix is no part of the title', () => {
    deepStrictEqual(pick(read("## Findings\n\n### Missing authorization on admin route (Severity: High)\n\nAny user can call it."), ["title", "severity"]), [{"title": "Missing authorization on admin route", "severity": "high"}]);
  });
  it('numbered review heading (`### 3. title (Medium)`): bare `(Medium)` suffix is no part of the title', () => {
    deepStrictEqual(pick(read("## Issues\n\n### 3. Token reuse across tenants (Medium)\n\nTokens are not scoped."), ["title", "severity", "reportId"]), [{"title": "Token reuse across tenants", "severity": "medium", "reportId": "3"}]);
  });
  it('review with an Impact field and no Severity field (Slither/Pashov-style Impact lines): `**Impact:** Medium` line as the only severity', () => {
    deepStrictEqual(pick(read("## Findings\n\n### 4. Unbounded loop in payout\n\n**Impact:** Medium\n\nThe loop grows with the number of payees."), ["severity"]), [{"severity": "medium"}]);
  });
  it('bug queue (`- **P0** title`): bold P0–P3 prefixes on list items', () => {
    deepStrictEqual(read("## Bug queue\n\n- **P0** Payments double-charged on retry\n- **P1** Session survives logout\n- **P2** Slow search on large tenants\n- **P3** Tooltip clipped on mobile").map((f) => f.severity), ["critical", "high", "medium", "low"]);
  });
  it('improvements/fix log items with `**[High]**` prefixes (budget-app family): "this was not an active bug" in a fix-log item; "Fixed the real bug"', () => {
    deepStrictEqual(read("### Financial logic correctness\n\n- **[High]** Investigated the reported formula mismatch in `openConcludeModal()`: both formulas are equivalent — this was not an active bug.\n- **[High]** Fixed the real bug: the share card used `INFLOW - totalS` with no floor.").map((f) => f.status), ["false_positive", "fixed"]);
  });
  it('agent review (`### H1. …`, `### M2. …`, `### title`): a plain heading among id-led sibling headings', () => {
    deepStrictEqual(read("## Review\n\n### H1. Unsafe cast in parser\n\nx\n\n### M2. Missing timeout on fetch\n\ny\n\n### Stale cache after deploy\n\nThe CDN keeps old bundles.").map((f) => f.title), ["Unsafe cast in parser", "Missing timeout on fetch", "Stale cache after deploy"]);
  });
  it('ConsenSys per-issue table, two-column form (`| Severity | Medium |` / `| Status | Fixed |`): a two-column label/value table under an issue heading', () => {
    const fs = read("## Findings\n\n### 4.1 Oracle can be front-run\n\n| Severity | Medium |\n|---|---|\n| Status | Fixed |\n\nx");
    deepStrictEqual(fs.map((f, i) => pick([f], Object.keys([{"title": "Oracle can be front-run", "severity": "medium", "status": "fixed"}][i] ?? {}))[0]), [{"title": "Oracle can be front-run", "severity": "medium", "status": "fixed"}]);
  });
  it('review notes: `## Cache layer` with `**Problem:**` / `**Impact:**` / `**Fix:**`: finding fields alone on an unnumbered heading', () => {
    const fs = read("# Review notes\n\n## Cache layer\n\n**Problem:** the cache never evicts.\n**Impact:** memory grows without bound.\n**Fix:** add an LRU limit.");
    deepStrictEqual(fs.map((f, i) => pick([f], Object.keys([{"title": "Cache layer"}][i] ?? {}))[0]), [{"title": "Cache layer"}]);
  });
  it('any report: review notes with `<!-- audit-lens: findings -->` on the line before `## Cache layer`: report comment `findings` before a plain heading', () => {
    deepStrictEqual(read("# Review notes\n\n<!-- audit-lens: findings -->\n## Cache layer\n\nThe cache never evicts, so memory grows.\n\n## Build setup\n\nUses esbuild.").map((f) => f.title), ["Cache layer"]);
  });
  it('any report: `<!-- audit-lens: findings -->` before `| Area | Observation |` rows: report comment `findings` before a table that is not a findings table', () => {
    deepStrictEqual(pick(read("# Review\n\n<!-- audit-lens: findings -->\n| Area | Observation |\n|---|---|\n| Uploads | Files are not scanned for malware |\n| Logging | Tokens are written to the access log |"), ['kind', 'line']), [{ kind: 'tableRow', line: 6 }, { kind: 'tableRow', line: 7 }]);
  });
});
