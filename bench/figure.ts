/** One benchmark figure with its target; `--check` fails the run when any figure misses it. */
export interface Figure {
  name: string;
  /** The figure as printed, with its unit. */
  value: string;
  /** The target as printed (`<= 0.25x baseline`). */
  target: string;
  pass: boolean;
}

export function printFigure(f: Figure): void {
  console.log(`${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.value} (target ${f.target})`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
