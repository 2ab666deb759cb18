import { strictEqual } from 'node:assert';
import { parseReport } from '../../src/core';
import { applyTextEdits } from '../../src/core/edit/applyTextEdits';
import { changesOnlyStatus } from '../../src/core/edit/verifyStatusEdit';

const REPORT = '# R\n\n### H1. First\n\n**Severity:** High\n\n### H2. Second\n\n**Severity:** Low\n';

describe('changesOnlyStatus with findings the re-read reused', () => {
  // The status line under H1 adds two lines above H2.
  const at = REPORT.indexOf('\n', REPORT.indexOf('### H1'));
  const edit = { start: at, end: at, newText: '\n\n**Status:** Fixed' };
  const before = parseReport(REPORT).findings;
  const after = parseReport(applyTextEdits(REPORT, [edit])).findings;

  it('accepts the real re-read, and the same with an untouched finding reused as the very object', () => {
    strictEqual(changesOnlyStatus(REPORT, edit, before, after, 0, 'fixed'), true);
    // A finding above the edit, reused by an incremental re-read: same object, same lines.
    const h2 = REPORT.indexOf('\n', REPORT.indexOf('### H2'));
    const editBelow = { start: h2, end: h2, newText: '\n\n**Status:** Fixed' };
    const afterBelow = parseReport(applyTextEdits(REPORT, [editBelow])).findings;
    strictEqual(changesOnlyStatus(REPORT, editBelow, before, [before[0], afterBelow[1]], 1, 'fixed'), true);
  });

  it('a reused finding below the edit must still have moved by the lines the edit added', () => {
    // H2 handed back unshifted (the very object from before): its lines are wrong after the edit.
    strictEqual(changesOnlyStatus(REPORT, edit, before, [after[0], before[1]], 0, 'fixed'), false);
  });

  it('the target reused as it was has not taken the new status', () => {
    strictEqual(changesOnlyStatus(REPORT, edit, before, [before[0], after[1]], 0, 'fixed'), false);
  });
});
