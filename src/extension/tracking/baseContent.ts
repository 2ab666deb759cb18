import * as vscode from 'vscode';

// `auditlens-base:` documents: a file as it was at a commit, for Compare with base. Served by
// a `BaseFileReader` (`GitBaseFileReader`: `git cat-file blob <base>:./<path>`), so the diff does not depend on
// the git extension's internal `git:` URI format.

export const BASE_SCHEME = 'auditlens-base';

export interface BaseFileReader {
  /** The file's text at the commit; rejects with a one-line reason. */
  read(root: string, commit: string, path: string, signal: AbortSignal): Promise<string>;
}

/** The URI of `path` (root-relative) at `commit` in the repository at `root`. */
export function baseUri(root: string, commit: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: BASE_SCHEME, path: '/' + path, query: JSON.stringify({ root, commit }) });
}

/** Reads a base URI back; undefined when it is not one of ours. */
export function parseBaseUri(uri: vscode.Uri): { root: string; commit: string; path: string } | undefined {
  try {
    const q = JSON.parse(uri.query) as { root?: unknown; commit?: unknown };
    if (typeof q.root !== 'string' || typeof q.commit !== 'string' || !/^[0-9a-f]{4,64}$/i.test(q.commit)) return undefined;
    return { root: q.root, commit: q.commit, path: uri.path.replace(/^\//, '') };
  } catch {
    return undefined;
  }
}

/** The content provider; with no reader (git not wired, Restricted Mode) it explains instead of failing silently. */
export class BaseContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly reader: () => BaseFileReader | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const at = parseBaseUri(uri);
    if (!at) throw new Error(`Audit Lens: not a base revision URI: ${uri.toString(true).slice(0, 200)}`);
    const reader = this.reader();
    if (!reader) throw new Error('Audit Lens: the file at a base revision can only be read with git, which is off here (Restricted Mode, auditLens.followCode, or not available).');
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await reader.read(at.root, at.commit, at.path, abort.signal);
    } finally {
      sub.dispose();
    }
  }
}
