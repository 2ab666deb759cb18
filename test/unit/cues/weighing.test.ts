import { deepStrictEqual } from 'node:assert';
import { findings } from '../helpers';

// Decide by weighing, not by veto (issue #7 §3).
describe('weighing the evidence', () => {
  it('strong item evidence outweighs a weak section word: `### Go Agent (commits 2823bd8, 7b66796)` (session log)', () => {
    const md = [
      '## Fixes by component', '', '### Go Agent (commits 2823bd8, 7b66796)', '',
      '- **CRITICAL: Race in hub broadcast** — map written from two goroutines, `agent/hub.go:88`', '- **HIGH: Unbounded reconnect loop** — no backoff, `agent/conn.go:40`', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity]), [['Race in hub broadcast', 'critical'], ['Unbounded reconnect loop', 'high']]);
  });

  it('"priority" in `## Remaining from Audit (lower priority)` does not hide its items (session log)', () => {
    const md = ['## Remaining from Audit (lower priority)', '', '- Session tokens are not rotated on privilege change', '- Audit log is writable by the app user', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.status]), [
      ['Session tokens are not rotated on privilege change', 'open'],
      ['Audit log is writable by the app user', 'open'],
    ]);
  });

  it('siblings judged together: a plain item among severity-prefixed ones is a finding too', () => {
    const md = ['## Session 12 review', '', '- **HIGH:** Token leak in request logs', '- **MEDIUM:** Missing index on events table', '- **LOW:** Typo in the 404 error text', '- Retry loop never backs off', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity]), [
      ['Token leak in request logs', 'high'],
      ['Missing index on events table', 'medium'],
      ['Typo in the 404 error text', 'low'],
      ['Retry loop never backs off', null],
    ]);
  });

  it('a category heading over findings is a group: `## 1. Security Findings` over `### SEC-01 …`', () => {
    const md = ['# Audit', '', '## 1. Security Findings', '', '### SEC-01 Hard-coded admin password', '', 'x', '', '### SEC-02 Open redirect on login', '', 'y', '', '## 2. Privacy Findings', '', '### SEC-03 Emails logged in plain text', '', 'z', ''].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => x.reportId), ['SEC-01', 'SEC-02', 'SEC-03']);
    // The group is not a finding, so the first finding's range ends before the next one.
    deepStrictEqual(f[1].reportRange, { startLine: 9, endLine: 11 });
  });
});
