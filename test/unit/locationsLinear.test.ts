import { commentOf } from '../../src/core/locations/codeLocations';
import { dedupeLocations } from '../../src/core/locations/dedupeLocations';
import { findingLocations } from '../../src/core/locations/findingLocations';
import { codeSpans, inlineLinks } from '../../src/core/locations/inlineSpans';
import { orphanLines, parseLineList, proseLines } from '../../src/core/locations/lineLists';
import { locationsInText } from '../../src/core/locations/locationsInText';
import { normalizePath } from '../../src/core/locations/paths';
import { scanLines } from '../../src/core/markdown/scanLines';
import type { LocationRef } from '../../src/core/types';
import { assertLinear } from './linearity';

const text = (context: 'prose' | 'title' | 'field' | 'comment') => (s: string) => locationsInText(s, context);
const driver = (md: string) => {
  const lines = scanLines(md);
  return findingLocations({ startLine: 1 }, lines, lines);
};

describe('locations: linear time on hostile shapes', function () {
  this.timeout(120000);

  // Line-level shapes stay under the 16 KB a line is read for at 8× (1.5 KB · 8 = 12 KB).
  const line = 1500;
  const shapes: Array<[string, (n: number) => string, (s: string) => unknown]> = [
    ['a code span split over three space runs (### H1. `a … x`)', (n) => '### H1. `a' + ' '.repeat(n) + 'x` ', text('title')],
    ['a code span of spaces and separators', (n) => '`a.ts' + ' , + and '.repeat(n / 10) + '`', text('field')],
    ['runs of backticks', (n) => '`'.repeat(n), text('prose')],
    ['unclosed code spans of growing length', (n) => '``a`'.repeat(n / 4), text('prose')],
    ['a spec on runs of dots', (n) => '`x' + '.'.repeat(n) + ':1`', text('field')],
    ['a bare token on runs of dots', (n) => 'see x' + '.'.repeat(n) + 'py:1 here', text('prose')],
    ['a title of dots and :1 (`# x (` …)', (n) => '# x (' + '.'.repeat(n / 2) + ':1'.repeat(n / 4), text('title')],
    ['line lists in a code span', (n) => '`a.go:' + '1, '.repeat(n / 3) + '`', text('field')],
    ['a file then spaces then (line 1)', (n) => 'x.py' + ' '.repeat(n) + '(line 1)', text('prose')],
    ['runs of ( before lines', (n) => '('.repeat(n) + 'line 1', text('prose')],
    ['runs of [ before a target', (n) => '['.repeat(n) + '](' + 'x'.repeat(n), text('prose')],
    ['runs of ](', (n) => '[a'.repeat(4) + '](x'.repeat(n / 3), text('prose')],
    ['link titles never closed', (n) => '[a](x "'.repeat(n / 7), text('prose')],
    ['many file names on one line', (n) => 'a/b.py '.repeat(n / 7), text('title')],
    ['line N of, repeated', (n) => 'line 1 of '.repeat(n / 10), text('prose')],
    ['bare URLs', (n) => 'https://github.com/o/r/blob/m/a.sol#L1 '.repeat(n / 40), text('prose')],
    ['a comment of colons', (n) => '// ' + 'a:'.repeat(n / 2), (s) => commentOf(s)],
    ['spaces around a field label', (n) => '**File:**' + ' '.repeat(n) + '`a.ts`', driver],
  ];
  for (const [name, make, run] of shapes) it(name, () => assertLinear(name, make, run, line));

  // Functions that are not capped by the line limit, at larger sizes.
  const big = 4000;
  it('parseLineList on long lists', () => assertLinear('parseLineList', (n) => '1, 2-3, L4 and 5 & '.repeat(n / 20), (s: string) => parseLineList(s), big));
  it('orphanLines on runs of (', () => assertLinear('orphanLines', (n) => '('.repeat(n) + '28, 217', (s: string) => orphanLines(s), big));
  it('proseLines on runs of backticks and parentheses', () => assertLinear('proseLines', (n) => '`('.repeat(n / 2) + 'at line 4', (s: string) => proseLines(s), big));
  it('normalizePath on runs of dots', () => assertLinear('normalizePath', (n) => 'a' + '.'.repeat(n) + 'b', (s: string) => normalizePath(s), big));
  it('codeSpans on backtick runs of every length', () => assertLinear('codeSpans', (n) => Array.from({ length: n / 20 }, (_, i) => '`'.repeat((i % 7) + 1) + 'x').join(''), (s: string) => codeSpans(s), big));
  it('inlineLinks on nested brackets', () => assertLinear('inlineLinks', (n) => '[['.repeat(n / 4) + '](u)'.repeat(n / 8), (s: string) => inlineLinks(s), big));
  it('dedupeLocations with many paths', () =>
    assertLinear(
      'dedupeLocations',
      (n) => Array.from({ length: n / 8 }, (_, i): LocationRef => ({ path: `d${i % 50}/e${i}/f${i}.ts`, startLine: i % 3 === 0 ? null : i, endLine: i % 3 === 0 ? null : i })),
      (refs: LocationRef[]) => dedupeLocations(refs),
      big,
    ));
  it('a finding of many lines, fences and table rows', () =>
    assertLinear(
      'findingLocations',
      (n) => '### H1. x\n' + Array.from({ length: n / 40 }, (_, i) => ['- `a/b' + i + '.ts:1`', '```', '// c' + i + '.go:2', '```', '| File |', '|---|', '| `d.rs` |'][i % 7]).join('\n'),
      driver,
      big,
    ));
});
