import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings } from '../helpers';

// Blocks that look like findings but are not (ANNOTATION.md, "Not findings").
describe('counter-evidence', () => {
  it('procedural steps after the findings (fix log: `## How to verify` numbered steps)', () => {
    const md = ['## Issues', '', '### H1. Idle sockets never close', '', 'x', '', '## How to verify', '', '1. Run `npm ci`', '2. Start the server with `npm start`', '3. Open the dashboard and check the socket count', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.id), ['H1']);
  });

  it('a table of contents repeating the findings adds nothing (contest report)', () => {
    const md = [
      '# Contents', '', '- [H-01 Reentrancy in withdraw](#h-01-reentrancy-in-withdraw)', '- [M-01 Stale oracle price](#m-01-stale-oracle-price)', '',
      '# Findings', '', '## [H-01] Reentrancy in withdraw', '', 'x', '', '## [M-01] Stale oracle price', '', 'y', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.kind]), [['H-01', 'heading'], ['M-01', 'heading']]);
  });

  it('an executive summary repeating the findings as bullets adds nothing', () => {
    const md = [
      '## Executive Summary', '', '- **HIGH:** SQL injection in search', '- **LOW:** Verbose errors', '',
      '## Findings', '', '### 1. SQL injection in search', '', '**Severity:** High', '', '### 2. Verbose errors', '', '**Severity:** Low', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.kind]), [['SQL injection in search', 'heading'], ['Verbose errors', 'heading']]);
  });

  it('praise: `## Positive Observations` items are not findings', () => {
    const md = ['## Positive Observations', '', '- **Clear module boundaries** — the core never imports the UI', '- **Good test coverage** — 92% of lines', ''].join('\n');
    strictEqual(findings(md).length, 0);
  });

  it('a severity legend (bullets that define High/Medium/Low) is not a list of findings', () => {
    const md = [
      '# Security Review', '', 'Findings are rated as follows:', '',
      '- **High** — leads to a loss of funds or a takeover', '- **Medium** — limits availability or leaks data', '- **Low** — best practice, no direct risk', '',
      '## Findings', '', '### [H-01] Unchecked call in payout', '', 'x', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => f.id), ['H-01']);
  });

  it('a commit list under a label is not a list of findings (session log)', () => {
    const md = ['## Session 14', '', '**Commits:**', '', '- `2823bd8` fix: close idle sockets', '- `7b66796` refactor: split the hub', ''].join('\n');
    strictEqual(findings(md).length, 0);
  });

  it('a file list with change counts is not a list of findings', () => {
    const md = ['## Changes', '', '- `src/hub.go` — 40 lines changed', '- `src/pool.go` — 12 lines changed', ''].join('\n');
    strictEqual(findings(md).length, 0);
  });
});
