import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { composeLineMaps, IDENTITY, lineMapFromChange, mapLine, mapRange, type LineMap } from '../../../src/core';

// The oracle is the edit script itself: each original line is a unique id, the script is applied
// to the array, and where each id ends up (or that it is gone) is read off the result. The line
// map is built from the same script as the editor builds it (one `lineMapFromChange` per edit,
// composed), and must agree with the array on every line and every range.
type Edit = { start: number; deleteCount: number; insertCount: number };

function applyScript(n: number, script: readonly Edit[]): { lines: string[]; map: LineMap } {
  let lines = Array.from({ length: n }, (_v, i) => `L${i + 1}`);
  let map: LineMap = IDENTITY;
  let fresh = 0;
  for (const e of script) {
    const start = Math.min(e.start, lines.length + 1);
    const del = Math.min(e.deleteCount, lines.length - start + 1);
    const inserted = Array.from({ length: e.insertCount }, () => `N${++fresh}`);
    lines = [...lines.slice(0, start - 1), ...inserted, ...lines.slice(start - 1 + del)];
    map = composeLineMaps(map, lineMapFromChange(start, start + del - 1, e.insertCount));
  }
  return { lines, map };
}

/** A block moved elsewhere: deleted, then the same text inserted anew (new lines to a line map). */
function withMoves(script: Array<Edit & { moveTo?: number }>): Edit[] {
  return script.flatMap((e) => (e.moveTo === undefined || e.deleteCount === 0 ? [e] : [{ ...e, insertCount: 0 }, { start: e.moveTo, deleteCount: 0, insertCount: e.deleteCount }]));
}

const edit = fc.record({
  start: fc.integer({ min: 1, max: 45 }),
  deleteCount: fc.integer({ min: 0, max: 6 }),
  insertCount: fc.integer({ min: 0, max: 6 }),
  moveTo: fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
});

describe('line maps against random edit scripts (fast-check)', () => {
  it('every line maps where the script put it, or is gone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 12 }), (n, script) => {
        const { lines, map } = applyScript(n, withMoves(script));
        for (let l = 1; l <= n; l++) {
          const at = lines.indexOf(`L${l}`);
          strictEqual(mapLine(map, l), at < 0 ? null : at + 1);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  });

  it('exact/moved keep the text; gone leaves no cited line; changed holds every surviving line', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 8 }), (n, script, s0, len) => {
        const start = Math.min(s0, n);
        const end = Math.min(n, start + len);
        const { lines, map } = applyScript(n, withMoves(script));
        const cited = Array.from({ length: end - start + 1 }, (_v, i) => `L${start + i}`);
        const m = mapRange(map, { startLine: start, endLine: end });
        const surviving = cited.map((id) => lines.indexOf(id) + 1).filter((p) => p > 0);
        seen.set(m.state, (seen.get(m.state) ?? 0) + 1);
        if (m.state === 'exact' || m.state === 'moved') {
          deepStrictEqual(lines.slice(m.range!.startLine - 1, m.range!.endLine), cited);
          strictEqual(m.state === 'exact', m.range!.startLine === start);
        } else if (m.state === 'gone') {
          deepStrictEqual(surviving, []);
          strictEqual(m.range, null);
        } else {
          ok(surviving.length > 0 && surviving.length <= cited.length);
          ok(surviving.every((p) => p >= m.range!.startLine && p <= m.range!.endLine), `${JSON.stringify(surviving)} outside ${JSON.stringify(m.range)}`);
          deepStrictEqual([m.range!.startLine, m.range!.endLine], [Math.min(...surviving), Math.max(...surviving)]);
          // Changed means something happened inside: not every line survived in one unbroken run.
          ok(surviving.length < cited.length || lines.slice(m.range!.startLine - 1, m.range!.endLine).join() !== cited.join());
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 600) },
    );
    // The generator must reach every state, or the property says nothing about the missing one.
    deepStrictEqual([...seen.keys()].sort(), ['changed', 'exact', 'gone', 'moved']);
  });

  it('composing maps is mapping twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (n, s1, s2) => {
        const first = applyScript(n, withMoves(s1));
        let second: LineMap = IDENTITY;
        let len = first.lines.length;
        for (const e of withMoves(s2)) {
          const start = Math.min(e.start, len + 1);
          const del = Math.min(e.deleteCount, len - start + 1);
          second = composeLineMaps(second, lineMapFromChange(start, start + del - 1, e.insertCount));
          len += e.insertCount - del;
        }
        const both = composeLineMaps(first.map, second);
        for (let l = 1; l <= n; l++) {
          const mid = mapLine(first.map, l);
          strictEqual(mapLine(both, l), mid === null ? null : mapLine(second, mid));
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  });
});
