import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LocationRef, TrackedLocation } from '../../../src/core';
import type { BaseMapper, BaseMapRequest } from '../../../src/extension/tracking/baseMapper';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, ourDiagnostics, readDisk, restore, waitFor, writeDisk } from './helpers';

// Findings follow the code (issue #10), in the real editor. A double stands in for git at the
// tracker's seam, answering for one written place what git would (moved from lines 3-4 to 7-8
// since 0da54fe), so that the live edits are tested on a known base. Everything after the seam is
// real: the tracker, the edit events, every surface, the report write-back and its undo. Real
// git, end to end, is in gitDrift.test.ts.

const BASE = '0da54fe1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7';

/** A mapper double: `moves` maps `path:start-end` as written to the lines git would find; the rest is exact. */
class MapperDouble implements BaseMapper {
  readonly usesGit = false;
  readonly requests: BaseMapRequest[] = [];
  constructor(private readonly moves: ReadonlyMap<string, { startLine: number; endLine: number }>) {}

  map(request: BaseMapRequest): Promise<ReadonlyMap<string, TrackedLocation>> {
    this.requests.push(request);
    const at = (ref: LocationRef, resolved: string | null): TrackedLocation => {
      const lines = ref.startLine === null ? null : { startLine: ref.startLine, endLine: ref.endLine ?? ref.startLine };
      const moved = this.moves.get(`${ref.path}:${ref.startLine}-${ref.endLine}`);
      return moved
        ? { written: ref, resolved, current: moved, drift: { state: 'moved', base: BASE, baseSource: 'reviewCommit' } }
        : { written: ref, resolved, current: lines, drift: { state: 'exact', base: BASE, baseSource: 'reviewCommit' } };
    };
    return Promise.resolve(new Map(request.locations.map((l) => [l.key, at(l.ref, l.resolved)])));
  }
}

const CODE = [
  '// widget', // 1
  'export function helper() {', // 2
  '  return 1;', // 3
  '}', // 4
  '', // 5
  'export function check(token: string) {', // 6
  '  if (token == SECRET) {', // 7
  '    return true;', // 8
  '  }', // 9
  '  return false;', // 10
  '}', // 11
  '',
].join('\n');

const REPORT = [
  '# Drift audit',
  '',
  '### [D1] Loose token comparison',
  '',
  '**Severity:** High',
  '**Location:** `drift/widget.ts:3-4`',
  '',
  '### [D2] Helper returns a constant',
  '',
  '**Severity:** Low',
  '**Location:** `drift/widget.ts:2-4`',
  '',
].join('\n');

async function hoverText(uri: vscode.Uri, line0: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line0, 4))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function lensLines(uri: vscode.Uri, title: RegExp): Promise<number[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => title.test(l.command?.title ?? '')).map((l) => l.range.start.line);
}

