import * as vscode from 'vscode';
import { pushAll, type Status } from '../core';
import { COMMANDS } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { findingName, hasOwnId, severityLabel, shorten, statusLabel } from './findingText';
import { isLocated, type IndexedFinding } from './indexModel';
import { lineRange } from './lines';
import type { SettingsStore } from './settings';
import { showsInCode } from './visibility';
import type { LocationTracker } from './tracking/locationTracker';
import { shortSha, sinceText } from './tracking/driftText';

export interface CodeLensDeps {
  index: FindingIndex;
  settings: SettingsStore;
  tracker: LocationTracker;
}

/** The status actions offered for a finding: every triage status but its own, or Reopen. */
export const STATUS_ACTIONS: ReadonlyArray<{ status: Status; title: string; command: string }> = [
  { status: 'fixed', title: 'Fixed', command: COMMANDS.markFixed },
  { status: 'deferred', title: 'Deferred', command: COMMANDS.markDeferred },
  { status: 'false_positive', title: 'False positive', command: COMMANDS.markFalsePositive },
];

function statusLenses(range: vscode.Range, f: IndexedFinding): vscode.CodeLens[] {
  // Writing back is off in Restricted Mode (see package.json `capabilities`).
  if (!vscode.workspace.isTrusted) return [];
  const lenses = STATUS_ACTIONS.filter((a) => a.status !== f.finding.status).map(
    (a) => new vscode.CodeLens(range, { title: a.title, command: a.command, arguments: [f.key], tooltip: `Mark ${findingName(f.finding)} ${a.title.toLowerCase()} in the report` }),
  );
  if (f.finding.status !== 'open') {
    lenses.push(new vscode.CodeLens(range, { title: 'Reopen', command: COMMANDS.reopenFinding, arguments: [f.key], tooltip: `Mark ${findingName(f.finding)} open again` }));
  }
  return lenses;
}

/** Above a finding in code: `H1 · High · Title` (`High · Title` when the id is derived), then its actions. */
function sourceLenses(document: vscode.TextDocument, findings: readonly IndexedFinding[], deps: CodeLensDeps): vscode.CodeLens[] {
  const out: vscode.CodeLens[] = [];
  for (const f of findings) {
    if (!showsInCode(f.finding.status, deps.settings.current)) continue;
    const starts = new Set<number>();
    // The lines the tracker has now: the lens moves with the code, before any save.
    for (const l of deps.tracker.locationsIn(f, document.uri)) {
      const start = l.tracked.current?.startLine ?? 1;
      const range = lineRange(start, start, document);
      if (starts.has(range.start.line)) continue;
      starts.add(range.start.line);
      const { drift } = l.tracked;
      const changed = drift.state === 'changed' ? ` · changed ${sinceText(drift)}` : '';
      const label = `${hasOwnId(f.finding) ? `${f.finding.id} · ` : ''}${severityLabel(f.finding.severity)} · ${shorten(f.finding.title, 80)}${changed}`;
      out.push(
        new vscode.CodeLens(range, { title: label, command: '', tooltip: `${f.finding.title} (${f.report.relPath})` }),
        ...statusLenses(range, f),
        new vscode.CodeLens(range, { title: 'Open in report', command: COMMANDS.goToFindingInReport, arguments: [f.key], tooltip: `Show ${findingName(f.finding)} in ${f.report.relPath}` }),
      );
    }
  }
  return out;
}

/** Above a finding in its report: its status, Go to code, and the actions. */
function reportLenses(document: vscode.TextDocument, findings: readonly IndexedFinding[], tracker: LocationTracker): vscode.CodeLens[] {
  const out: vscode.CodeLens[] = [];
  for (const f of findings) {
    const line = f.finding.reportRange.startLine;
    if (line > document.lineCount) continue;
    const range = lineRange(line, line, document);
    const status = statusLabel(f.finding.status);
    const title = `Status: ${status}`;
    out.push(
      new vscode.CodeLens(
        range,
        vscode.workspace.isTrusted
          ? { title, command: COMMANDS.setFindingStatus, arguments: [f.key], tooltip: `${findingName(f.finding)} is ${status.toLowerCase()}: change its status` }
          : { title, command: '' },
      ),
    );
    if (isLocated(f)) out.push(goToCodeLens(range, f, tracker));
    out.push(...statusLenses(range, f));
  }
  return out;
}

/**
 * Go to code, saying where the code went: `Go to code (moved to :47)` when it moved, `Code
 * deleted since 0da54fe` (which compares with that revision) when every location's code is gone.
 */
function goToCodeLens(range: vscode.Range, f: IndexedFinding, tracker: LocationTracker): vscode.CodeLens {
  const located = tracker.locations(f).filter((l) => l.uri);
  const shown = located.find((l) => l.tracked.drift.state !== 'gone');
  if (!shown && located.length > 0) {
    const base = located[0].tracked.drift.base;
    return new vscode.CodeLens(
      range,
      base
        ? { title: `Code deleted since ${shortSha(base)}`, command: COMMANDS.compareWithBase, arguments: [f.key, located[0].index], tooltip: `Compare the file at ${shortSha(base)} with the working tree` }
        : { title: 'Code deleted in the editor', command: '' },
    );
  }
  const moved = shown?.tracked.drift.state === 'moved' && shown.tracked.current ? ` (moved to :${shown.tracked.current.startLine})` : '';
  return new vscode.CodeLens(range, { title: `Go to code${moved}`, command: COMMANDS.revealFinding, arguments: [f.key], tooltip: `Show the code ${findingName(f.finding)} points to` });
}

/** Every CodeLens of a document. Lookups go through the by-file index: never a scan of every finding. */
export function codeLensesFor(document: vscode.TextDocument, deps: CodeLensDeps): vscode.CodeLens[] {
  if (!deps.settings.current.codeLensEnabled) return [];
  const lenses = sourceLenses(document, deps.tracker.findingsInFile(document.uri), deps);
  const report = deps.index.report(document.uri);
  if (report) pushAll(lenses, reportLenses(document, report.findings, deps.tracker));
  return lenses;
}

export function registerCodeLens(deps: CodeLensDeps): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: (document) => codeLensesFor(document, deps),
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider({ pattern: '**/*' }, provider),
    deps.index.onDidChange(() => changed.fire()),
    deps.tracker.onDidChange(() => changed.fire()),
    deps.settings.onDidChange((e) => {
      if (e.affectsConfiguration('auditLens')) changed.fire();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
  );
}
