import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, ourDiagnostics, restore, setSetting, waitFor, writeDisk } from './helpers';

if (!MULTI_ROOT) {
  describe('Live updates', () => {
    const login = fixture('src/auth/login.ts');
    const query = fixture('src/db/query.py');
    const report = fixture('SECURITY_AUDIT.md');
    const table = fixture('reviews/api-review.md');

    before(async () => {
      await api();
      await waitFor(() => diagnosticFor(login, 'R3'), 'R3 on login.ts');
    });

    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await restore(doc);
      await closeEditors();
    });

    it('follows a report changed on disk by another program', async () => {
      // A report of its own: one another suite has open in an editor would reload underneath it.
      const external = fixture('reviews/external-review.md');
      const row = (status: string): string => `# External review\n\n| ID | Severity | Title | Location | Status |\n|---|---|---|---|---|\n| E1 | High | Token logged | \`src/auth/login.ts:4\` | ${status} |\n`;
      await writeDisk(external, row('Open'));
      const d = await waitFor(() => diagnosticFor(login, 'E1'), 'E1 from the new report');
      assert.equal(d.range.start.line, 3);
      await writeDisk(external, row('Fixed'));
      await waitFor(() => !diagnosticFor(login, 'E1'), 'E1 to go after the file changed');
      await writeDisk(external, row('Open'));
      await waitFor(() => diagnosticFor(login, 'E1'), 'E1 to come back');
      await vscode.workspace.fs.delete(external);
      await waitFor(() => !diagnosticFor(login, 'E1'), 'E1 to go with its report');
    });

    it('picks up a new report, and drops a deleted one', async () => {
      const created = fixture('late-audit.md');
      await writeDisk(created, '# Late audit\n\n### [N1] Cursor left open\n\n**Severity:** Low\n**Location:** `src/db/query.py:6`\n');
      const d = await waitFor(() => diagnosticFor(query, 'N1'), 'N1 from the new report');
      assert.equal(d.range.start.line, 5);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      await vscode.workspace.fs.delete(created);
      await waitFor(() => !diagnosticFor(query, 'N1'), 'N1 to go with its report');
      const { index } = await api();
      assert.equal(index.report(created), undefined);
    });

    it('resolves a location once its file is created, and loses it when deleted', async () => {
      const admin = fixture('src/config/admin.ts');
      const unresolved = (): boolean => ourDiagnostics(report).some((x) => x.message.includes('src/config/admin.ts'));
      assert.ok(unresolved());
      await writeDisk(admin, 'export const ADMIN = {\n  email: "admin@example.com",\n};\n');
      const d = await waitFor(() => diagnosticFor(admin, 'M2'), 'M2 on the new file');
      assert.equal(d.range.start.line, 1);
      assert.ok(!unresolved(), 'the report warning is gone');
      await vscode.workspace.fs.delete(admin);
      await waitFor(() => unresolved() && !diagnosticFor(admin, 'M2'), 'the warning to come back');
    });

    it('follows unsaved edits of an open report', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      const editor = await vscode.window.showTextDocument(doc);
      const handler = fixture('src/api/handler.ts');
      assert.equal(diagnosticFor(handler, 'M1')?.severity, vscode.DiagnosticSeverity.Warning);
      const line = doc.getText().split('\n').findIndex((l, i, all) => l === '**Severity:** Medium' && all[i - 2]?.startsWith('### [M1]'));
      await editor.edit((b) => b.replace(doc.lineAt(line).range, '**Severity:** Critical'));
      await waitFor(() => diagnosticFor(handler, 'M1')?.severity === vscode.DiagnosticSeverity.Error, 'M1 to become an error from the buffer');
      // Typing a location moves the squiggle as the report is edited.
      const loc = doc.getText().split('\n').findIndex((l) => l === '**Location:** `src/api/handler.ts:3`');
      await editor.edit((b) => b.replace(doc.lineAt(loc).range, '**Location:** `src/api/handler.ts:9`'));
      await waitFor(() => diagnosticFor(handler, 'M1')?.range.start.line === 8, 'M1 to move to line 9');
      assert.equal(doc.isDirty, true);
      await restore(doc);
      await waitFor(() => diagnosticFor(handler, 'M1')?.range.start.line === 2 && diagnosticFor(handler, 'M1')?.severity === vscode.DiagnosticSeverity.Warning, 'M1 back once the report is restored');
    });

    it('re-indexes when the report globs change', async () => {
      const { index } = await api();
      // Brace groups (and brackets) as users write them; findFiles gets them flattened.
      await setSetting('auditLens.reports.exclude', ['**/{reviews,[v]endor}/**']);
      await waitFor(() => !diagnosticFor(login, 'R3'), 'R3 to go with its excluded report');
      assert.equal(index.report(table), undefined);
      assert.deepEqual(index.reports().map((r) => r.relPath).sort(), ['SECURITY_AUDIT.md', 'audits/checklist.md'], 'vendor/ stays out, ignored/ too (files.exclude)');
      await setSetting('auditLens.reports.exclude', undefined);
      await waitFor(() => diagnosticFor(login, 'R3'), 'R3 back');
    });
  });
}
