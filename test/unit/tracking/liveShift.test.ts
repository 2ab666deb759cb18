import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { lineChangeOf, shiftRange, shiftThrough, type LiveRange } from '../../../src/extension/tracking/liveShift';

// The editor's edits moving a finding's lines (issue #10, buffer → live). The property test's
// oracle is the edit itself: every character carries where it came from, so after the edit we
// know which original lines are still whole, and where.

const range = (startLine: number, endLine: number): LiveRange => ({ startLine, endLine, touched: false, deleted: false });
const at = (line: number, character: number) => ({ line, character });

describe('live shift: one edit, by hand', () => {
  it('three newlines typed at the end of the line above move the range down by three, untouched', () => {
    const r = shiftThrough(range(10, 12), [lineChangeOf(at(9, 20), at(9, 20), '\n', true), lineChangeOf(at(10, 0), at(10, 0), '\n'), lineChangeOf(at(11, 0), at(11, 0), '\n')]);
    // The second and third newlines are typed at the start of the (shifted) cited line: still above it.
    deepStrictEqual(r, range(13, 15));
  });

  it('a line pasted at the start of the first cited line moves it; text typed there changes it', () => {
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(10, 0), at(10, 0), 'let x = 1;\n')), range(11, 13));
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(10, 0), at(10, 0), '// ')), { startLine: 10, endLine: 12, touched: true, deleted: false });
  });

  it('Enter at the end of the last cited line leaves the range; a character typed there changes it', () => {
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(12, 30), at(12, 30), '\n    ', true)), range(10, 12));
    strictEqual(shiftRange(range(10, 12), lineChangeOf(at(12, 30), at(12, 30), ';', true)).touched, true);
    // Without knowing the insertion is at the line's end, the tracker errs towards `changed`.
    strictEqual(shiftRange(range(10, 12), lineChangeOf(at(12, 30), at(12, 30), '\n', false)).touched, true);
  });

  it('deleting whole lines above moves the range up; deleting every cited line makes it deleted', () => {
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(3, 0), at(6, 0), '')), range(7, 9));
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(9, 0), at(13, 0), '')), { startLine: 9, endLine: 9, touched: true, deleted: true });
  });

  it('a line inserted inside the range stretches it and marks it touched', () => {
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(11, 0), at(11, 0), 'check();\n')), { startLine: 10, endLine: 13, touched: true, deleted: false });
  });

  it('edits below the range leave it alone; a deleted range stays deleted', () => {
    deepStrictEqual(shiftRange(range(10, 12), lineChangeOf(at(13, 0), at(20, 4), 'x\ny')), range(10, 12));
    const gone: LiveRange = { startLine: 9, endLine: 9, touched: true, deleted: true };
    deepStrictEqual(shiftRange(gone, lineChangeOf(at(1, 0), at(1, 0), '\n\n')), gone);
  });
});

/** A text whose every character remembers its origin: an index in the original, or -1 when typed. */
type Tagged = Array<{ ch: string; from: number }>;

function applyTagged(text: string, start: number, end: number, inserted: string): Tagged {
  const tagged: Tagged = [...text].map((ch, i) => ({ ch, from: i }));
  tagged.splice(start, end - start, ...[...inserted].map((ch) => ({ ch, from: -1 })));
  return tagged;
}

/** Where each original line (1-based) stands whole in the edited text: its new line, or absent. */
function wholeLines(original: string, edited: Tagged): Map<number, number> {
  const starts = [0];
  for (let i = 0; i < original.length; i++) if (original[i] === '\n') starts.push(i + 1);
  const lineEnd = (n: number) => (n < starts.length ? starts[n] - 1 : original.length);
  const out = new Map<number, number>();
  let line: Tagged = [];
  let newLine = 1;
  const flush = () => {
    const first = line[0]?.from ?? -1;
    const origin = starts.indexOf(first);
    if (origin >= 0 && line.length === lineEnd(origin + 1) - first && line.every((c, i) => c.from === first + i)) out.set(origin + 1, newLine);
    line = [];
  };
  for (const c of edited) {
    if (c.ch === '\n') {
      flush();
      newLine++;
    } else line.push(c);
  }
  flush();
  return out;
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, character: before[before.length - 1].length };
}

describe('live shift: random edits against the edit itself', () => {
  const LINES = 12;
  const original = Array.from({ length: LINES }, (_, i) => `line ${String(i + 1).padStart(2, '0')} of code`).join('\n') + '\n';
  const piece = fc.constantFrom('\n', 'x', 'y\n', '\nz', '\n\n', '');
  const edit = fc.record({
    start: fc.integer({ min: 0, max: original.length }),
    length: fc.integer({ min: 0, max: 60 }),
    inserted: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
    a: fc.integer({ min: 1, max: LINES }),
    span: fc.integer({ min: 0, max: 4 }),
  });

  it('untouched ⇒ the same lines, shifted; deleted ⇒ none survives; touched ⇒ the survivors lie inside', () => {
    fc.assert(
      fc.property(edit, ({ start, length, inserted, a, span }) => {
        const end = Math.min(original.length, start + length);
        const b = Math.min(LINES, a + span);
        const from = position(original, start);
        const to = position(original, end);
        const lineText = original.split('\n')[from.line - 1];
        const atEnd = start === end && from.character === lineText.length;
        const r = shiftRange(range(a, b), lineChangeOf(from, to, inserted, atEnd));
        const whole = wholeLines(original, applyTagged(original, start, end, inserted));
        const cited = Array.from({ length: b - a + 1 }, (_, i) => a + i);
        if (r.deleted) {
          ok(cited.every((n) => !whole.has(n)), 'a deleted range keeps no original line');
        } else if (!r.touched) {
          strictEqual(r.endLine - r.startLine, b - a, 'same length');
          for (const n of cited) strictEqual(whole.get(n), r.startLine + (n - a), `line ${n} is whole at its shifted place`);
        } else {
          for (const n of cited) {
            const now = whole.get(n);
            if (now !== undefined) ok(now >= r.startLine && now <= r.endLine, `surviving line ${n} (now ${now}) inside ${r.startLine}-${r.endLine}`);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
