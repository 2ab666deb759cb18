import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticFor, fixture, MULTI_ROOT, setSetting, waitFor } from './helpers';

function titles(lenses: vscode.CodeLens[], line: number): string[] {
  return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

/** The `vscode.execute…Provider` commands need the document open. */
async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri);
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

if (!MULTI_ROOT) {
  describe('CodeLens, code actions and hovers', () => {
    const login = fixture('src/auth/login.ts');
    const report = fixture('SECURITY_AUDIT.md');
    const reportKey = (id: string): string => `${report.toString()}#${id}`;

    before(async () => {
      await api();
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
    });

    afterEach(() => setSetting('auditLens.codeLens.enabled', undefined));

    it('shows a finding in code as `id · severity · title`, then Fixed, Deferred, False positive, Open in report', async () => {
      const lenses = await codeLenses(login);
      assert.deepEqual(titles(lenses, 5), ['H1 · High · Session token compared with ==', 'Fixed', 'Deferred', 'False positive', 'Open in report']);
      assert.deepEqual(titles(lenses, 9), ['R3 · Medium · Password policy too weak', 'Fixed', 'Deferred', 'False positive', 'Open in report']);
      assert.deepEqual(titles(lenses, 11), [], 'the deferred I1 has none');
      const atH1 = lenses.filter((l) => l.range.start.line === 5);
      assert.deepEqual(
        atH1.slice(1).map((l) => [l.command?.command, l.command?.arguments]),
        [
          ['auditLens.markFixed', [reportKey('H1')]],
          ['auditLens.markDeferred', [reportKey('H1')]],
          ['auditLens.markFalsePositive', [reportKey('H1')]],
          ['auditLens.goToFindingInReport', [reportKey('H1')]],
        ],
      );
    });

    it('shows each finding in its report with its status, Go to code and the actions', async () => {
      const lenses = await codeLenses(report);
      // C1 (line 7, open), L1 (line 38, fixed), L2 (line 62, open, no location).
      assert.deepEqual(titles(lenses, 6), ['Status: Open', 'Go to code', 'Fixed', 'Deferred', 'False positive']);
      assert.deepEqual(titles(lenses, 37), ['Status: Fixed', 'Go to code', 'Deferred', 'False positive', 'Reopen']);
      assert.deepEqual(titles(lenses, 61), ['Status: Open', 'Fixed', 'Deferred', 'False positive']);
      const status = lenses.find((l) => l.range.start.line === 6)!;
      assert.equal(status.command?.command, 'auditLens.setFindingStatus');
      const goToCode = lenses.find((l) => l.range.start.line === 6 && l.command?.title === 'Go to code')!;
      assert.deepEqual([goToCode.command?.command, goToCode.command?.arguments], ['auditLens.revealFinding', [reportKey('C1')]]);
      const tableLenses = await codeLenses(fixture('reviews/api-review.md'));
      assert.deepEqual(titles(tableLenses, 5), ['Status: False positive', 'Go to code', 'Fixed', 'Deferred', 'Reopen'], 'R2 in a table row');
    });

    it('shows no CodeLens when auditLens.codeLens.enabled is off', async () => {
      await setSetting('auditLens.codeLens.enabled', false);
      await waitFor(async () => (await codeLenses(login)).length === 0, 'no CodeLens in code');
      assert.equal((await codeLenses(report)).length, 0, 'nor in the report');
      await setSetting('auditLens.codeLens.enabled', undefined);
      await waitFor(async () => (await codeLenses(login)).length > 0, 'CodeLens back');
    });

    it('offers three quick fixes per finding: Mark fixed, Set status… and Open in report', async () => {
      // A Python file: no language server of VS Code's own adds (or delays) code actions there.
      const query = fixture('src/db/query.py');
      await vscode.workspace.openTextDocument(query);
      const d = await waitFor(() => diagnosticFor(query, 'C1'), 'C1 on query.py');
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', query, d.range)) ?? [];
      // The command hands back titles, kinds and commands (not the diagnostics an action fixes).
      const ours = actions.filter((a) => a.command?.command.startsWith('auditLens.'));
      assert.deepEqual(ours.map((a) => a.title), ['Mark C1 fixed', 'Set status of C1…', 'Open C1 in SECURITY_AUDIT']);
      for (const a of ours) assert.equal(a.kind?.value, 'quickfix');
      assert.deepEqual(
        ours.map((a) => [a.command?.command, a.command?.arguments]),
        [
          ['auditLens.markFixed', [reportKey('C1')]],
          ['auditLens.setFindingStatus', [reportKey('C1')]],
          ['auditLens.goToFindingInReport', [reportKey('C1')]],
        ],
      );
      const elsewhere = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', query, new vscode.Range(0, 0, 0, 1))) ?? [];
      assert.equal(elsewhere.filter((a) => a.command?.command.startsWith('auditLens.')).length, 0, 'none away from a finding');
    });

    it('names a finding whose id is derived by its title in quick fixes and CodeLens, never by the slug', async () => {
      const handler = fixture('src/api/handler.ts');
      await vscode.workspace.openTextDocument(handler);
      const d = await waitFor(() => diagnosticFor(handler, 'Debug endpoint enabled in production'), 'the checklist finding on handler.ts');
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', handler, d.range)) ?? [];
      const titlesHere = actions.filter((a) => a.command?.command.startsWith('auditLens.')).map((a) => a.title);
      assert.deepEqual(titlesHere, [
        'Mark "Debug endpoint enabled in production" fixed',
        'Set status of "Debug endpoint enabled in production"…',
        'Open "Debug endpoint enabled in production" in checklist',
      ]);
      const lenses = await codeLenses(handler);
      assert.equal(titles(lenses, 21)[0], 'High · Debug endpoint enabled in production');
      for (const t of [...titlesHere, ...titles(lenses, 21)]) assert.ok(!t.includes('debug-endpoint'), `no slug in "${t}"`);
    });

    it('shows the finding body on hover once, with links to the report and to each location', async () => {
      await vscode.workspace.openTextDocument(login);
      // Line 7 is inside H1's range (6-7) but not the squiggle's line: the hover names the finding itself.
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', login, new vscode.Position(6, 10))) ?? [];
      const text = hoverText(hovers);
      assert.ok(text.includes('**\\[H1\\] Session token compared with ==**'), 'the title, its Markdown escaped');
      assert.match(text, /High · Open/);
      assert.match(text, /crypto\.timingSafeEqual/, 'the body, rendered as Markdown');
      assert.ok(!text.includes('**Severity:**'), 'without the severity line the header repeats');
      const toReport = `command:auditLens.goToFindingInReport?${encodeURIComponent(JSON.stringify([reportKey('H1')]))}`;
      assert.ok(text.includes(toReport), 'a link to the finding in its report');
      assert.ok(text.includes('command:auditLens.openLocation?'), 'a link to its location');
      assert.ok(text.includes('src/auth/login.ts:6-7'), 'named by path and lines');
      const none = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', login, new vscode.Position(1, 0))) ?? [];
      assert.ok(!hoverText(none).includes('Audit'), 'nothing on a line without a finding');
    });

    it('leaves the title and report link to the diagnostic\'s hover on the squiggle\'s line', async () => {
      await vscode.workspace.openTextDocument(login);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', login, new vscode.Position(5, 10))) ?? [];
      const text = hoverText(hovers);
      assert.match(text, /High · Open/);
      assert.match(text, /crypto\.timingSafeEqual/);
      assert.ok(!text.includes('Session token compared'), 'the diagnostic already shows the title there');
      assert.ok(!text.includes('command:auditLens.goToFindingInReport'), 'and links to the report (its code)');
    });
  });
}
