import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs git in `cwd`; throws with git's message, and says so clearly when git is not installed. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', LC_ALL: 'C' } });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('git is not installed: these tests need git on PATH (CI has it, since it clones). Install git; they are never skipped.');
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** `n` distinct lines `prefix 1` … `prefix n`, newline-terminated. */
export function numbered(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_v, i) => `${prefix} ${i + 1}`);
}

export const text = (lines: readonly string[]): string => lines.join('\n') + '\n';

/** A fresh temporary folder (its real path) with an empty repository at `<dir>/repo`, commits unsigned. */
export function tempRepo(prefix: string): { dir: string; repo: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const repo = join(dir, 'repo');
  git(dir, 'init', '-q', '-b', 'main', repo);
  git(repo, 'config', 'commit.gpgsign', 'false');
  return { dir, repo };
}
