import * as vscode from 'vscode';
import { lineNumberEdits, locationText, type LineNumberUpdate } from '../../core';
import { COMMANDS } from '../commandIds';
import type { FindingIndex } from '../findingIndex';
import { findingName } from '../findingText';
import { findingsAtCursor } from '../findingTargets';
import { compareFindings } from '../treeModel';
import type { IndexedFinding, IndexedReport } from '../indexModel';
import type { SettingsStore } from '../settings';
import { displayPath } from '../uris';
import { showsInCode } from '../visibility';
import { BASE_SCHEME, BaseContentProvider, baseUri, type BaseFileReader } from './baseContent';
import { DRIFT_CODES, driftEntries } from './driftDiagnostics';
import { shortSha } from './driftText';
import type { LiveLocation, LocationTracker } from './locationTracker';

export interface DriftActionDeps {
  index: FindingIndex;
  settings: SettingsStore;
  tracker: LocationTracker;
  /** Reads a file at a commit (the git adapter); undefined while git is not available. */
  baseReader: () => BaseFileReader | undefined;
}

/**
 * What acting on drift offers: quick fixes on a report's drift diagnostics (Mark Fixed… and
 * Compare with <base> on gone code, Compare on changed code, Update line numbers on moved code),
 * the Compare with Base command with its `auditlens-base:` documents, and Update Line Numbers
 * for one location or a whole report.
 */
export function registerDriftActions(deps: DriftActionDeps): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const report = deps.index.report(document.uri);
      if (!report) return [];
      const ours = context.diagnostics.filter((d) => Object.values(DRIFT_CODES).includes(d.code as never));
      if (ours.length === 0) return [];
      const entries = driftEntries(report, deps.tracker, document, (f) => showsInCode(f.finding.status, deps.settings.current));
      const actions: vscode.CodeAction[] = [];
      for (const d of ours) {
        const e = entries.find((x) => x.diagnostic.code === d.code && x.diagnostic.range.isEqual(d.range));
        if (!e) continue;
        const { drift } = e.location.tracked;
        const name = findingName(e.finding.finding);
        if (d.code === DRIFT_CODES.gone && vscode.workspace.isTrusted) {
          const fix = action(`Mark ${name} Fixed…`, d, { command: COMMANDS.markFixed, title: 'Mark Fixed…', arguments: [e.finding.key, undefined, { askNote: true }] });
          fix.isPreferred = true;
          actions.push(fix);
        }
        if (drift.base && (d.code === DRIFT_CODES.gone || d.code === DRIFT_CODES.changed)) {
          actions.push(action(`Compare with ${shortSha(drift.base)}`, d, { command: COMMANDS.compareWithBase, title: 'Compare with base', arguments: [e.finding.key, e.location.index] }));
        }
        if (d.code === DRIFT_CODES.moved && vscode.workspace.isTrusted) {
          const fix = action('Update line numbers in report', d, { command: COMMANDS.updateLineNumbers, title: 'Update line numbers', arguments: [report.uri.toString(), e.finding.key, e.location.index] });
          fix.isPreferred = true;
          actions.push(fix, action('Update all moved line numbers in this report', d, { command: COMMANDS.updateLineNumbers, title: 'Update line numbers', arguments: [report.uri.toString()] }));
        }
      }
      return actions;
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, new BaseContentProvider(deps.baseReader)),
    vscode.commands.registerCommand(COMMANDS.compareWithBase, (key?: unknown, index?: unknown) => compareWithBase(deps, key, index)),
    vscode.commands.registerCommand(COMMANDS.updateLineNumbers, (report?: unknown, key?: unknown, index?: unknown) => updateLineNumbers(deps, report, key, index)),
  );
}

function action(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diagnostic];
  a.command = command;
  return a;
}

/**
 * The finding a command names, or the one at the cursor as every other command finds it
 * (`findingsAtCursor`: whole-file locations included), the first in the tree's order.
 */
function findingOf(deps: DriftActionDeps, key: unknown): IndexedFinding | undefined {
  if (typeof key === 'string') return deps.index.findingByKey(key);
  return findingsAtCursor(deps).sort(compareFindings)[0];
}

