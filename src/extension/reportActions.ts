import * as vscode from 'vscode';
import { isTrackableLine, markNotFinding, ReaderEditError, trackAsFinding } from '../core';
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
 * Where the core would refuse the edit, the action is shown disabled with the core's reason
 * (checked on reports up to CHECK_LIMIT characters, which re-reading twice keeps quick).
 */
export function registerReportActions({ index }: { index: FindingIndex }): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      if (!vscode.workspace.isTrusted) return [];
      const report = index.report(document.uri);
      if (!report || (report.version !== undefined && report.version !== document.version)) return [];
      const line = coreLine(range.start);
      const starting = report.findings.find((f) => f.finding.reportRange.startLine === line);
      const text = document.getText();
      if (starting) {
        const a = action(`Not a Finding: ${findingName(starting.finding)} (write an ignore comment before it)`, { command: COMMANDS.markNotFinding, title: 'Not a Finding', arguments: [starting.key] });
        return [withRefusal(a, text, () => markNotFinding(text, { id: starting.finding.id }))];
      }
      const inside = report.findings.some((f) => f.finding.reportRange.startLine < line && line <= f.finding.reportRange.endLine);
      if (inside || !isTrackableLine(text, line)) return [];
      const a = action('Track as Finding', { command: COMMANDS.trackAsFinding, title: 'Track as Finding', arguments: [document.uri.toString(), line] });
      return [withRefusal(a, text, () => trackAsFinding(text, line))];
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, { providedCodeActionKinds: [READER_ACTION_KIND] });
}

/** Reports longer than this get their actions unchecked: a refusal then comes as a message. */
const CHECK_LIMIT = 500_000;

/** Disables the action, with the core's one-line reason, when the core would write nothing. */
function withRefusal(a: vscode.CodeAction, text: string, attempt: () => unknown): vscode.CodeAction {
  if (text.length > CHECK_LIMIT) return a;
  try {
    attempt();
  } catch (error) {
    if (!(error instanceof ReaderEditError)) throw error;
    // Shown before anything is tried: "nothing was written" does not apply yet.
    a.disabled = { reason: error.message.replace(/ Nothing was written\.$/, '') };
  }
  return a;
}

function action(title: string, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, READER_ACTION_KIND);
  a.command = command;
  return a;
}
