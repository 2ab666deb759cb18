import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { findingsFromArgs, resolveTargets, type TargetDeps } from './findingTargets';
import type { IndexedFinding } from './indexModel';
import { coreLine, lineRange } from './lines';
import { relativePath } from './uris';
import type { SettingsStore } from './settings';
import { showsInCode } from './visibility';
import type { LocationTracker } from './tracking/locationTracker';

export interface NavigationDeps extends TargetDeps {
  settings: SettingsStore;
}

/**
 * Opens a file at a finding's lines (1-based core lines; null for the file itself) with the
 * cursor at the start and nothing selected: the next keystroke must not replace the code.
 * As much of the range as fits is brought into view.
 */
export async function showLines(uri: vscode.Uri, startLine: number | null, endLine: number | null): Promise<vscode.TextEditor | undefined> {
  if (!isInsideWorkspace(uri)) {
    void vscode.window.showWarningMessage(`Audit Lens: refused to open ${uri.toString(true).slice(0, 200)}: it is not a file of this workspace.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = lineRange(startLine ?? 1, endLine, doc);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(range.start, range.start), preview: true });
  editor.revealRange(new vscode.Range(range.start, range.end.line - range.start.line > 20 ? range.start : range.end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function showInReport(f: IndexedFinding): Promise<vscode.TextEditor | undefined> {
  return showLines(f.report.uri, f.finding.reportRange.startLine, f.finding.reportRange.startLine);
}

/**
 * The code a finding points to first, at its lines now; its section in the report when it
 * points nowhere or its code is gone.
 */
export function revealFinding(f: IndexedFinding, tracker: LocationTracker): Promise<vscode.TextEditor | undefined> {
  const first = tracker.locations(f).find((l) => l.uri && l.tracked.drift.state !== 'gone');
  return first?.uri ? showLines(first.uri, first.tracked.current?.startLine ?? null, first.tracked.current?.endLine ?? null) : showInReport(f);
}

/**
 * Whether a command may open this URI: a file inside one of the workspace's folders. A link
 * in a hover is built by us, but its arguments travel as text; anything else (`/etc/passwd`,
 * a folder's sibling, another scheme) is refused.
 */
export function isInsideWorkspace(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const rel = relativePath(folder.uri, uri);
  return rel !== undefined && rel !== '' && !rel.split('/').includes('..');
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
    // Where the code is now; a finding whose code is gone has no stop.
    for (const l of deps.tracker.locations(f)) {
      if (l.uri && l.tracked.drift.state !== 'gone') out.push({ uri: l.uri, line: l.tracked.current?.startLine ?? 1, endLine: l.tracked.current?.endLine ?? null });
    }
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
  await showLines(target.uri, target.line, target.endLine);
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
      if (f) await revealFinding(f, deps.tracker);
    }),
    vscode.commands.registerCommand(COMMANDS.openLocation, async (uri?: unknown, startLine?: unknown, endLine?: unknown) => {
      let target: vscode.Uri | undefined;
      try {
        target = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : undefined;
      } catch {
        target = undefined;
      }
      if (!target) {
        void vscode.window.showWarningMessage('Audit Lens: refused to open a location that is not a file of this workspace.');
        return undefined;
      }
      const line = (n: unknown): number | null => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
      return showLines(target, line(startLine), line(endLine));
    }),
    vscode.commands.registerCommand(COMMANDS.nextFinding, () => step(deps, 1)),
    vscode.commands.registerCommand(COMMANDS.previousFinding, () => step(deps, -1)),
  );
}
