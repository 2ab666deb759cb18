import { parseRawDiff, type FileDelta } from '../../core';
import { chunkPaths, runGit, type GitOptions } from './runGit';

/** One git repository, seen from a folder inside it: every path in and out is relative to that folder. */
export interface GitFolder {
  cwd: string;
  /** The folder's path inside the repository (`packages/app/`), '' at the top. */
  prefix: string;
  options: GitOptions;
}

const DIFF_FLAGS = ['--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--relative', '-U0', '-M', '--abbrev=40'];
const HEX = /^[0-9a-f]{7,40}$/;

/**
 * The folder's repository and HEAD's commit id (null in a repository with no commit yet), in
 * one process when there is a HEAD; or the reason there is no repository.
 */
export async function openFolder(cwd: string, options: GitOptions): Promise<{ folder: GitFolder; head: string | null } | { error: string }> {
  const both = await runGit(cwd, ['rev-parse', '--show-prefix', 'HEAD^{commit}'], options);
  if (both.ok) {
    const [prefix, head] = both.stdout.toString('utf8').split('\n');
    return { folder: { cwd, prefix: prefix.trim(), options }, head: head.trim() };
  }
  const r = await runGit(cwd, ['rev-parse', '--show-prefix'], options);
  if (!r.ok) return { error: /not a git repository/i.test(r.message) ? 'not in a git repository' : r.message };
  return { folder: { cwd, prefix: r.stdout.toString('utf8').trim(), options }, head: null };
}

/** A stamp of the uncommitted state of tracked files: which ones differ, and their size and time as git's index sees them. */
export async function dirtyStamp(g: GitFolder): Promise<string> {
  const r = await runGit(g.cwd, ['diff', '--raw', '-z', '--no-ext-diff', '--no-textconv', '--relative', '--abbrev=40', 'HEAD'], g.options);
  return r.ok ? r.stdout.toString('utf8') : `error:${r.message}`;
}

/**
 * Each candidate commit as written → its full id, or null when this clone lacks it: one
 * `cat-file --batch-check` for all. Only hex strings are asked about (`HEAD~1`, `--output=…`
 * written in a report are never passed to git); a non-hex candidate maps to null.
 */
export async function resolveCommits(g: GitFolder, candidates: Iterable<string>): Promise<Map<string, string | null>> {
  const revs = [...new Set(candidates)];
  const out = new Map<string, string | null>(revs.map((r) => [r, null]));
  const asked = revs.filter((r) => HEX.test(r));
  if (asked.length === 0) return out;
  const r = await runGit(g.cwd, ['cat-file', '--batch-check'], g.options, asked.map((rev) => `${rev}^{commit}\n`).join(''));
  if (!r.ok) return out;
  const lines = r.stdout.toString('utf8').split('\n');
  asked.forEach((rev, i) => {
    const m = /^([0-9a-f]{40}) commit \d+$/.exec(lines[i] ?? '');
    out.set(rev, m ? m[1] : null);
  });
  return out;
}

/** `git log -p -U0` of the reports, newest first, one walk for all (see `parseReportLog`). */
export async function reportLog(g: GitFolder, reports: readonly string[]): Promise<string | null> {
  let text = '';
  for (const chunk of chunkPaths(reports)) {
    const r = await runGit(g.cwd, ['log', '-p', '--no-renames', '--no-show-signature', ...DIFF_FLAGS.filter((f) => f !== '-M' && f !== '--abbrev=40'), '--format=%x00%H%x00%ct', 'HEAD', '--', ...chunk], g.options);
    if (!r.ok) return null;
    text += r.stdout.toString('utf8');
  }
  return text;
}

/** The text of each file at `rev` (a full commit id or `HEAD`; null when absent), by one `cat-file --batch`. */
export async function filesAt(g: GitFolder, rev: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(paths.map((p) => [p, null]));
  if (paths.length === 0 || !/^([0-9a-f]{40}|HEAD)$/.test(rev)) return out;
  // `<rev>:./<path>` is relative to the folder git runs in, as every path here is.
  const r = await runGit(g.cwd, ['cat-file', '--batch'], g.options, paths.map((p) => `${rev}:./${p}\n`).join(''));
  if (!r.ok) return out;
  const buf = r.stdout;
  let pos = 0;
  for (const p of paths) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8');
    const m = /^[0-9a-f]{40} blob (\d+)$/.exec(header);
    if (!m) {
      pos = nl + 1;
      continue;
    }
    const size = Number(m[1]);
    out.set(p, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return out;
}

/** The files of a commit under the folder (immutable, so cacheable for good). */
export async function treeFiles(g: GitFolder, base: string): Promise<string[] | null> {
  const r = await runGit(g.cwd, ['ls-tree', '-r', '-z', '--name-only', base], g.options);
  return r.ok ? r.stdout.toString('utf8').split('\0').filter((p) => p !== '') : null;
}

/** `git diff --raw -p -U0 -M` from `base` to the working tree for the given paths (argv-chunked). */
export async function diffPaths(g: GitFolder, base: string, paths: readonly string[]): Promise<FileDelta[] | { error: string }> {
  const all: FileDelta[] = [];
  for (const chunk of chunkPaths(paths)) {
    const r = await runGit(g.cwd, ['diff', '--raw', '-p', '-z', ...DIFF_FLAGS, base, '--', ...chunk], g.options);
    if (!r.ok) return { error: r.message };
    all.push(...parseRawDiff(r.stdout.toString('utf8')));
  }
  return all;
}

/**
 * The renames from `base` to the working tree over the whole folder, names only (a rename is
 * only seen when both of its paths are in the pathspec, so a path-limited diff shows a deletion).
 */
export async function renamesSince(g: GitFolder, base: string): Promise<FileDelta[]> {
  const r = await runGit(g.cwd, ['diff', '--raw', '-z', '-M', '-l2000', '--diff-filter=R', '--no-ext-diff', '--no-textconv', '--relative', '--abbrev=40', base], g.options);
  return r.ok ? parseRawDiff(r.stdout.toString('utf8')) : [];
}