if (!MULTI_ROOT) {
  describe('Findings follow the code', () => {
    const code = fixture('drift/widget.ts');
    const report = fixture('drift/drift-audit.md');
    const double = new MapperDouble(new Map([['drift/widget.ts:3-4', { startLine: 7, endLine: 8 }]]));

    before(async () => {
      const { tracker } = await api();
      await writeDisk(code, CODE);
      await writeDisk(report, REPORT);
      await tracker.setGitMapper(double);
      await waitFor(() => diagnosticFor(code, 'D1'), 'D1 on widget.ts');
    });

    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await restore(doc);
      await closeEditors();
    });

    after(async () => {
      // The real git mapper again, as activation wired it (none in this folder's run: no repository).
      (await api()).git.reattach();
      await vscode.workspace.fs.delete(fixture('drift'), { recursive: true });
      await waitFor(() => !diagnosticFor(code, 'D1'), 'D1 to go with its report');
    });

    it('puts the squiggle, the hover and the CodeLens at the mapped lines, and says what the finding was written against', async () => {
      const doc = await vscode.workspace.openTextDocument(code);
      // Written 3-4, mapped to 7-8: the squiggle is on line 7 (0-based 6), at its code.
      const d = await waitFor(() => diagnosticFor(code, 'D1')?.range.start.line === 6 && diagnosticFor(code, 'D1'), 'D1 at the mapped line 7');
      assert.equal(d.range.start.character, doc.lineAt(6).firstNonWhitespaceCharacterIndex);
      assert.equal(d.message, '[D1] Loose token comparison', 'moved looks as before: no suffix');
      assert.deepEqual(await lensLines(code, /^D1 · /), [6]);
      // The hover's Markdown escapes `.` and `-`; what it shows is the text unescaped.
      const hover = (await hoverText(code, 6)).replace(/\\(.)/g, '$1');
      assert.ok(hover.includes('Written against 0da54fe as drift/widget.ts:3-4 · now drift/widget.ts:7-8'), hover);
      assert.doesNotMatch(await hoverText(code, 2), /D1|Loose token/, 'nothing of D1 at its written line 3 (that is D2 there)');
      // In the report, D1's Go to code says where its code went (its heading is line 3).
      await vscode.workspace.openTextDocument(report);
      assert.deepEqual(await lensLines(report, /^Go to code \(moved to :7\)$/), [2]);
    });

    it('typing three newlines above moves the diagnostic, the hover and the CodeLens together, before save', async () => {
      const doc = await vscode.workspace.openTextDocument(code);
      const editor = await vscode.window.showTextDocument(doc);
      await waitFor(() => diagnosticFor(code, 'D1')?.range.start.line === 6, 'D1 at line 7 first');
      for (let i = 0; i < 3; i++) assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n')), 'newline typed');
      assert.ok(doc.isDirty, 'not saved');
      await waitFor(() => diagnosticFor(code, 'D1')?.range.start.line === 9, 'D1 to line 10');
      await waitFor(async () => (await lensLines(code, /^D1 · /)).join() === '9', 'the D1 CodeLens to line 10');
      // On the squiggle's line the hover leaves the title to the diagnostic; its place line says where it is.
      const unescape = (t: string): string => t.replace(/\\(.)/g, '$1');
      assert.ok(unescape(await hoverText(code, 9)).includes('as drift/widget.ts:3-4 · now drift/widget.ts:10-11'), 'the D1 hover at line 10');
      assert.ok(!unescape(await hoverText(code, 6)).includes('as drift/widget.ts:3-4'), 'the D1 hover left line 7');
      // D2 (exact at 2-4) moved with them: its squiggle to line 5, still without a suffix.
      assert.equal(diagnosticFor(code, 'D2')?.range.start.line, 4);
      assert.equal(diagnosticFor(code, 'D2')?.message, '[D2] Helper returns a constant');
      assert.ok(doc.isDirty, 'still not saved');
    });

    it('an edit inside the range marks it changed: the diagnostic says so', async () => {
      const doc = await vscode.workspace.openTextDocument(code);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(7, 4), 'log(); ')), 'typed inside D1');
      const d = await waitFor(() => diagnosticFor(code, 'D1')?.message.endsWith('(code changed since 0da54fe)') && diagnosticFor(code, 'D1'), 'D1 to say changed');
      assert.equal(d.range.start.line, 6);
      assert.match(await hoverText(code, 6), /code changed since/);
    });

    it('deleting every line of a finding takes its squiggle away and flags the report, with Mark Fixed', async () => {
      const doc = await vscode.workspace.openTextDocument(code);
      const editor = await vscode.window.showTextDocument(doc);
      // D2 covers lines 2-4: delete them whole.
      assert.ok(await editor.edit((b) => b.delete(new vscode.Range(1, 0, 4, 0))), 'lines 2-4 deleted');
      await waitFor(() => !diagnosticFor(code, 'D2'), 'no D2 squiggle in code');
      const gone = await waitFor(() => ourDiagnostics(report).find((x) => x.code === 'location-gone'), 'the report diagnostic of gone code');
      assert.equal(gone.message, '[D2] The code at drift/widget.ts:2-4 was deleted after 0da54fe; the finding may be fixed.');
      const reportText = await readDisk(report);
      assert.equal(reportText.split('\n')[gone.range.start.line].slice(gone.range.start.character, gone.range.end.character), 'drift/widget.ts:2-4', 'on the location as written');
      // Code actions are asked of an open document; opening it places the diagnostic from its text.
      await vscode.workspace.openTextDocument(report);
      const placed = await waitFor(() => ourDiagnostics(report).find((x) => x.code === 'location-gone' && x.range.isEqual(gone.range)), 'the same place with the report open');
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', report, placed.range)) ?? [];
      const fix = actions.find((a) => a.title === 'Mark D2 Fixed…');
      assert.ok(fix, `Mark Fixed offered (got: ${actions.map((a) => a.title).join(', ')})`);
      assert.equal(fix.command?.command, 'auditLens.markFixed');
      assert.ok(actions.some((a) => a.title === 'Compare with 0da54fe'), 'Compare with the base offered');
      // D1, moved down by the deletion's -3, is still shown at its code.
      assert.equal(diagnosticFor(code, 'D1')?.range.start.line, 3);
    });

    it('Update Line Numbers rewrites a moved location in the report, and Undo restores it', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      await waitFor(() => ourDiagnostics(report).find((x) => x.code === 'location-moved'), 'the moved hint in the report');
      // Not while the code file has unsaved changes: its lines may still go.
      const codeDoc = await vscode.workspace.openTextDocument(code);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(code, new vscode.Position(10, 0), '// later\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const refused = await vscode.commands.executeCommand<{ updated: number; skipped: string[] }>('auditLens.updateLineNumbers', report.toString());
      assert.equal(refused.updated, 0);
      assert.match(refused.skipped.join('\n'), /drift\/widget\.ts has unsaved changes; save it first/);
      assert.equal(doc.getText(), REPORT, 'the report untouched');
      await restore(codeDoc);
      await vscode.window.showTextDocument(doc);
      const outcome = await vscode.commands.executeCommand<{ updated: number; skipped: string[] }>('auditLens.updateLineNumbers', report.toString());
      assert.equal(outcome.updated, 1);
      assert.ok(doc.getText().includes('`drift/widget.ts:7-8`'), 'D1 now cites 7-8');
      assert.ok(doc.getText().includes('`drift/widget.ts:2-4`'), 'D2 (exact) left as written');
      assert.equal(doc.getText().replace('widget.ts:7-8', 'widget.ts:3-4'), REPORT, 'nothing else changed');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => doc.getText() === REPORT, 'undo to restore the report');
    });
  });
}
