import { runGit, type GitOptions } from '../../node/git';
import type { BaseFileReader } from './baseContent';

// The `auditlens-base:` documents' text (Compare with <base>): a file as it was at a commit. No
// `vscode` here, so that it is tested against real git in Node.

/** A file at a base bigger than this is not opened in a diff (the git adapter's cap is for whole diffs). */
export const MAX_BASE_FILE_BYTES = 16 * 1024 * 1024;

const COMMIT = /^[0-9a-f]{4,64}$/i;

/**
 * Reads `<commit>:./<path>` with `git cat-file blob`: the bytes as committed, with no textconv,
 * no filter and no pager (`git show` would apply a textconv driver the repository configures),
 * through `runGit` (no shell, timeout, output cap). The object name starts with the commit id,
 * checked to be hex, so no report text can become an option; `./` reads the path from the
 * folder the request names, as every other path of the adapter is.
 */
export class GitBaseFileReader implements BaseFileReader {
  constructor(private readonly options: GitOptions = {}) {}

  async read(root: string, commit: string, path: string, signal: AbortSignal): Promise<string> {
    if (!COMMIT.test(commit)) throw new Error(`Audit Lens: "${commit.slice(0, 80)}" is not a commit id.`);
    if (path === '' || path.includes('\n')) throw new Error('Audit Lens: no file path to read at the base revision.');
    const r = await runGit(root, ['cat-file', 'blob', `${commit}:./${path}`], { ...this.options, maxBytes: Math.min(this.options.maxBytes ?? MAX_BASE_FILE_BYTES, MAX_BASE_FILE_BYTES) });
    if (signal.aborted) throw new Error('Audit Lens: cancelled.');
    if (!r.ok) throw new Error(`Audit Lens: ${path} at ${commit.slice(0, 7)} could not be read with git: ${r.message}`);
    return r.stdout.toString('utf8');
  }
}
