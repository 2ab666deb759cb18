import * as vscode from 'vscode';
import { MAX_REPORT_BYTES, reportRejection } from '../core';

export interface ReportText {
  text: string;
  /** The open document's version when read from its buffer; undefined when read from storage. */
  version: number | undefined;
}

/** The open document, if the report is open (its buffer is what the user sees). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * A report's text: from its open editor buffer when there is one (unsaved edits included),
 * else through `workspace.fs`, so remote and virtual folders work. Undefined when it cannot
 * be read, is too large, or is binary.
 */
export async function readReport(uri: vscode.Uri): Promise<ReportText | undefined> {
  const doc = openDocument(uri);
  if (doc) return { text: doc.getText(), version: doc.version };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > MAX_REPORT_BYTES) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (reportRejection(stat.size, bytes) !== null) return undefined;
    return { text: new TextDecoder('utf-8').decode(bytes), version: undefined };
  } catch {
    return undefined; // deleted meanwhile, or unreadable: not a report we can show
  }
}
