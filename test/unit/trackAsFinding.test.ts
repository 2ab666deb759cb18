import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import { applyTextEdits, parseReport, ReaderEditError, setFindingStatus, trackAsFinding } from '../../src/core';

function track(md: string, line: number): { text: string; by: string } {
  const r = trackAsFinding(md, line);
  return { text: applyTextEdits(md, r.edits), by: r.by };
}

const NOTES = [
  '# Notes from the review',
  '',
  '## Things we saw',
  '',
  '### Token stored in local storage',
  '',
  'We saw the token in local storage.',
  '',
  '### Logging',
  'Logs are verbose.',
  '',
].join('\n');

describe('trackAsFinding', () => {
  it('writes a status line under a heading the reader passed over, after a blank line', () => {
    deepStrictEqual(parseReport(NOTES).findings, []);
    const { text, by } = track(NOTES, 5);
    strictEqual(by, 'status');
    strictEqual(text, NOTES.replace('### Token stored in local storage\n', '### Token stored in local storage\n\n**Status:** Open\n'));
    const [f] = parseReport(text).findings;
    deepStrictEqual([f.title, f.status, f.kind, f.reportRange.startLine], ['Token stored in local storage', 'open', 'heading', 5]);
  });

  it('adds a blank line after the status line when text follows the heading directly', () => {
    const { text } = track(NOTES, 9);
    strictEqual(text, NOTES.replace('### Logging\n', '### Logging\n\n**Status:** Open\n\n'));
    deepStrictEqual(parseReport(text).findings.map((f) => f.title), ['Logging']);
  });

  it('writes the status line under the underline of a setext heading', () => {
    const md = 'Intro\n\nCache never expires\n-------------------\n\nThe cache keeps entries forever.\n';
    strictEqual(track(md, 3).text, 'Intro\n\nCache never expires\n-------------------\n\n**Status:** Open\n\nThe cache keeps entries forever.\n');
  });

  it('writes the status line exactly as a status change does, so the next change replaces it', () => {
    const { text } = track(NOTES, 5);
    const id = parseReport(text).findings[0].id;
    const fixed = applyTextEdits(text, setFindingStatus(text, id, 'fixed').edits);
    strictEqual(fixed, text.replace('**Status:** Open', '**Status:** Fixed'));
  });

  it('appends the status to an item, which makes that item alone a finding', () => {
    const md = '# Notes\n\n## Ideas\n\n- Move the cache to Redis\n- Rename the module\n';
    deepStrictEqual(parseReport(md).findings, []);
    const { text, by } = track(md, 5);
    strictEqual(by, 'status');
    strictEqual(text, md.replace('Redis\n', 'Redis **Status:** Open\n'));
    deepStrictEqual(parseReport(text).findings.map((f) => [f.title, f.status, f.reportRange.startLine]), [['Move the cache to Redis', 'open', 5]]);
  });

  it('puts a findings comment before an item when its status line alone would not do', () => {
    // A detail nested under a deployment step: its own status does not outweigh the procedure.
    const md = '# Notes\n\n## Deployment steps\n\n- Run the migration\n  - the migration locks the users table for minutes\n- Restart the workers\n';
    const { text, by } = track(md, 6);
    strictEqual(by, 'comment');
    strictEqual(text, md.replace('  - the migration', '  <!-- audit-lens: findings -->\n  - the migration'));
    deepStrictEqual(parseReport(text).findings.map((f) => [f.title, f.status, f.reportRange.startLine]), [['the migration locks the users table for minutes', 'open', 7]]);
  });

  it('says why on a line that is no heading or item, a finding already, or part of one', () => {
    throws(() => trackAsFinding(NOTES, 7), (e: unknown) => e instanceof ReaderEditError && e.code === 'not-a-block');
    throws(() => trackAsFinding(NOTES, 99), (e: unknown) => e instanceof ReaderEditError && e.code === 'not-a-block');
    const tracked = track(NOTES, 5).text;
    throws(() => trackAsFinding(tracked, 5), (e: unknown) => e instanceof ReaderEditError && e.code === 'already-a-finding');
    const withItem = '## Findings\n\n### [H1] Leak\n\n**Severity:** High\n\n- a detail of H1\n';
    throws(() => trackAsFinding(withItem, 7), (e: unknown) => e instanceof ReaderEditError && e.code === 'inside-finding' && /H1/.test(e.message));
  });
});
