import { deepStrictEqual } from 'node:assert';
import { explainReport, parseReport } from '../../src/core';

const titles = (md: string) => parseReport(md).findings.map((f) => f.title);

describe('report comments (<!-- audit-lens: … -->)', () => {
  const report = ['# Review', '', '## Findings', '', '### [H1] Token compared with ==', '', 'Text of H1.', ''];

  it('ignore before a heading that follows another finding drops that heading only', () => {
    const md = [...report, '<!-- audit-lens: ignore -->', '### [M4] Duplicate of M2', '', 'Same as M2.', '', '### [M2] Cookie flags', '', 'Text.'].join('\n');
    deepStrictEqual(titles(md), ['Token compared with ==', 'Cookie flags']);
  });

  it('not-findings before a heading, after blank lines, makes it no finding', () => {
    const md = [...report, '<!-- audit-lens: not-findings -->', '', '### [M2] Cookie flags', '', 'Text.'].join('\n');
    deepStrictEqual(titles(md), ['Token compared with ==']);
  });

  it('ignore between list items drops the next item only', () => {
    const md = ['## Findings', '', '- **CRITICAL: race in refresh**', '<!-- audit-lens: ignore -->', '- **HIGH: duplicate of the race**', '- **LOW: missing header**'].join('\n');
    deepStrictEqual(titles(md), ['race in refresh', 'missing header']);
  });

  it('findings between list items makes the next item a finding, not its siblings', () => {
    const md = ['## Notes', '', '- Refactor the loader', '<!-- audit-lens: findings -->', '- The session cookie has no SameSite attribute', '- Rename the helpers'].join('\n');
    deepStrictEqual(titles(md), ['The session cookie has no SameSite attribute']);
  });

  it('findings before a list makes all its items findings', () => {
    const md = ['## Open questions', '', '<!-- audit-lens: findings -->', '- Uploads are not scanned', '- Logs keep tokens'].join('\n');
    deepStrictEqual(titles(md), ['Uploads are not scanned', 'Logs keep tokens']);
  });

  it('a comment inside fenced code is code, not a report comment', () => {
    const md = [...report, '```html', '<!-- audit-lens: ignore -->', '```', '', '### [M2] Cookie flags', '', 'Text.'].join('\n');
    deepStrictEqual(titles(md), ['Token compared with ==', 'Cookie flags']);
  });

  it('explain names the comment as the reason', () => {
    const md = [...report, '<!-- audit-lens: not-findings -->', '### [M2] Cookie flags', '', 'Text.'].join('\n');
    const text = explainReport(md);
    deepStrictEqual(/report comment: not-findings/.test(text), true, text);
  });
});
