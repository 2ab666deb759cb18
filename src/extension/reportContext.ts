import * as vscode from 'vscode';
import { CONTEXT_KEYS } from './commandIds';
import type { FindingIndex } from './findingIndex';

/**
 * Keeps `auditLens.reportActive` true while the active editor shows a report, for the `when`
 * clauses of Explain Report Reading and Track as Finding.
 */
export function registerReportContext(index: FindingIndex): vscode.Disposable {
  let last: boolean | undefined;
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const active = doc !== undefined && doc.uri.scheme !== 'output' && index.isReport(doc.uri);
    if (active === last) return;
    last = active;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.reportActive, active);
  };
  update();
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), index.onDidChange(update));
}
