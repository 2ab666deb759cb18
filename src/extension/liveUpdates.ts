import * as vscode from 'vscode';
import type { FindingIndex } from './findingIndex';
import { INDEX_SETTINGS, type SettingsStore } from './settings';
import { KeyedThrottle } from './throttle';

/** Edits in an open report are parsed at most this often while the user types. */
const EDIT_INTERVAL_MS = 150;

export interface LiveUpdateDeps {
  index: FindingIndex;
  settings: SettingsStore;
}

/**
 * Keeps the index live with no manual refresh: file events (create, change, delete; a rename
 * is a delete and a create), unsaved edits of open reports, opening and closing them,
 * workspace folders and settings.
 */
export function registerLiveUpdates({ index, settings }: LiveUpdateDeps): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  // Per report being parsed after an edit: whether more edits came meanwhile. Those are parsed
  // once it is done, as one text: a report that takes longer to parse than the user takes to
  // type never builds a queue of stale texts in front of the latest one.
  const parsing = new Map<string, boolean>();
  const edits = new KeyedThrottle<string>(EDIT_INTERVAL_MS, (key) => {
    if (parsing.has(key)) {
      parsing.set(key, true);
      return;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!doc) return;
    parsing.set(key, false);
    void index.updateReportText(doc.uri, doc.getText(), doc.version).finally(() => {
      const more = parsing.get(key);
      parsing.delete(key);
      if (more) edits.schedule(key);
    });
  });
  disposables.push(edits);

  const isOpen = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const watchers: vscode.Disposable[] = [];
  const watchFolders = (): void => {
    vscode.Disposable.from(...watchers.splice(0)).dispose();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      watchers.push(
        w,
        w.onDidCreate((uri) => void index.pathCreated(uri)),
        // An open report follows its buffer; VS Code reloads the buffer when the file changes underneath.
        w.onDidChange((uri) => {
          if (!isOpen(uri) && index.isReport(uri)) void index.refreshReport(uri);
        }),
        w.onDidDelete((uri) => {
          index.fileDeleted(uri);
          index.removeReport(uri);
          // A deleted folder takes its reports with it.
          const prefix = uri.toString() + '/';
          for (const r of index.reports()) if (r.key.startsWith(prefix)) index.removeReport(r.uri);
        }),
      );
    }
  };
  watchFolders();
  disposables.push({ dispose: () => vscode.Disposable.from(...watchers.splice(0)).dispose() });

  disposables.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && index.isReport(e.document.uri)) edits.schedule(e.document.uri.toString());
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (index.isReport(doc.uri)) void index.updateReportText(doc.uri, doc.getText(), doc.version);
    }),
    // Closed without saving: what counts again is the file.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (index.isReport(doc.uri)) void index.refreshReport(doc.uri);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watchFolders();
      void index.reindex();
    }),
    settings.onDidChange((e) => {
      if (INDEX_SETTINGS.some((s) => e.affectsConfiguration(s))) void index.reindex();
    }),
  );
  return vscode.Disposable.from(...disposables);
}
