import * as vscode from 'vscode';
import { MAX_REPORT_BYTES, reportRejection } from '../core';

export interface ReportText {
  text: string;
  /** The open document's version when read from its buffer; undefined when read from storage. */
  version: number | undefined;
}

/** A report that exists but cannot be shown, and why (one line, for the output channel and the tree). */
export interface ReportSkipped {
  skipped: string;
}

/** The open document, if the report is open (its buffer is what the user sees). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * A report's text: from its open editor buffer when there is one (unsaved edits included),
 * else through `workspace.fs`, so remote and virtual folders work. Says why when it cannot be
 * read, is too large or is binary; undefined when it is gone (deleted meanwhile).
 */
export async function readReport(uri: vscode.Uri): Promise<ReportText | ReportSkipped | undefined> {
  const doc = openDocument(uri);
  if (doc) return { text: doc.getText(), version: doc.version };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return undefined;
    if (stat.size > MAX_REPORT_BYTES) return { skipped: reportRejection(stat.size, new Uint8Array()) ?? 'Skipped: too large.' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    const rejection = reportRejection(stat.size, bytes);
    if (rejection !== null) return { skipped: rejection };
    return { text: new TextDecoder('utf-8').decode(bytes), version: undefined };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    return { skipped: `Skipped: cannot be read (${oneLine(error)}).` };
  }
}

export function isSkipped(read: ReportText | ReportSkipped | undefined): read is ReportSkipped {
  return read !== undefined && 'skipped' in read;
}

/** An error's message on one line, for a message or the output channel. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/)[0].trim() || 'unknown error';
}
