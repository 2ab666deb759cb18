import { strictEqual } from 'node:assert';
import type { TrackedLocation } from '../../../src/core';
import { diagnosticSuffix, goneMessage, writtenAgainstText } from '../../../src/extension/tracking/driftText';
import { withLive } from '../../../src/extension/tracking/withLive';

// The words of issue #10, item 5, for each state.
const BASE = '0da54fe1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7';
const written = { path: 'src/util.ts', startLine: 10, endLine: 12 };

function at(state: TrackedLocation['drift']['state'], resolved: string | null, current: TrackedLocation['current'], extra: Partial<TrackedLocation['drift']> = {}): TrackedLocation {
  return { written, resolved, current, drift: { state, base: BASE, baseSource: 'reviewCommit', ...extra } };
}

describe('drift in words', () => {
  it('a moved, renamed location: written against the base, and where it is now', () => {
    const t = at('moved', 'src/helpers/util.ts', { startLine: 10, endLine: 12 }, { renamedFrom: 'src/util.ts' });
    strictEqual(writtenAgainstText(t), 'Written against 0da54fe as src/util.ts:10-12 · now src/helpers/util.ts:10-12 (file renamed)');
    strictEqual(diagnosticSuffix(t.drift), '');
  });

  it('changed adds "(code changed since 0da54fe)" to the diagnostic', () => {
    strictEqual(diagnosticSuffix(at('changed', 'src/util.ts', { startLine: 10, endLine: 13 }).drift), ' (code changed since 0da54fe)');
  });

  it('gone says the code was deleted and the finding may be fixed', () => {
    strictEqual(goneMessage(at('gone', null, null)), 'The code at src/util.ts:10-12 was deleted after 0da54fe; the finding may be fixed.');
  });

  it('no base: line numbers as written, and an edit in the editor', () => {
    const none: TrackedLocation = { written, resolved: 'src/util.ts', current: { startLine: 10, endLine: 12 }, drift: { state: 'unknown', base: null, baseSource: 'none' } };
    const live = withLive(none, { startLine: 13, endLine: 16, touched: true, deleted: false });
    strictEqual(live.drift.state, 'changed');
    strictEqual(diagnosticSuffix(live.drift), ' (code changed in the editor)');
    strictEqual(writtenAgainstText(live), 'Line numbers as written (src/util.ts:10-12) · now src/util.ts:13-16 · code changed in the editor');
  });

  it('an exact location shifted by unsaved edits is moved; deleted in the editor it is gone', () => {
    const exact = at('exact', 'src/util.ts', { startLine: 10, endLine: 12 });
    strictEqual(withLive(exact, { startLine: 13, endLine: 15, touched: false, deleted: false }).drift.state, 'moved');
    const gone = withLive(exact, { startLine: 9, endLine: 9, touched: true, deleted: true });
    strictEqual(gone.drift.state, 'gone');
    strictEqual(gone.current, null);
  });
});
