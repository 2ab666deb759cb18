import { HOSTILE_SHAPES } from '../../bench/hostileShapes';
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
