import * as vscode from 'vscode';

/** The path of `uri` relative to `folder` with `/` separators, or undefined when outside it. */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** The root the core's FileIndex strips from absolute paths written in a report. */
export function folderRoot(folder: vscode.Uri): string {
  return folder.scheme === 'file' ? folder.fsPath : folder.path;
}

/** A link that opens a file at a line (VS Code's opener reads the `#L12` fragment). */
export function uriAtLine(uri: vscode.Uri, line: number): vscode.Uri {
  return uri.with({ fragment: `L${line}` });
}

/** A path as the UI shows it: relative to its folder, prefixed by the folder's name in a multi-root workspace. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
