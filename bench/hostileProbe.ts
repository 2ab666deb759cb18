// One hostile shape parsed in a fresh process, so that a shape that hangs or exhausts memory is
// cut off by the bench's time limit instead of stopping the bench: prints `{ ms }` or `{ error }`.
import { parseReport } from '../src/core';
import { HOSTILE_SHAPES } from './hostileShapes';

const [index, bytes] = process.argv.slice(2).map(Number);
const make = HOSTILE_SHAPES[index][1];
try {
  parseReport(make(64 * 1024)); // warm the code paths this shape takes
  const text = make(bytes);
  const t0 = performance.now();
  parseReport(text);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }) + '\n');
} catch (e) {
  // parseReport promises never to throw: a throw is a failure of its own, not a time.
  process.stdout.write(JSON.stringify({ error: `${(e as Error).name}: ${(e as Error).message}` }) + '\n');
}
