import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { walkTree } from '../node/walkTree';
import { FolderFilter } from './folderFilter';
import { joinGlobs } from './globs';
import type { FolderSettings } from './settings';
import { relativePath } from './uris';

/**
 * Every file of a workspace folder (or of a folder inside it), as paths relative to the
 * workspace folder, minus `auditLens.reports.exclude` and `files.exclude`: the list both the
 * reports and the location index come from.
 *
 * A folder on disk is walked by the extension host itself, as the CLI walks it (`walkTree`):
 * a file search goes through the editor's window, which is busiest when a workspace opens, and
 * made the first diagnostics of a 1,000-report workspace wait over a second for a listing that
 * takes a tenth of that. Other file systems (virtual workspaces) use the file search.
 */
export async function listFolder(
  folder: vscode.WorkspaceFolder,
  settings: FolderSettings,
  token?: vscode.CancellationToken,
  under: vscode.Uri = folder.uri,
): Promise<string[]> {
  if (folder.uri.scheme === 'file' && under.scheme === 'file') return walkFolder(folder, settings, token, under);
  // Passing findFiles an exclude switches off its own `files.exclude` handling, so both go in.
  const exclude = joinGlobs([...settings.exclude, ...settings.filesExclude]);
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(under, '**/*'), exclude ?? null, undefined, token);
  const out: string[] = [];
  for (const uri of uris) {
    const rel = relativePath(folder.uri, uri);
    if (rel !== undefined) out.push(rel);
  }
  return out.sort();
}

async function walkFolder(folder: vscode.WorkspaceFolder, settings: FolderSettings, token: vscode.CancellationToken | undefined, under: vscode.Uri): Promise<string[]> {
  const from = under.path.replace(/\/$/, '') === folder.uri.path.replace(/\/$/, '') ? '' : relativePath(folder.uri, under);
  if (from === undefined) return [];
  let root: string;
  try {
    root = await fsp.realpath(folder.uri.fsPath);
  } catch {
    return []; // the folder is gone
  }
  const filter = new FolderFilter(settings);
  if (from !== '' && filter.isExcludedFolder(from)) return [];
  const files = await walkTree(root, (dir) => fsp.readdir(dir, { withFileTypes: true }), {
    from,
    excludedFolder: (rel) => filter.isExcludedFolder(rel),
    cancelled: () => token?.isCancellationRequested === true,
  });
  // The walk entered no excluded folder: each file is tested by its own path only.
  return files.filter((rel) => !filter.isExcludedItself(rel));
}
