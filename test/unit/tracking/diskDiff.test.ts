import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { diskToBufferChanges } from '../../../src/extension/tracking/diskDiff';
import { shiftThrough } from '../../../src/extension/tracking/liveShift';

// Disk → buffer: a file opened with unsaved changes is diffed against its file, and the
// changes carry the findings' lines. Checked against the buffer itself: a line reported
// untouched must hold the same text at its new place.

const untouched = (line: number) => ({ startLine: line, endLine: line, touched: false, deleted: false });

describe('disk → buffer diff', () => {
  it('finds lines inserted at the top, so that a finding below moves by as many', () => {
    const disk = 'a\nb\nc\nd\n';
    const changes = diskToBufferChanges(disk, 'new 1\nnew 2\na\nb\nc\nd\n')!;
    deepStrictEqual(shiftThrough(untouched(3), changes), untouched(5));
  });

  it('an edited line is touched, a deleted one deleted, the ones after shift back', () => {
    const changes = diskToBufferChanges('a\nb\nc\nd\ne\n', 'a\nB!\nd\ne\n')!;
    strictEqual(shiftThrough(untouched(2), changes).touched, true);
    strictEqual(shiftThrough(untouched(3), changes).touched, true, 'c went: replaced together with b');
    deepStrictEqual(shiftThrough(untouched(4), changes), untouched(3));
  });

  it('gives up (undefined) past its time cap rather than block the editor', () => {
    // Two unrelated texts, large enough that Myers needs far more than 0 ms.
    const a = Array.from({ length: 4000 }, (_, i) => `a${i * 7919 % 4000}`).join('\n');
    const b = Array.from({ length: 4000 }, (_, i) => `b${i}`).join('\n') + '\n' + a.split('\n').reverse().join('\n');
    strictEqual(diskToBufferChanges(a, b, 0), undefined);
  });

  it('equal texts give no change', () => {
    deepStrictEqual(diskToBufferChanges('x\ny', 'x\ny'), []);
  });

  it('random line edits: every line called untouched has the same text at its mapped place', () => {
    const op = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(40), count: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(op, { maxLength: 6 }), (n, ops) => {
        const disk = Array.from({ length: n }, (_, i) => `line ${i + 1}`);
        const buffer = [...disk];
        let fresh = 0;
        for (const o of ops) {
          const at = Math.min(o.at, buffer.length);
          if (o.kind === 'insert') buffer.splice(at, 0, ...Array.from({ length: o.count }, () => `new ${fresh++}`));
          else if (o.kind === 'delete') buffer.splice(at, o.count);
          else buffer.splice(at, o.count, ...Array.from({ length: o.count }, () => `new ${fresh++}`));
        }
        const changes = diskToBufferChanges(disk.join('\n') + '\n', buffer.join('\n') + '\n', 1000);
        ok(changes, 'small texts are diffed within the cap');
        let kept = 0;
        for (let i = 1; i <= n; i++) {
          const r = shiftThrough(untouched(i), changes);
          if (r.touched || r.deleted) continue;
          kept++;
          strictEqual(buffer[r.startLine - 1], disk[i - 1], `line ${i} mapped to ${r.startLine}`);
        }
        // Every line still in the buffer once is found again (a diff finds what survives).
        const survivors = disk.filter((l) => buffer.includes(l)).length;
        strictEqual(kept, survivors);
      }),
      { numRuns: 500 },
    );
  });
});
