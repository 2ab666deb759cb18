import { deepStrictEqual, notStrictEqual, strictEqual } from 'node:assert';
import { findings } from './helpers';

describe('ids', () => {
  it("keeps the report's own ids", () => {
    deepStrictEqual(findings('### H1. a\n\nx\n\n### [C-02] b\n\nx\n\n### M14: c\n\nx\n\n## Findings\n\n### 4.2 d\n\n**Severity:** Low\n').map((f) => f.id), ['H1', 'C-02', 'M14', '4.2']);
  });

  it('derives a stable id from the title when the report has none', () => {
    const a = findings('## Findings\n\n- Session tokens never expire\n- Missing index\n');
    const b = findings('## Findings\n\n- Something new first\n- Session tokens never expire\n- Missing index\n');
    strictEqual(a[0].id, 'session-tokens-never-expire');
    deepStrictEqual(a.map((f) => f.id), b.slice(1).map((f) => f.id));
  });

  it('numbering restarted in each section still gives unique ids', () => {
    const md = ['## Medium Findings', '', '### 1. Medium - a', '', 'x', '', '## Low Findings', '', '### 1. Low - b', '', 'x', '', '### 2. Low - c', '', 'y'].join('\n');
    const ids = findings(md).map((f) => f.id);
    strictEqual(new Set(ids).size, 3);
    deepStrictEqual(ids, ['medium/1', 'low/1', '2']);
  });

  it('the same id twice in one section gets a counter', () => {
    const ids = findings('## Findings\n\n- Same title\n- Same title\n').map((f) => f.id);
    notStrictEqual(ids[0], ids[1]);
  });
});
