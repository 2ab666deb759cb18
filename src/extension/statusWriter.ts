import * as vscode from 'vscode';
import { applyTextEdits, setFindingStatus, StatusEditError, type Status, type TextEdit } from '../core';
import type { FindingIndex } from './findingIndex';
import type { IndexedFinding } from './indexModel';
import type { SettingsStore } from './settings';

export interface StatusChange {
  status: Status;
  note?: string;
}

/** Outcome per report: how many findings changed, or why nothing was written. */
export interface WriteResult {
  report: vscode.Uri;
  changed: number;
  error?: string;
  /** The report's text before and after the write, when something was written: what an undo needs. */
  texts?: { before: string; after: string };
}

/** One report's part of a status change, as the undo history keeps it. */
export interface WrittenReport {
  uri: vscode.Uri;
  before: string;
  after: string;
}

/**
 * The one module that writes to reports. An edit is computed by the core from the report
 * document's current text, applied with `workspace.applyEdit` (so undo, dirty state and open
 * editors stay right) and then saved, unless the user said not to or the report already had
 * unsaved changes of theirs. A finding is found again by its id in the current text: if the
 * report changed since it was indexed and the finding is gone, nothing is written.
 */
export class StatusWriter {
  constructor(
    private readonly index: FindingIndex,
    private readonly settings: SettingsStore,
  ) {}

  async setStatus(findings: readonly IndexedFinding[], change: StatusChange): Promise<WriteResult[]> {
    const byReport = new Map<string, IndexedFinding[]>();
    for (const f of findings) {
      const list = byReport.get(f.report.key);
      if (list) list.push(f);
      else byReport.set(f.report.key, [f]);
    }
    const results: WriteResult[] = [];
    for (const group of byReport.values()) results.push(await this.writeReport(group, change));
    return results;
  }

  private writeReport(findings: IndexedFinding[], change: StatusChange): Promise<WriteResult> {
    const ids = findings.map((f) => f.finding.id);
    return this.writeEdits(findings[0].report.uri, (text) => this.compute(text, ids, change), 'the status was changed');
  }

  /**
   * Applies an edit the core computes from the report's current text (Track as Finding, Not a
   * Finding) the way a status change is applied: one undoable `WorkspaceEdit`, the index
   * updated at once, then saved as the settings say. `done` names what was done, for the
   * message when saving fails.
   */
  async writeEdits(uri: vscode.Uri, compute: (text: string) => { edits: TextEdit[]; changed: number } | { error: string }, done: string): Promise<WriteResult> {
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      return { report: uri, changed: 0, error: `Cannot open ${uri.fsPath}: ${(error as Error).message}` };
    }
    const wasDirty = doc.isDirty;
    // applyEdit refuses an edit computed on a version the user has typed past: compute again then.
    for (let attempt = 0; attempt < 2; attempt++) {
      const computed = compute(doc.getText());
      if ('error' in computed) return { report: uri, changed: 0, error: `${vscode.workspace.asRelativePath(uri)}: ${computed.error}` };
      if (computed.edits.length === 0) return { report: uri, changed: 0 };
      const edit = new vscode.WorkspaceEdit();
      for (const e of computed.edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
      const before = doc.getText();
      if (!(await vscode.workspace.applyEdit(edit))) continue;
      const texts = { before, after: doc.getText() };
      // The index follows at once instead of after the edit throttle.
      await this.index.updateReportText(uri, doc.getText(), doc.version);
      if (this.settings.current.saveAfterStatusChange && !wasDirty && !(await doc.save())) {
        return { report: uri, changed: computed.changed, texts, error: `${done[0].toUpperCase()}${done.slice(1)}, but ${vscode.workspace.asRelativePath(uri)} could not be saved.` };
      }
      return { report: uri, changed: computed.changed, texts };
    }
    return { report: uri, changed: 0, error: `${vscode.workspace.asRelativePath(uri)} kept changing while it was being written; nothing was written. Try again.` };
  }

  /**
   * Puts a report back to its text before a status change, whether or not it is open, as one
   * edit through the document (so it is itself undoable there). Refuses, writing nothing, when
   * the report changed since: the user's later edits are never overwritten.
   */
  async revert(written: WrittenReport): Promise<{ report: vscode.Uri; error?: string }> {
    const { uri } = written;
    const name = vscode.workspace.asRelativePath(uri);
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      return { report: uri, error: `Cannot open ${name}: ${(error as Error).message.split('\n')[0]}` };
    }
    if (doc.getText() !== written.after) return { report: uri, error: `${name} changed after the status change; nothing was undone there.` };
    const wasDirty = doc.isDirty;
    const span = spanEdit(written.after, written.before);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)), span.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return { report: uri, error: `${name} could not be edited; nothing was undone there.` };
    await this.index.updateReportText(uri, doc.getText(), doc.version);
    if (this.settings.current.saveAfterStatusChange && !wasDirty && !(await doc.save())) {
      return { report: uri, error: `The change was undone, but ${name} could not be saved.` };
    }
    return { report: uri };
  }

  /** Every finding's edit on the same text; non-overlapping, so they apply together as one undo step. */
  private compute(text: string, ids: string[], change: StatusChange): { edits: TextEdit[]; changed: number } | { error: string } {
    const date = this.settings.current.addDateToStatus ? today() : undefined;
    const edits: TextEdit[] = [];
    let changed = 0;
    try {
      for (const id of ids) {
        const result = setFindingStatus(text, id, change.status, { note: change.note, date });
        edits.push(...result.edits);
        if (result.edits.length > 0) changed++;
      }
    } catch (error) {
      if (error instanceof StatusEditError && error.code === 'unknown-id') {
        return { error: `${error.message.split('.')[0]}: the report changed since it was read. Nothing was written.` };
      }
      return { error: (error as Error).message };
    }
    edits.sort((a, b) => a.start - b.start);
    if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) {
      // Overlapping edits (never seen in practice): one replacement of the span they cover.
      let after = text;
      for (const id of ids) after = applyTextEdits(after, setFindingStatus(after, id, change.status, { note: change.note, date }).edits);
      return { edits: [spanEdit(text, after)], changed };
    }
    return { edits, changed };
  }
}

/** The single edit turning `before` into `after`: what lies between their common prefix and suffix. */
function spanEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

/** The local date, as written into the status line: `2026-11-23`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
