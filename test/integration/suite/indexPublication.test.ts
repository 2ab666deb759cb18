import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { FindingIndex } from '../../../src/extension/findingIndex';
import type { ReportParser } from '../../../src/extension/parsing/budgetedParser';
import { SettingsStore } from '../../../src/extension/settings';
import { LocationTracker } from '../../../src/extension/tracking/locationTracker';
import { api, ourDiagnostics, waitFor } from './helpers';

describe('Index publication during a scan (issue #9)', () => {
  it('shows the visible editor its diagnostics as they are read, and sets the other files once, when the scan ends', async () => {
    const a = await api();
    // The extension's own index settles first: a scan of its own still under way (a setting the
    // test before changed back reads every report again) holds the diagnostics of files no editor
    // shows until it ends, so the counts taken below would change under the test.
    await waitFor(() => !a.index.isScanning, 'the extension\'s own scan to end', 30_000);
    await a.index.whenReady();
    // A second index and diagnostics collection over the same workspace, as activation builds
    // them; the extension's own collection already holds every file's diagnostics, so the new
    // one's show as a second copy. The parser wraps the real one and answers each report later
    // than the one before, so that the scan publishes several times before it ends.
    const files = new Map<string, vscode.Uri>();
    for (const f of a.index.findings()) for (const l of f.locations) if (l.uri) files.set(l.uri.toString(), l.uri);
    const own = new Map([...files].map(([key, uri]) => [key, ourDiagnostics(uri).length]));
    const shown = [...files.values()].filter((uri) => own.get(uri.toString())! > 0);
    assert.ok(shown.length >= 2, 'the fixture has squiggles in several files');
    const visible = shown[0];
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(visible));
    let calls = 0;
    const slow: ReportParser = {
      parse: async (text, keeping) => {
        await new Promise((r) => setTimeout(r, 300 * calls++));
        return a.index.parser.parse(text, keeping);
      },
    };
    const settings = new SettingsStore();
    const index = new FindingIndex(settings, a.log, slow);
    const tracker = new LocationTracker(index, a.log);
    const diagnostics = registerDiagnostics({ index, settings, tracker });
    const hiddenChecked = new Set<string>();
    let visibleShownDuringScan = false;
    const problems: string[] = [];
    const sub = index.onDidChange(() => {
      if (!index.isScanning) return;
      for (const [key, uri] of files) {
        if (index.findingsInFile(uri).length === 0 || (own.get(key) ?? 0) === 0) continue;
        const now = ourDiagnostics(uri).length;
        if (key === visible.toString()) {
          if (now > own.get(key)!) visibleShownDuringScan = true;
        } else {
          hiddenChecked.add(key);
          if (now !== own.get(key)) problems.push(`${vscode.workspace.asRelativePath(uri)} was set during the scan (${now} diagnostics, ${own.get(key)} of the extension's own)`);
        }
      }
    });
    try {
      await index.reindex();
      assert.deepEqual(problems, []);
      assert.ok(hiddenChecked.size > 0, 'some file no editor shows had findings before the scan ended, so the check means something');
      assert.ok(visibleShownDuringScan, 'the visible editor got its diagnostics before the scan ended');
      for (const [key, uri] of files) {
        assert.equal(ourDiagnostics(uri).length, 2 * own.get(key)!, `${vscode.workspace.asRelativePath(uri)} has the new collection's copy once the scan is over`);
      }
    } finally {
      vscode.Disposable.from(sub, diagnostics, tracker, index, settings).dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
