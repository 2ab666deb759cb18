import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../../src/core';
import { anyCaseGlob } from '../../../src/core/reportGlobs';
import { COMMANDS, CONTEXT_KEYS } from '../../../src/extension/commandIds';
import { DEFAULT_PARSE_TIMEOUT_MS } from '../../../src/extension/settings';
import { api, EXTENSION_ID, waitFor } from './helpers';

interface Manifest {
  activationEvents: string[];
  contributes: {
    keybindings: Array<{ command: string; key: string; mac?: string; when?: string }>;
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command?: string; when?: string }>>;
    views: Record<string, Array<{ id: string; name: string }>>;
    viewsContainers: { activitybar: Array<{ id: string; icon: string; title: string }> };
    viewsWelcome: Array<{ view: string; when?: string; contents: string }>;
    configuration: { properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string; scope?: string }> };
  };
}

/** Context keys VS Code itself sets that our `when` clauses may use. */
const VSCODE_KEYS = new Set(['view', 'viewItem', 'isWorkspaceTrusted', 'false', 'true']);

function manifest(): Manifest {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
}

function whenClauses(m: Manifest): string[] {
  return [...Object.values(m.contributes.menus).flat().map((e) => e.when), ...m.contributes.viewsWelcome.map((w) => w.when)].filter(
    (w): w is string => w !== undefined,
  );
}

describe('Manifest', () => {
  before(() => api());

  it('registers every contributed command, and contributes every command the code defines', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    for (const c of manifest().contributes.commands) {
      assert.equal(c.category, 'Audit Lens', `${c.command}: category`);
      assert.match(c.command, /^auditLens\.[a-z]+[A-Z]?\w*$/, `${c.command}: auditLens.<verb><Object>`);
    }
  });

  it('names only real commands, views and context keys in menus and `when` clauses', () => {
    const m = manifest();
    const commands = new Set(m.contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(m.contributes.menus)) {
      for (const e of entries) if (e.command) assert.ok(commands.has(e.command), `${menu}: ${e.command} is contributed`);
    }
    const views = new Set(Object.values(m.contributes.views).flat().map((v) => v.id));
    const ours = new Set<string>(Object.values(CONTEXT_KEYS));
    for (const when of whenClauses(m)) {
      for (const [, viewId] of when.matchAll(/\bview\s*==\s*([\w.]+)/g)) assert.ok(views.has(viewId), `${when}: view ${viewId} exists`);
      const withoutRegexes = when.replace(/=~\s*\/(?:\\.|[^/])*\//g, '').replace(/(==|!=)\s*[\w.]+/g, '');
      for (const [key] of withoutRegexes.matchAll(/[A-Za-z][\w.]*/g)) {
        assert.ok(VSCODE_KEYS.has(key) || ours.has(key), `${when}: context key ${key} is one we set or VS Code's`);
      }
    }
    for (const w of m.contributes.viewsWelcome) assert.ok(views.has(w.view), `welcome view ${w.view} exists`);
    const containers = new Set(m.contributes.viewsContainers.activitybar.map((c) => c.id));
    for (const container of Object.keys(m.contributes.views)) assert.ok(containers.has(container), `container ${container} exists`);
  });

  it('hides item-only commands from the palette, and offers the view\'s Group By, Filter and Undo there', () => {
    const palette = manifest().contributes.menus.commandPalette;
    for (const id of [COMMANDS.revealFinding, COMMANDS.openLocation, COMMANDS.clearFilter]) {
      assert.equal(palette.find((e) => e.command === id)?.when, 'false', `${id} is hidden`);
    }
    for (const id of [COMMANDS.changeGrouping, COMMANDS.filterFindings, COMMANDS.undoLastStatusChange]) {
      assert.match(palette.find((e) => e.command === id)?.when ?? 'absent', /^auditLens\.hasReports\b/, `${id} is in the palette once there are reports`);
    }
  });

  it('contributes no second "Focus Findings View", and a title that reads once', () => {
    const m = manifest();
    assert.ok(!m.contributes.commands.some((c) => /focus/i.test(c.command) || /focus/i.test(c.title)), 'VS Code already contributes the view\'s Focus command');
    const container = m.contributes.viewsContainers.activitybar[0];
    const view = m.contributes.views[container.id][0];
    // A container's only view is titled "<container>: <view>", or once when the two names are
    // equal: "Audit Lens: Audit Findings" was cut off at 300 px as "Audit Lens: Audit Findin…".
    assert.equal(view.name, container.title, 'the view and its container share one name, shown once');
  });

  it('binds Next/Previous Finding to keys that VS Code\'s default keymap leaves free', async () => {
    const ours = manifest().contributes.keybindings;
    assert.deepEqual(ours.map((k) => k.command).sort(), [COMMANDS.nextFinding, COMMANDS.previousFinding].sort());
    // VS Code's own default keybindings, as its "Open Default Keyboard Shortcuts (JSON)" lists them.
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const doc = await waitFor(() => vscode.window.activeTextEditor?.document, 'the default keybindings file');
    const text = doc.getText().replace(/^\s*\/\/.*$/gm, '');
    const defaults = JSON.parse(text) as Array<{ key: string; command: string }>;
    assert.ok(defaults.length > 300, `the default keymap was read (${defaults.length} entries)`);
    const normal = (k: string) => k.toLowerCase().split(' ').map((chord) => chord.split('+').sort().join('+')).join(' ');
    for (const k of ours) {
      const taken = defaults.filter((d) => !d.command.startsWith('auditLens.') && normal(d.key) === normal(k.key));
      assert.deepEqual(taken.map((d) => d.command), [], `${k.key} is free (for ${k.command})`);
      const prefixTaken = defaults.filter((d) => !d.command.startsWith('auditLens.') && normal(k.key).startsWith(normal(d.key) + ' '));
      assert.deepEqual(prefixTaken.map((d) => d.command), [], `no default binds the first chord of ${k.key}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('describes every setting, and defaults the report globs to the CLI\'s', () => {
    const props = manifest().contributes.configuration.properties;
    for (const [key, p] of Object.entries(props)) assert.ok(p.markdownDescription ?? p.description, `${key} has a description`);
    assert.deepEqual(props['auditLens.reports.include'].default, [...DEFAULT_INCLUDE]);
    assert.deepEqual(props['auditLens.reports.exclude'].default, [...DEFAULT_EXCLUDE]);
    assert.equal(props['auditLens.reports.include'].scope, 'resource');
    assert.equal(props['auditLens.reports.exclude'].scope, 'resource');
    assert.equal(props['auditLens.parseTimeoutMs'].default, DEFAULT_PARSE_TIMEOUT_MS, 'the budget the extension falls back to is the one the manifest shows');
    const activation = manifest().activationEvents;
    for (const glob of DEFAULT_INCLUDE) assert.ok(activation.includes(`workspaceContains:${anyCaseGlob(glob)}`), `activates on ${glob}, in any case`);
  });
});
