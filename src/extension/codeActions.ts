import * as vscode from 'vscode';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { findingName, reportShortName } from './findingText';
import type { IndexedFinding } from './indexModel';

/**
 * The finding a diagnostic of ours stands for: its code's target is the finding's first line in
 * its report (`report.md#L12`), and the code's value its own id when it has one.
 */
export function findingOfDiagnostic(index: FindingIndex, d: vscode.Diagnostic): IndexedFinding | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object' || d.code === null) return undefined;
  const report = index.report(d.code.target.with({ fragment: '' }));
  if (!report) return undefined;
  const byId = report.findings.find((f) => f.finding.id === String(d.code && typeof d.code === 'object' ? d.code.value : ''));
  if (byId) return byId;
  const line = /^L(\d+)$/.exec(d.code.target.fragment)?.[1];
  return line === undefined ? undefined : report.findings.find((f) => f.finding.reportRange.startLine === Number(line));
}

/**
 * Quick fixes on a finding's diagnostic, three per finding: Mark fixed, Set status… (the
 * picker, which also offers a note) and Open in report. Writing ones only in a trusted workspace.
 */
export function registerCodeActions({ index }: { index: FindingIndex }): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(_document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        const f = findingOfDiagnostic(index, d);
        if (!f) continue;
        const name = findingName(f.finding);
        if (vscode.workspace.isTrusted) {
          const fix = action(`Mark ${name} fixed`, d, { command: COMMANDS.markFixed, title: 'Mark fixed', arguments: [f.key] });
          fix.isPreferred = true;
          actions.push(fix, action(`Set status of ${name}…`, d, { command: COMMANDS.setFindingStatus, title: 'Set status…', arguments: [f.key] }));
        }
        actions.push(action(`Open ${name} in ${reportShortName(f.report.relPath)}`, d, { command: COMMANDS.goToFindingInReport, title: 'Open in report', arguments: [f.key] }));
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}

function action(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diagnostic];
  a.command = command;
  return a;
}
