import * as vscode from 'vscode';
import { isTrackableLine } from '../core';
import { COMMANDS } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { findingName } from './findingText';
import { coreLine } from './lines';

/** The kind of both actions: quick fixes of the reading, listed under the light bulb. */
export const READER_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('auditLens');

/**
 * Code actions on the lines of a report: **Not a Finding** on the first line of a finding
 * (its heading, list item or table row), **Track as Finding** on a heading or list item the
 * reader did not take as one. Offered only in a trusted workspace (both write to the report),
 * and only while the index has read the text shown, so a line number never names a stale block.
 */
export function registerReportActions({ index }: { index: FindingIndex }): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      if (!vscode.workspace.isTrusted) return [];
      const report = index.report(document.uri);
      if (!report || (report.version !== undefined && report.version !== document.version)) return [];
      const line = coreLine(range.start);
      const starting = report.findings.find((f) => f.finding.reportRange.startLine === line);
      if (starting) {
        return [action(`Not a Finding: ${findingName(starting.finding)} (write an ignore comment before it)`, { command: COMMANDS.markNotFinding, title: 'Not a Finding', arguments: [starting.key] })];
      }
      const inside = report.findings.some((f) => f.finding.reportRange.startLine < line && line <= f.finding.reportRange.endLine);
      if (inside || !isTrackableLine(document.getText(), line)) return [];
      return [action('Track as Finding (write its status line)', { command: COMMANDS.trackAsFinding, title: 'Track as Finding', arguments: [document.uri.toString(), line] })];
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, { providedCodeActionKinds: [READER_ACTION_KIND] });
}

function action(title: string, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, READER_ACTION_KIND);
  a.command = command;
  return a;
}
