import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindingNode } from '../../../src/extension/treeModel';
import { api, codeValue, diagnosticFor, fixture, MULTI_ROOT, ourDiagnostics, waitFor, writeDisk } from './helpers';

if (MULTI_ROOT) {
  describe('Multi-root workspace', () => {
    const merge = fixture('src/merge.js', 'alpha');
    const main = fixture('cmd/main.go', 'beta');
    const alphaReport = fixture('security-review.md', 'alpha');

    before(async () => {
      await api();
      await waitFor(() => diagnosticFor(merge, 'A1') && diagnosticFor(main, 'B1'), 'A1 and B1');
    });

    it('indexes each folder under its own settings', async () => {
      const { index } = await api();
      const reports = index.reports().map((r) => `${r.folder.name}/${r.relPath}`).sort();
      // beta's folder settings include only notes/*.md, so its docs/security-audit.md is no report there.
      assert.deepEqual(reports, ['alpha/security-review.md', 'beta/notes/triage.md']);
    });

    it('resolves locations within the report\'s own folder', () => {
      const a1 = diagnosticFor(merge, 'A1')!;
      // A1 cites lines 2-4: its squiggle is on line 2, the first of the range.
      assert.deepEqual([a1.range.start.line, a1.range.end.line], [1, 1]);
      assert.equal(a1.severity, vscode.DiagnosticSeverity.Error);
      const b1 = diagnosticFor(main, 'B1')!;
      assert.deepEqual([b1.range.start.line, b1.range.end.line], [2, 2]);
      assert.deepEqual(ourDiagnostics(main).map(codeValue), ['B1'], 'alpha\'s references to beta\'s file do not land there');
    });

    it('leaves a location pointing into another folder unresolved, and says so in the report', () => {
      const warnings = ourDiagnostics(alphaReport).map((d) => d.message).sort();
      assert.deepEqual(warnings, [
        '[A2] File not found: "cmd/main.go" matches no single file in the folder alpha.',
        '[A3] File not found: "../beta/cmd/main.go" matches no single file in the folder alpha.',
      ]);
    });

    it('names files with their folder in the tree and counts both folders in the status bar', async () => {
      const { tree, statusBar } = await api();
      await tree.setGrouping('file');
      const labels = tree.getChildren().map((g) => tree.getTreeItem(g).label);
      assert.deepEqual(labels, ['alpha/src/merge.js (1)', 'beta/cmd/main.go (1)', 'No file found (2)']);
      const unlocated = tree.getChildren()[2];
      assert.deepEqual(tree.getChildren(unlocated).map((n) => (n as FindingNode).finding.finding.id), ['A2', 'A3']);
      assert.equal(statusBar.item.text, '$(shield) 4 open · 1 critical');
      await tree.setGrouping('severity');
    });

    it('writes a status back into the right folder\'s report', async () => {
      const triage = fixture('notes/triage.md', 'beta');
      const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(triage));
      await vscode.commands.executeCommand('auditLens.markFalsePositive', `${triage.toString()}#B1`);
      await waitFor(() => !diagnosticFor(main, 'B1'), 'B1 to go');
      const doc = await vscode.workspace.openTextDocument(triage);
      assert.match(doc.getText(), /\*\*Status:\*\* False positive \(\d{4}-\d{2}-\d{2}\)/);
      await writeDisk(triage, original);
      await waitFor(() => diagnosticFor(main, 'B1'), 'B1 back');
    });
  });
}
