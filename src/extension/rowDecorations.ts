import * as vscode from 'vscode';
import { FINDING_ROW_SCHEME } from './findingItem';
import type { FindingsTree } from './findingsTree';

/**
 * Dims the rows the tree keeps in place after their status changed (see FindingsTree): a
 * decoration on the row's own URI, the one way an extension can colour a tree item's label.
 */
export function registerRowDecorations(tree: FindingsTree): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  return vscode.Disposable.from(
    changed,
    tree.onDidChangeRows((uris) => changed.fire(uris)),
    vscode.window.registerFileDecorationProvider({
      onDidChangeFileDecorations: changed.event,
      provideFileDecoration(uri) {
        if (uri.scheme !== FINDING_ROW_SCHEME || !tree.isChangedRow(decodeURIComponent(uri.path.slice(1)))) return undefined;
        return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Status changed: the row stays here until you refresh the view' };
      },
    }),
  );
}