/** Compare with Base: the file at the location's base revision against the working file. */
async function compareWithBase(deps: DriftActionDeps, key: unknown, index: unknown): Promise<boolean> {
  const f = findingOf(deps, key);
  const locations = f ? deps.tracker.locations(f) : [];
  const l = typeof index === 'number' ? locations[index] : locations.find((x) => x.tracked.drift.base);
  const base = l?.tracked.drift.base;
  if (!f || !l || !base) {
    void vscode.window.showInformationMessage('Audit Lens: this finding has no base revision to compare with (its report names no commit git can find, or git is off).');
    return false;
  }
  if (!deps.baseReader()) {
    void vscode.window.showInformationMessage('Audit Lens: Compare with base needs git, which is off here (Restricted Mode, auditLens.followCode, or not available).');
    return false;
  }
  const root = f.report.folder.uri.fsPath;
  // The file's path at the base: where it was before a rename, else where the written path resolves now.
  const basePath = l.tracked.drift.renamedFrom ?? l.tracked.resolved ?? l.tracked.written.path;
  const working = l.uri ?? vscode.Uri.joinPath(f.report.folder.uri, l.tracked.resolved ?? l.tracked.written.path);
  const name = basePath.slice(basePath.lastIndexOf('/') + 1);
  await vscode.commands.executeCommand('vscode.diff', baseUri(root, base, basePath), working, `${name} (${shortSha(base)} ↔ working tree)`);
  return true;
}

/** What Update Line Numbers did: for the tests and the message. */
export interface LineUpdateOutcome {
  updated: number;
  skipped: string[];
}

/**
 * Writes the lines that moved locations have now over the written ones in the report: one
 * location (a quick fix) or every moved one. Only the numbers change, never inside a pinned
 * permalink, and only for code files that are saved (an unsaved buffer's lines may still go).
 * One `applyEdit` on the report's document, so Undo takes it back.
 */
async function updateLineNumbers(deps: DriftActionDeps, reportArg: unknown, key: unknown, index: unknown): Promise<LineUpdateOutcome> {
  const outcome: LineUpdateOutcome = { updated: 0, skipped: [] };
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Audit Lens: reports are not changed in Restricted Mode.');
    return outcome;
  }
  const report = reportOf(deps, reportArg);
  if (!report) {
    void vscode.window.showInformationMessage('Audit Lens: open a report (or name one) to update its line numbers.');
    return outcome;
  }
  const chosen: Array<{ f: IndexedFinding; l: LiveLocation }> = [];
  for (const f of report.findings) {
    if (typeof key === 'string' && f.key !== key) continue;
    deps.tracker.locations(f).forEach((l) => {
      if (typeof index === 'number' && l.index !== index) return;
      if (l.tracked.drift.state === 'moved') chosen.push({ f, l });
    });
  }
  const doc = await vscode.workspace.openTextDocument(report.uri);
  const version = doc.version;
  // Where each location is written in the report as it is now (the core's reading, the same the CLI's `remap` uses).
  const lines = doc.getText().split('\n');
  const updates: LineNumberUpdate[] = [];
  for (const { f, l } of chosen) {
    const where = `${l.tracked.written.path}:${l.tracked.written.startLine}`;
    if (!l.tracked.current || !l.uri) continue;
    const text = locationText(lines, f.finding, l.tracked.written);
    if (deps.tracker.isDirty(l.uri)) outcome.skipped.push(`${where}: ${displayPath(l.uri)} has unsaved changes; save it first`);
    else if (l.tracked.drift.renamedFrom || l.tracked.resolved !== l.tracked.written.path) outcome.skipped.push(`${where}: the file was renamed; only line numbers are rewritten, so it is left as written`);
    else if (!text || text.numbers.length === 0) outcome.skipped.push(`${where} is not written as path:line in its finding`);
    else if (text.pinnedRev !== undefined) outcome.skipped.push(`${where} is in a permalink pinned to a commit`);
    else updates.push({ text, tracked: l.tracked });
  }
  const edits = lineNumberEdits(doc.getText(), updates);
  if (edits.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    // Computed from this version of the text: if it changed meanwhile, nothing is written.
    if (doc.version !== version || !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Audit Lens: ${displayPath(report.uri)} changed while its line numbers were being updated; nothing was written. Try again.`);
      return outcome;
    }
    // Locations, not edits: a range's start and end are two edits.
    outcome.updated = updates.filter((u) => lineNumberEdits(doc.getText(), [u]).length > 0).length;
  }
  const what = outcome.updated > 0 ? `updated ${outcome.updated} location${outcome.updated === 1 ? '' : 's'} in ${displayPath(report.uri)}` : 'no line number to update';
  const why = outcome.skipped.length > 0 ? ` (${outcome.skipped.length} left as written: ${outcome.skipped[0]}${outcome.skipped.length > 1 ? '; …' : ''})` : '';
  void vscode.window.showInformationMessage(`Audit Lens: ${what}${why}.`);
  return outcome;
}

function reportOf(deps: DriftActionDeps, arg: unknown): IndexedReport | undefined {
  if (typeof arg === 'string') {
    try {
      return deps.index.report(vscode.Uri.parse(arg, true));
    } catch {
      return undefined;
    }
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? deps.index.report(active) : undefined;
}

