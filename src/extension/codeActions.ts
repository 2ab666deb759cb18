import * as vscode from 'vscode';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './commandIds';
import { STATUS_ACTIONS } from './codeLens';
import type { FindingIndex } from './findingIndex';
import { findingKey, type IndexedFinding } from './indexModel';

/** The finding a diagnostic of ours stands for: its code names the id, its target the report. */
export function findingOfDiagnostic(index: FindingIndex, d: vscode.Diagnostic): IndexedFinding | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object' || d.code === null) return undefined;
  const report = d.code.target.with({ fragment: '' });
  return index.findingByKey(findingKey(report, String(d.code.value)));
}

/** Quick fixes on a finding's diagnostic: mark it fixed / deferred / false positive (each also with a note), open it in the report. */
export function registerCodeActions({ index }: { index: FindingIndex }): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(_document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        const f = findingOfDiagnostic(index, d);
        if (!f) continue;
        const id = f.finding.id;
        if (vscode.workspace.isTrusted) {
          for (const a of STATUS_ACTIONS) {
            if (a.status === f.finding.status) continue;
            const label = a.title.toLowerCase();
            actions.push(
              action(`Mark ${id} ${label}`, d, { command: a.command, title: a.title, arguments: [f.key] }),
              action(`Mark ${id} ${label} with a note…`, d, { command: a.command, title: a.title, arguments: [f.key, undefined, { askNote: true }] }),
            );
          }
        }
        actions.push(action(`Open ${id} in ${f.report.relPath}`, d, { command: COMMANDS.goToFindingInReport, title: 'Open in report', arguments: [f.key] }));
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
