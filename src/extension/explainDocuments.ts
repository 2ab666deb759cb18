import * as vscode from 'vscode';
import { explainReport } from '../core';

export const EXPLAIN_SCHEME = 'audit-lens-explain';
/**
 * The reading's language: plain text without brackets (a clipped `(detail…` is no unbalanced
 * bracket) and wrapped, as `contributes.configurationDefaults` sets it.
 */
export const READING_LANGUAGE = 'audit-lens-reading';

/**
 * The read-only documents of Explain Report Reading, one per report, under their own scheme:
 * `audit-lens-explain:/<report path> (reading)?<report uri>`, in the reading's own language. The text is kept here, computed
 * when the command runs; running it again replaces the text and tells VS Code so, which
 * refreshes an open document in place.
 */
export class ExplainDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, this);
  // A closed document's text is dropped, so nothing is kept for reports no longer looked at.
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => {
    if (d.uri.scheme === EXPLAIN_SCHEME) this.texts.delete(d.uri.toString());
  });

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'Run "Audit Lens: Explain Report Reading" on a report to see how it was read.';
  }

  /**
   * Sets the reading of a report (the cursor's line, if given, puts the blocks that hold it
   * first) and returns the document's URI. An open document of that URI is refreshed.
   */
  update(report: vscode.TextDocument, cursorLine: number | undefined): vscode.Uri {
    const uri = explainUri(report.uri);
    const key = uri.toString();
    const text = readingText(report.getText(), vscode.workspace.asRelativePath(report.uri), cursorLine);
    const known = this.texts.has(key);
    this.texts.set(key, text);
    if (known) this.emitter.fire(uri);
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.closing.dispose();
    this.emitter.dispose();
  }
}

/** The Explain document of a report: its tab reads `<report name> (reading)`. */
export function explainUri(report: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `${report.path} (reading)`, query: report.toString() });
}

/**
 * The document's text: the report's name and the reading's summary; with a cursor line, the
 * blocks that hold that line (outermost first: its groups, then the block and its parts); then
 * every block of the report.
 */
export function readingText(text: string, name: string, cursorLine: number | undefined): string {
  const whole = explainReport(text);
  // Every reading begins with the same summary and hint; it is shown once, at the top.
  const summary = whole.split('\n').slice(0, 2).join('\n');
  const body = (t: string): string => (t.startsWith(summary) ? t.slice(summary.length).replace(/^\n+/, '') : t);
  const parts = [name, summary, ''];
  if (cursorLine !== undefined) parts.push(`At line ${cursorLine} (the cursor):`, indent(body(explainReport(text, { line: cursorLine }))), '', 'The whole report:');
  parts.push(indent(body(whole)), '');
  return parts.join('\n');
}

function indent(text: string): string {
  return text.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n');
}
