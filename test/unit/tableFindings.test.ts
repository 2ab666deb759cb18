import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, locs } from './helpers';

describe('table findings', () => {
  it('rows of a table whose header names finding columns', () => {
    const md = ['| ID | Severity | File | Description | Status |', '|---|---|---|---|---|', '| BUG-01 | CRITICAL | background.js:62 | Reader missing | **FIXED** |', '| BUG-02 | LOW | `a/b.ts` | Global leak | Open |'].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.id, x.title, x.severity, x.status, x.kind]), [
      ['BUG-01', 'Reader missing', 'critical', 'fixed', 'tableRow'],
      ['BUG-02', 'Global leak', 'low', 'open', 'tableRow'],
    ]);
    deepStrictEqual(locs(f[0]), ['background.js:62-62']);
    deepStrictEqual(locs(f[1]), ['a/b.ts']);
    deepStrictEqual(f[0].reportRange, { startLine: 3, endLine: 3 });
  });

  it('`path:line` in any cell of a findings row is a location', () => {
    const f = findings('| ID | Severity | Issue | Notes |\n|---|---|---|---|\n| Q-1 | High | Leak | see `pool.go:40-52` |\n');
    deepStrictEqual(locs(f[0]), ['pool.go:40-52']);
  });

  it('statistics tables are not findings', () => {
    strictEqual(findings('| Severity | Count |\n|---|---|\n| High | 3 |\n').length, 0);
  });

  it('a summary table repeating the findings adds nothing', () => {
    const md = ['| ID | Title | Severity |', '|---|---|---|', '| [C-01](#c-01) | Split | Critical |', '', '# [C-01] Split', '', 'Body'].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.id, x.kind]), [['C-01', 'heading']]);
  });

  it('pipes inside code spans stay in their cell', () => {
    const md = '| ID | Title | Severity |\n|---|---|---|\n| X-1 | `a \\| b` breaks | High |\n';
    strictEqual(findings(md)[0].severity, 'high');
  });
});
