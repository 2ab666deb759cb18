import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import { applyTextEdits, markNotFinding, parseReport, ReaderEditError, type Finding } from '../../src/core';

function ids(md: string): string[] {
  return parseReport(md).findings.map((f) => f.id);
}

/** A finding without what an inserted line shifts, to compare the findings around an edit. */
function essence(f: Finding): object {
  return { id: f.id, title: f.title, severity: f.severity, status: f.status, kind: f.kind, locations: f.locations, body: f.body };
}

const AUDIT = [
  '# Audit',
  '',
  '## Findings',
  '',
  '### [C1] SQL injection',
  '',
  '**Severity:** Critical',
  '',
  '### [H1] Token compared with ==',
  '',
  '**Severity:** High',
  '',
].join('\n');

describe('markNotFinding', () => {
  it('puts an ignore comment before a heading finding; the reader drops it and keeps the rest', () => {
    const { edits, finding } = markNotFinding(AUDIT, { id: 'C1' });
    strictEqual(finding.id, 'C1');
    const after = applyTextEdits(AUDIT, edits);
    strictEqual(after, AUDIT.replace('### [C1]', '<!-- audit-lens: ignore -->\n### [C1]'));
    deepStrictEqual(ids(after), ['H1']);
    deepStrictEqual(parseReport(after).findings.map(essence), parseReport(AUDIT).findings.slice(1).map(essence));
  });

  it('finds the finding by the line it starts on, too', () => {
    strictEqual(applyTextEdits(AUDIT, markNotFinding(AUDIT, { line: 5 }).edits), applyTextEdits(AUDIT, markNotFinding(AUDIT, { id: 'c1' }).edits));
  });

  it('indents the comment as a nested list item is, so that it stays inside its parent item', () => {
    const md = '# Review\n\n## Areas\n\n- Auth module\n  - **HIGH: Token leak** in `src/a.ts:1`\n- Billing module\n';
    deepStrictEqual(ids(md), ['token-leak']);
    const after = applyTextEdits(md, markNotFinding(md, { id: 'token-leak' }).edits);
    strictEqual(after, '# Review\n\n## Areas\n\n- Auth module\n  <!-- audit-lens: ignore -->\n  - **HIGH: Token leak** in `src/a.ts:1`\n- Billing module\n');
    deepStrictEqual(ids(after), []);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const md = `\ufeff${AUDIT.replace(/\n/g, '\r\n')}`;
    const after = applyTextEdits(md, markNotFinding(md, { id: 'C1' }).edits);
    strictEqual(after, md.replace('### [C1]', '<!-- audit-lens: ignore -->\r\n### [C1]'));
    deepStrictEqual(ids(after), ['H1']);
  });

  it('refuses, writing nothing, when the comment would drop other findings too', () => {
    // A comment before the first item of a list drops the whole list: both items would go.
    const md = '# Checklist\n\n## Findings\n\n- **HIGH: Debug endpoint on** in `a.ts:2`\n- **LOW: Stack traces shown** in `a.ts:9`\n';
    deepStrictEqual(ids(md).length, 2);
    throws(
      () => markNotFinding(md, { line: 5 }),
      (e: unknown) => e instanceof ReaderEditError && e.code === 'changes-others' && /drop stack-traces-shown/.test(e.message) && /Nothing was written/.test(e.message),
    );
  });

  it('between two items, the comment drops the item after it alone', () => {
    const md = '# Checklist\n\n## Findings\n\n- **HIGH: Debug endpoint on** in `a.ts:2`\n- **LOW: Stack traces shown** in `a.ts:9`\n';
    const { edits } = markNotFinding(md, { line: 6 });
    const text = applyTextEdits(md, edits);
    strictEqual(text, md.replace('\n- **LOW', '\n<!-- audit-lens: ignore -->\n- **LOW'));
    deepStrictEqual(parseReport(text).findings.map((f) => f.title), ['Debug endpoint on']);
  });

  it('refuses a table row: a comment between rows would break the table', () => {
    const md = '## Findings\n\n| ID | Title | Severity |\n|---|---|---|\n| T-1 | Leak | High |\n| T-2 | Race | Low |\n';
    throws(() => markNotFinding(md, { id: 'T-2' }), (e: unknown) => e instanceof ReaderEditError && e.code === 'not-honoured' && /break the table/.test(e.message));
  });

  it('says so when no finding has that id or starts on that line', () => {
    throws(() => markNotFinding(AUDIT, { id: 'Z9' }), (e: unknown) => e instanceof ReaderEditError && e.code === 'unknown-finding' && /"Z9"/.test(e.message));
    throws(() => markNotFinding(AUDIT, { line: 7 }), (e: unknown) => e instanceof ReaderEditError && e.code === 'unknown-finding' && /line 7/.test(e.message));
  });
});
