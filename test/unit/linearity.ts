import { ok } from 'node:assert';
import { performance } from 'node:perf_hooks';

// Each hostile shape is timed at 1×, 2×, 4× and 8× its size, in process. The figure checked is
// the growth per doubling (≤ 2.5×), not a wall-clock limit, so a busy machine does not fail it:
// linear work doubles, quadratic work quadruples.

/** Time of `reps` calls of `work`. */
function timed(work: () => void, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) work();
  return performance.now() - t0;
}

/** Growth per doubling of `run(make(n))` for n = base·1, ·2, ·4, ·8: medians of 7 runs. */
function growth(make: (n: number) => unknown, run: (input: never) => unknown, base: number): number[] {
  const inputs = [1, 2, 4, 8].map((k) => make(base * k));
  const calls = inputs.map((input) => (): void => void run(input as never));
  // Warm up, then repeat enough that the smallest size takes ~10 ms and timer noise is small.
  for (const c of calls) timed(c, 3);
  let reps = 1;
  while (timed(calls[0], reps) < 10 && reps < 1 << 16) reps *= 2;
  // The sizes take turns, so a pause of the machine falls on all of them alike.
  const samples: number[][] = [[], [], [], []];
  for (let r = 0; r < 7; r++) calls.forEach((c, i) => samples[i].push(timed(c, reps)));
  const t = samples.map((xs) => xs.sort((a, b) => a - b)[3]);
  return [t[1] / t[0], t[2] / t[1], t[3] / t[2]];
}

/**
 * Linear work doubles per doubling of the input, quadratic work quadruples. The figure checked is
 * the mean growth per doubling over the three (the cube root of t(8×)/t(1×)), ≤ 2.5: one doubling
 * that crosses a cache or garbage-collector threshold does not fail it, a quadratic pattern
 * (4× every time, 64× over three) always does.
 */
export function assertLinear(name: string, make: (n: number) => unknown, run: (input: never) => unknown, base: number): void {
  const mean = (rs: number[]): number => Math.cbrt(rs[0] * rs[1] * rs[2]);
  let ratios = growth(make, run, base);
  // Up to two re-measurements when the growth is high: a pause of the machine, or a doubling that
  // crosses a garbage-collector threshold on a busy one, shows now and then; a quadratic pattern
  // (mean 4) every time. (CI once saw a linear shape at 2.19, 2.39, 3.05: mean 2.52.)
  for (let retry = 0; retry < 2 && mean(ratios) > 2.5; retry++) ratios = growth(make, run, base);
  ok(mean(ratios) <= 2.5, `${name}: growth per doubling ${ratios.map((r) => r.toFixed(2)).join(', ')} (mean ${mean(ratios).toFixed(2)})`);
}

