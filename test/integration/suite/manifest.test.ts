import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../../src/core';
import { anyCaseGlob } from '../../../src/core/reportGlobs';
import { COMMANDS, CONTEXT_KEYS } from '../../../src/extension/commandIds';
import { api, EXTENSION_ID } from './helpers';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command?: string; when?: string }>>;
    views: Record<string, Array<{ id: string }>>;
    viewsContainers: { activitybar: Array<{ id: string; icon: string }> };
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

  it('hides item-only commands from the palette', () => {
    const palette = manifest().contributes.menus.commandPalette;
    for (const id of [COMMANDS.revealFinding, COMMANDS.openLocation, COMMANDS.changeGrouping, COMMANDS.filterFindings, COMMANDS.clearFilter]) {
      assert.equal(palette.find((e) => e.command === id)?.when, 'false', `${id} is hidden`);
    }
  });

  it('describes every setting, and defaults the report globs to the CLI\'s', () => {
    const props = manifest().contributes.configuration.properties;
    for (const [key, p] of Object.entries(props)) assert.ok(p.markdownDescription ?? p.description, `${key} has a description`);
    assert.deepEqual(props['auditLens.reports.include'].default, [...DEFAULT_INCLUDE]);
    assert.deepEqual(props['auditLens.reports.exclude'].default, [...DEFAULT_EXCLUDE]);
    assert.equal(props['auditLens.reports.include'].scope, 'resource');
    assert.equal(props['auditLens.reports.exclude'].scope, 'resource');
    const activation = manifest().activationEvents;
    for (const glob of DEFAULT_INCLUDE) assert.ok(activation.includes(`workspaceContains:${anyCaseGlob(glob)}`), `activates on ${glob}, in any case`);
  });
});
