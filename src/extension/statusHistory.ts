import type * as vscode from 'vscode';
import type { StatusWriter, WriteResult, WrittenReport } from './statusWriter';

/** Status changes kept for undo; older ones fall off. */
const MAX_BATCHES = 20;

/** One status change as the user made it: one command, perhaps on findings in several reports. */
export interface StatusBatch {
  /** What the notification said, e.g. `H1 marked fixed`. */
  readonly label: string;
  readonly reports: readonly WrittenReport[];
}

export interface UndoOutcome {
  batch: StatusBatch | undefined;
  results: Array<{ report: vscode.Uri; error?: string }>;
}

/**
 * The status changes made in this window, newest last, so that the last one (every report of
 * it) can be undone from the palette or its notification, wherever the user is: Ctrl+Z in a
 * code editor cannot reach an edit that went into a report.
 */
export class StatusHistory {
  private readonly batches: StatusBatch[] = [];

  constructor(private readonly writer: StatusWriter) {}

  /** Records what a status command wrote; returns the batch, or undefined when nothing was written. */
  record(label: string, results: readonly WriteResult[]): StatusBatch | undefined {
    const reports = results.flatMap((r) => (r.texts && r.changed > 0 ? [{ uri: r.report, ...r.texts }] : []));
    if (reports.length === 0) return undefined;
    const batch = { label, reports };
    this.batches.push(batch);
    if (this.batches.length > MAX_BATCHES) this.batches.shift();
    return batch;
  }

  get last(): StatusBatch | undefined {
    return this.batches[this.batches.length - 1];
  }

  /** Undoes the last change (or the one given, from its notification) in every report it touched. */
  async undo(batch: StatusBatch | undefined = this.last): Promise<UndoOutcome> {
    if (!batch) return { batch: undefined, results: [] };
    const at = this.batches.indexOf(batch);
    if (at < 0) return { batch, results: [] }; // undone already
    this.batches.splice(at, 1);
    const results = [];
    for (const report of batch.reports) results.push(await this.writer.revert(report));
    return { batch, results };
  }
}
