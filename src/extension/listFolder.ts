import * as vscode from 'vscode';
import { joinGlobs } from './globs';
import type { FolderSettings } from './settings';
import { relativePath } from './uris';

/**
 * Every file of a workspace folder (or of a folder inside it), as paths relative to the
 * workspace folder, minus `auditLens.reports.exclude` and `files.exclude`: one file search,
 * from which both the reports and the location index come. (Passing findFiles an exclude
 * switches off its own `files.exclude` handling, so both go in.)
 */
export async function listFolder(
  folder: vscode.WorkspaceFolder,
  settings: FolderSettings,
  token?: vscode.CancellationToken,
  under: vscode.Uri = folder.uri,
): Promise<string[]> {
  const exclude = joinGlobs([...settings.exclude, ...settings.filesExclude]);
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(under, '**/*'), exclude ?? null, undefined, token);
  const out: string[] = [];
  for (const uri of uris) {
    const rel = relativePath(folder.uri, uri);
    if (rel !== undefined) out.push(rel);
  }
  return out.sort();
}
