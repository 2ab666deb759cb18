import * as vscode from 'vscode';

/** `auditLens.followCode`: how findings follow the code. */
export type FollowCode = 'git' | 'edits' | 'off';

const MODES: readonly FollowCode[] = ['git', 'edits', 'off'];

/** The setting for a folder (resource scope); anything unknown reads as the default, `git`. */
export function readFollowCode(folder: vscode.Uri | undefined): FollowCode {
  const value = vscode.workspace.getConfiguration('auditLens', folder).get<unknown>('followCode');
  return MODES.includes(value as FollowCode) ? (value as FollowCode) : 'git';
}

/** Git runs only in a trusted workspace: a repository's config can name programs git would run. */
export function effectiveFollowCode(folder: vscode.Uri | undefined): FollowCode {
  const mode = readFollowCode(folder);
  return mode === 'git' && !vscode.workspace.isTrusted ? 'edits' : mode;
}
