import * as vscode from 'vscode';
import { STATUSES, type Status } from '../core';
import { COMMANDS } from './commandIds';
import { resolveTargets, type TargetDeps } from './findingTargets';
import { findingName, statusLabel } from './findingText';
import type { IndexedFinding } from './indexModel';
import type { StatusBatch, StatusHistory } from './statusHistory';
import type { StatusWriter, WriteResult } from './statusWriter';

export interface StatusCommandDeps extends TargetDeps {
  writer: StatusWriter;
  history: StatusHistory;
}

/** Options a caller (a quick fix, a test) may pass as a status command's third argument. */
export interface StatusCommandOptions {
  /** Ask for a note in an input box first. */
  askNote?: boolean;
  /** The note itself. */
  note?: string;
  /** For setFindingStatus: the status, instead of asking. */
  status?: Status;
}

const MARK_COMMANDS: ReadonlyArray<[string, Status]> = [
  [COMMANDS.markFixed, 'fixed'],
  [COMMANDS.markDeferred, 'deferred'],
  [COMMANDS.markFalsePositive, 'false_positive'],
  [COMMANDS.reopenFinding, 'open'],
];

const STATUS_ICONS: Readonly<Record<Status, string>> = {
  open: 'circle-large-outline',
  fixed: 'check',
  deferred: 'clock',
  false_positive: 'circle-slash',
  accepted: 'shield',
};

async function askNote(findings: IndexedFinding[], status: Status): Promise<string | undefined> {
  const which = findings.length === 1 ? findingName(findings[0].finding) : `${findings.length} findings`;
  return vscode.window.showInputBox({
    title: `Mark ${which} ${statusLabel(status).toLowerCase()}`,
    prompt: 'A note, written into the report after the status',
    placeHolder: 'e.g. fixed in #123, or why it is not an issue',
  });
}

/**
 * Every status change is announced with an Undo button; errors each get a message. The
 * notification is not awaited: the command returns what it wrote at once.
 */
function announce(history: StatusHistory, results: WriteResult[], findings: IndexedFinding[], status: Status): void {
  for (const r of results) if (r.error) void vscode.window.showErrorMessage(`Audit Lens: ${r.error}`);
  const changed = results.reduce((n, r) => n + r.changed, 0);
  if (changed === 0) return;
  const which = findings.length === 1 ? findingName(findings[0].finding) : `${changed} findings`;
  const label = `${which} ${status === 'open' ? 'reopened' : `marked ${statusLabel(status).toLowerCase()}`}`;
  const batch = history.record(label, results);
  if (!batch) return;
  void vscode.window.showInformationMessage(`Audit Lens: ${label}.`, UNDO).then((choice) => {
    if (choice === UNDO) void undo(history, batch);
  });
}

const UNDO = 'Undo';

/** Undoes a status change (the last one by default) and says what happened. */
async function undo(history: StatusHistory, batch?: StatusBatch): Promise<Array<{ report: vscode.Uri; error?: string }>> {
  const outcome = await history.undo(batch);
  if (!outcome.batch) {
    void vscode.window.showInformationMessage('Audit Lens: there is no status change to undo.');
    return [];
  }
  for (const r of outcome.results) if (r.error) void vscode.window.showWarningMessage(`Audit Lens: ${r.error}`);
  if (outcome.results.some((r) => !r.error)) vscode.window.setStatusBarMessage(`$(discard) Audit Lens: undone: ${outcome.batch.label}`, 4000);
  return outcome.results;
}

function trusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage('Audit Lens: changing a status writes to the report, which Restricted Mode does not allow. Trust this workspace to triage findings.');
  return false;
}

async function apply(deps: StatusCommandDeps, findings: IndexedFinding[], status: Status, options: StatusCommandOptions | undefined): Promise<WriteResult[]> {
  let note = options?.note;
  if (options?.askNote) {
    note = await askNote(findings, status);
    if (note === undefined) return [];
  }
  const results = await deps.writer.setStatus(findings, { status, note });
  announce(deps.history, results, findings, status);
  return results;
}

/**
 * Set Finding Status…, Mark Fixed / Deferred / False Positive, Reopen. Each resolves
 * its targets (arguments, cursor, tree selection, a list) and returns what it wrote.
 */
export function registerStatusCommands(deps: StatusCommandDeps): vscode.Disposable {
  const disposables = MARK_COMMANDS.map(([id, status]) =>
    vscode.commands.registerCommand(id, async (arg?: unknown, selection?: unknown, options?: StatusCommandOptions) => {
      if (!trusted()) return [];
      const verb = status === 'open' ? 'Reopen' : `Mark ${statusLabel(status).toLowerCase()}`;
      const findings = await resolveTargets(deps, arg, selection, `${verb}: which finding?`, (f) => f.finding.status !== status);
      return findings.length > 0 ? apply(deps, findings, status, options) : [];
    }),
  );
  disposables.push(
    vscode.commands.registerCommand(COMMANDS.undoLastStatusChange, () => (trusted() ? undo(deps.history) : [])),
    vscode.commands.registerCommand(COMMANDS.setFindingStatus, async (arg?: unknown, selection?: unknown, options?: StatusCommandOptions) => {
      if (!trusted()) return [];
      const findings = await resolveTargets(deps, arg, selection, 'Set the status of which finding?');
      if (findings.length === 0) return [];
      const chosen = options?.status ? { status: options.status, askNote: options.askNote ?? false } : await pickStatus(findings);
      if (!chosen) return [];
      return apply(deps, findings, chosen.status, { ...options, askNote: chosen.askNote });
    }),
  );
  return vscode.Disposable.from(...disposables);
}

/**
 * The status list. The finding's current status comes last, marked "current", so that the
 * first (preselected) entry is always a change: Enter never "sets" the status it already has.
 */
export function statusChoices(current: Status | undefined): Status[] {
  return [...STATUSES.filter((s) => s !== current), ...STATUSES.filter((s) => s === current)];
}

async function pickStatus(findings: IndexedFinding[]): Promise<{ status: Status; askNote: boolean } | undefined> {
  const current = findings.length === 1 ? findings[0].finding.status : undefined;
  type Item = vscode.QuickPickItem & { status?: Status; askNote?: boolean };
  const order = statusChoices(current);
  const items: Item[] = order.map((status) => ({
    label: `$(${STATUS_ICONS[status]}) ${statusLabel(status)}`,
    description: status === current ? 'current' : undefined,
    status,
    askNote: false,
  }));
  items.push({ label: 'With a note', kind: vscode.QuickPickItemKind.Separator });
  for (const status of order) items.push({ label: `$(${STATUS_ICONS[status]}) ${statusLabel(status)} with a note…`, status, askNote: true });
  const which = findings.length === 1 ? findingName(findings[0].finding, 60) : `${findings.length} findings`;
  const picked = await vscode.window.showQuickPick(items, { title: `Set the status of ${which}`, placeHolder: 'New status' });
  return picked?.status ? { status: picked.status, askNote: picked.askNote ?? false } : undefined;
}
