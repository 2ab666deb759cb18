import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, assertRange, codeValue, diagnosticFor, expectedRange, fixture, MULTI_ROOT, ourDiagnostics, setSetting, waitFor,
} from './helpers';

if (!MULTI_ROOT) {
  describe('Diagnostics', () => {
    const login = fixture('src/auth/login.ts');
    const handler = fixture('src/api/handler.ts');
    const query = fixture('src/db/query.py');
    const report = fixture('SECURITY_AUDIT.md');

    before(async () => {
      await api();
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
    });

    afterEach(async () => {
      await setSetting('auditLens.showDeferred', undefined);
      await setSetting('auditLens.severityMap', undefined);
    });

    it('puts each open finding on the first line of its range, with the severity the map gives', async () => {
      const loginDoc = await vscode.workspace.openTextDocument(login);
      const handlerDoc = await vscode.workspace.openTextDocument(handler);
      const queryDoc = await vscode.workspace.openTextDocument(query);
      // Opening a document narrows its ranges from whole lines to the code on them.
      await waitFor(() => diagnosticFor(query, 'C1')?.range.start.character === 4, 'C1 range to start at the code');

      const expected: Array<[vscode.TextDocument, string, number, number, vscode.DiagnosticSeverity]> = [
        [queryDoc, 'C1', 5, 5, vscode.DiagnosticSeverity.Error],
        // H1 cites lines 6-7 and R1 lines 13-15: the squiggle is on the first line only.
        [loginDoc, 'H1', 6, 6, vscode.DiagnosticSeverity.Error],
        [loginDoc, 'R3', 10, 10, vscode.DiagnosticSeverity.Warning],
        [handlerDoc, 'M1', 3, 3, vscode.DiagnosticSeverity.Warning],
        [handlerDoc, 'R1', 13, 13, vscode.DiagnosticSeverity.Error],
        [handlerDoc, 'Debug endpoint enabled in production', 22, 22, vscode.DiagnosticSeverity.Error],
      ];
      for (const [doc, id, start, end, severity] of expected) {
        const d = diagnosticFor(doc.uri, id);
        assert.ok(d, `${id} has a diagnostic`);
        assertRange(d.range, expectedRange(doc, start, end), id);
        assert.equal(d.severity, severity, `${id}: severity`);
      }
      assert.deepEqual(ourDiagnostics(login).map(codeValue).sort(), ['H1', 'R3']);
      // The checklist item has no id of its own: its code names the report instead of a slug.
      assert.deepEqual(ourDiagnostics(handler).map(codeValue).sort(), ['M1', 'R1', 'checklist']);
    });

    it('writes [id] Title, names the source, links the code to the report, and repeats that link nowhere else', () => {
      const d = diagnosticFor(login, 'H1')!;
      assert.equal(d.message, '[H1] Session token compared with ==');
      assert.equal(d.source, 'Audit Lens');
      assert.ok(typeof d.code === 'object' && d.code !== null);
      assert.equal(d.code.value, 'H1');
      assert.equal(d.code.target.with({ fragment: '' }).toString(), report.toString());
      assert.equal(d.code.target.fragment, 'L21', 'the target opens the report at the finding heading');
      assert.equal(d.relatedInformation?.length ?? 0, 0, 'no related-information row repeating the report link');
      const slugged = diagnosticFor(handler, 'Debug endpoint enabled in production')!;
      assert.equal(slugged.message, 'Debug endpoint enabled in production', 'a derived id is not shown: the title alone');
      assert.equal(codeValue(slugged), 'checklist');
    });

    it('the code link follows its finding when a line is typed above it in the report', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      try {
        // Only where the link points changes (the squiggle in code stays): it is sent once the
        // typing pauses, not with the edit.
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'A line typed at the top.\n'));
        await waitFor(() => diagnosticFor(login, 'H1')?.code, 'H1 still shown');
        const moved = await waitFor(() => {
          const d = diagnosticFor(login, 'H1');
          return typeof d?.code === 'object' && d.code.target.fragment === 'L22' ? d : undefined;
        }, 'the link to point one line lower');
        assertRange(moved.range, expectedRange(await vscode.workspace.openTextDocument(login), 6, 6), 'H1 stays on its code');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await waitFor(() => {
        const d = diagnosticFor(login, 'H1');
        return typeof d?.code === 'object' && d.code.target.fragment === 'L21';
      }, 'the link back at the heading once the edit is reverted');
    });

    it('hides fixed, false-positive and deferred findings', () => {
      const ids = [...ourDiagnostics(login), ...ourDiagnostics(handler)].map(codeValue);
      for (const closed of ['L1', 'I1', 'R2']) assert.ok(!ids.includes(closed), `${closed} is hidden`);
      assert.equal(diagnosticFor(handler, 'Stack traces in responses'), undefined, 'the ticked checklist item is hidden');
    });

    it('shows deferred findings as hints when auditLens.showDeferred is on', async () => {
      await setSetting('auditLens.showDeferred', true);
      const d = await waitFor(() => diagnosticFor(login, 'I1'), 'I1 to show');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Hint);
      assert.equal(d.message, '[I1] Unused password helper (deferred)');
      assert.equal(d.range.start.line, 11);
      await setSetting('auditLens.showDeferred', undefined);
      await waitFor(() => !diagnosticFor(login, 'I1'), 'I1 to hide again');
    });

    it('follows auditLens.severityMap', async () => {
      await setSetting('auditLens.severityMap', { medium: 'error', high: 'information' });
      await waitFor(() => diagnosticFor(handler, 'M1')?.severity === vscode.DiagnosticSeverity.Error, 'M1 as an error');
      assert.equal(diagnosticFor(login, 'H1')?.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(diagnosticFor(query, 'C1')?.severity, vscode.DiagnosticSeverity.Error, 'unmapped keys keep their default');
    });

    it('warns in the report where a location names no file', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      const warning = await waitFor(
        () => ourDiagnostics(report).find((d) => d.message.includes('src/config/admin.ts') && d.range.start.character > 0),
        'the unresolved-location warning at the path',
      );
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /^\[M2\] File not found: "src\/config\/admin\.ts" matches no single file/);
      const line = doc.getText().split('\n').findIndex((l) => l.includes('`src/config/admin.ts:2`'));
      const col = doc.lineAt(line).text.indexOf('src/config/admin.ts');
      assertRange(warning.range, new vscode.Range(line, col, line, col + 'src/config/admin.ts'.length), 'M2 warning');
      assert.equal(ourDiagnostics(report).length, 1, 'every other location resolves');
    });

    it('reads no report that auditLens.reports.exclude or files.exclude hides', async () => {
      const { index } = await api();
      const paths = index.reports().map((r) => r.relPath).sort();
      assert.deepEqual(paths, ['SECURITY_AUDIT.md', 'audits/checklist.md', 'reviews/api-review.md']);
      assert.ok(!ourDiagnostics(handler).some((d) => d.range.start.line === 0), 'X1 and V1 put nothing on line 1');
    });
  });
}
