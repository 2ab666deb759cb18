import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { MAX_REPORT_BYTES, reportRejection } from '../core';
import { readReportFileAsync } from '../node/readReportFile';

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
 * else from disk. Says why when it cannot be read, is too large or is binary; undefined when
 * it is gone (deleted meanwhile).
 *
 * A report on disk in a workspace folder is read by the extension host itself, with the CLI's
 * checks (a regular file, really inside the folder: a symlink planted as a report that points
 * out of the repository is refused). `workspace.fs` answers through the editor's window, which
 * is busiest while a workspace opens: in the 1,000-report bench the first eight reads took over
 * a second, though each is a fraction of a millisecond. Other file systems (virtual
 * workspaces) go through `workspace.fs`.
 */
export async function readReport(uri: vscode.Uri): Promise<ReportText | ReportSkipped | undefined> {
  const doc = openDocument(uri);
  if (doc) return { text: doc.getText(), version: doc.version };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (uri.scheme === 'file' && folder?.uri.scheme === 'file') return readFromDisk(uri.fsPath, folder.uri.fsPath);
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

async function readFromDisk(path: string, folder: string): Promise<ReportText | ReportSkipped | undefined> {
  let root: string;
  try {
    root = await fsp.realpath(folder);
  } catch {
    return undefined; // the folder is gone, and the report with it
  }
  const read = await readReportFileAsync(path, root);
  if (read.ok) return { text: read.text, version: undefined };
  if (read.gone) return undefined;
  return { skipped: read.message.startsWith('Skipped:') ? read.message : `Skipped: ${read.message[0].toLowerCase()}${read.message.slice(1)}` };
}

export function isSkipped(read: ReportText | ReportSkipped | undefined): read is ReportSkipped {
  return read !== undefined && 'skipped' in read;
}

/** An error's message on one line, for a message or the output channel. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/)[0].trim() || 'unknown error';
}
