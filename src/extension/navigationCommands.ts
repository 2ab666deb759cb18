import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { findingsFromArgs, resolveTargets, type TargetDeps } from './findingTargets';
import type { IndexedFinding } from './indexModel';
import { coreLine, lineRange } from './lines';
import type { SettingsStore } from './settings';
import { showsInCode } from './visibility';

export interface NavigationDeps extends TargetDeps {
  settings: SettingsStore;
}

/** Opens a file with its lines selected (1-based core lines; null for the file itself). */
export async function showLines(uri: vscode.Uri, startLine: number | null, endLine: number | null, selectWholeRange = true): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = lineRange(startLine ?? 1, selectWholeRange ? endLine : startLine, doc);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(range.start, selectWholeRange ? range.end : range.start), preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function showInReport(f: IndexedFinding): Promise<vscode.TextEditor> {
  return showLines(f.report.uri, f.finding.reportRange.startLine, f.finding.reportRange.startLine, false);
}

/** The code a finding points to first, or its section in the report when it points nowhere. */
export function revealFinding(f: IndexedFinding): Promise<vscode.TextEditor> {
  const first = f.locations.find((l) => l.uri);
  return first?.uri ? showLines(first.uri, first.ref.startLine, first.ref.endLine) : showInReport(f);
}

interface Stop {
  uri: vscode.Uri;
  line: number;
  endLine: number | null;
}

/** Every place an open finding points to, in file then line order. */
function stops(deps: NavigationDeps): Stop[] {
  const out: Stop[] = [];
  for (const f of deps.index.findings()) {
    if (!showsInCode(f.finding.status, deps.settings.current)) continue;
    for (const l of f.locations) if (l.uri) out.push({ uri: l.uri, line: l.ref.startLine ?? 1, endLine: l.ref.endLine });
  }
  return out.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.line - b.line);
}

async function step(deps: NavigationDeps, direction: 1 | -1): Promise<void> {
  const all = stops(deps);
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Audit Lens: no open finding points to code.');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const here = editor ? { key: editor.document.uri.toString(), line: coreLine(editor.selection.active) } : undefined;
  const cmp = (s: Stop): number => (here ? s.uri.toString().localeCompare(here.key) || s.line - here.line : 0);
  let target: Stop | undefined;
  if (direction === 1) target = here ? all.find((s) => cmp(s) > 0) : all[0];
  else target = here ? [...all].reverse().find((s) => cmp(s) < 0) : all[all.length - 1];
  // Past the last (or before the first) finding it wraps around.
  target ??= direction === 1 ? all[0] : all[all.length - 1];
  await showLines(target.uri, target.line, target.endLine, false);
}

/** Go to Finding in Report, Next/Previous Finding, and the item commands that open code. */
export function registerNavigationCommands(deps: NavigationDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.goToFindingInReport, async (arg?: unknown, selection?: unknown) => {
      const [f] = await resolveTargets(deps, arg, selection, 'Show which finding in its report?');
      if (f) await showInReport(f);
    }),
    vscode.commands.registerCommand(COMMANDS.revealFinding, async (arg?: unknown) => {
      const [f] = findingsFromArgs(deps.index, arg);
      if (f) await revealFinding(f);
    }),
    vscode.commands.registerCommand(COMMANDS.openLocation, async (uri?: string, startLine?: number | null, endLine?: number | null) => {
      if (typeof uri === 'string') await showLines(vscode.Uri.parse(uri), startLine ?? null, endLine ?? null);
    }),
    vscode.commands.registerCommand(COMMANDS.nextFinding, () => step(deps, 1)),
    vscode.commands.registerCommand(COMMANDS.previousFinding, () => step(deps, -1)),
  );
}
