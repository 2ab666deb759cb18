import { deepStrictEqual } from 'node:assert';
import { parseReport } from '../../src/core';

const titles = (md: string) => parseReport(md).findings.map((f) => f.title);

// The three report comments before each kind of block they serve (heading, list, table), in
// addition to reportComments.test.ts; a comment in code is code.
describe('report comments before a heading, a list and a table', () => {
  const findingsTable = ['| ID | Title | Severity |', '|---|---|---|', '| A-1 | Session never expires | High |', '| A-2 | Debug endpoint exposed | Medium |'];

  it('(without a comment, the table rows are findings)', () => {
    const md = ['# Review', '', ...findingsTable, '', '## [H-01] Reentrancy', '', 'x'].join('\n');
    deepStrictEqual(titles(md), ['Session never expires', 'Debug endpoint exposed', 'Reentrancy']);
  });

  it('not-findings before a findings table makes none of its rows findings', () => {
    const md = ['# Review', '', '<!-- audit-lens: not-findings -->', ...findingsTable, '', '## [H-01] Reentrancy', '', 'x'].join('\n');
    deepStrictEqual(titles(md), ['Reentrancy']);
  });

  it('ignore before a findings table drops the whole table', () => {
    const md = ['# Review', '', '<!-- audit-lens: ignore -->', ...findingsTable, '', '## [H-01] Reentrancy', '', 'x'].join('\n');
    deepStrictEqual(titles(md), ['Reentrancy']);
  });

  it('not-findings before a list of findings makes none of its items findings; the next list is untouched', () => {
    const md = ['## Findings', '', '<!-- audit-lens: not-findings -->', '- **HIGH:** Token leak in logs', '- **LOW:** Typo in errors', '', '## Open Issues', '', '- **MEDIUM:** Missing index'].join('\n');
    deepStrictEqual(titles(md), ['Missing index']);
  });

  it('the comment is read in any case and spacing: `<!--audit-lens:IGNORE-->`', () => {
    const md = ['## Findings', '', '### [H-01] Kept', '', 'x', '', '<!--audit-lens:IGNORE-->', '### [H-02] Dropped', '', 'y'].join('\n');
    deepStrictEqual(titles(md), ['Kept']);
  });

  it('a comment inside a tilde fence or an indented code block is code, not a report comment', () => {
    const tilde = ['## Findings', '', '~~~html', '<!-- audit-lens: not-findings -->', '~~~', '### [H-01] Still a finding', '', 'x'].join('\n');
    deepStrictEqual(titles(tilde), ['Still a finding']);
    const indented = ['## Findings', '', 'Example:', '', '    <!-- audit-lens: ignore -->', '', '### [H-01] Still a finding', '', 'x'].join('\n');
    deepStrictEqual(titles(indented), ['Still a finding']);
  });

  it('a comment that is not one of the three words changes nothing', () => {
    const md = ['## Findings', '', '<!-- audit-lens: skip -->', '### [H-01] Still a finding', '', 'x'].join('\n');
    deepStrictEqual(titles(md), ['Still a finding']);
  });
});
