import { HOSTILE_SHAPES } from '../../bench/hostileShapes';
import { strict as assert } from 'node:assert';
import { parseReport } from '../../src/core';
import { assertLinear } from './linearity';

// Issue #8 §1: the whole reader (scan, blocks, detection, titles, locations, ids) on every hostile
// shape an attacker can commit, timed at 1×, 2×, 4× and 8× in process: linear work doubles per
// doubling of the input. The shapes are the benchmark's, which times them at 5 MB.
describe('reader: linear time on hostile reports', function () {
  this.timeout(300000);
  for (const [name, make] of HOSTILE_SHAPES) {
    it(name, () => assertLinear(name, (n) => make(n), (md: string) => parseReport(md), 16000));
  }
});

// Issue #8 §2: no depth or width that input controls may overflow the stack. Appending the rows of
// a findings table with `push(...rows)` did, past about 120,000 rows (the linearity sizes above
// stay far below that).
describe('reader: many units in one block', function () {
  this.timeout(120000);
  it('reads a findings table of 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_v, i) => `| F-${i} | Same title | High |`);
    const report = parseReport(['| ID | Title | Severity |', '|---|---|---|', ...rows].join('\n'));
    assert.equal(report.findings.length, 200_000);
    assert.equal(report.findings[199_999].id, 'F-199999');
  });
});
