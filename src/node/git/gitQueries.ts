import { parseRawDiff, pushAll, type FileDelta } from '../../core';
import type { CatFileBatch } from './catFileBatch';
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
 * HEAD's commit id, or null in a repository with no commit yet; or the reason there is no
 * repository. Asked through the run's `cat-file` process, which fails as a whole outside a
 * repository (so this is also the repository check).
 */
export async function headOf(cat: CatFileBatch): Promise<{ head: string | null } | { error: string }> {
  const r = await cat.read(['HEAD']);
  if ('error' in r) return r;
  return { head: r[0]?.type === 'commit' ? r[0].oid : null };
}

/** A stamp of the uncommitted state of tracked files: which ones differ, and their size and time as git's index sees them. */
export async function dirtyStamp(g: GitFolder): Promise<string> {
  const r = await runGit(g.cwd, ['diff', '--raw', '-z', '--no-ext-diff', '--no-textconv', '--relative', '--abbrev=40', 'HEAD'], g.options);
  return r.ok ? r.stdout.toString('utf8') : `error:${r.message}`;
}

/**
 * Each candidate commit as written → its full id, or null when this clone lacks it, asked all
 * at once. Only hex strings are asked about (`HEAD~1`, `--output=…` written in a report never
 * reach git); a non-hex candidate maps to null.
 */
export async function resolveCommits(cat: CatFileBatch, candidates: Iterable<string>): Promise<Map<string, string | null>> {
  const revs = [...new Set(candidates)];
  const out = new Map<string, string | null>(revs.map((r) => [r, null]));
  const asked = revs.filter((r) => HEX.test(r));
  if (asked.length === 0) return out;
  const r = await cat.read(asked.map((rev) => `${rev}^{commit}`));
  if ('error' in r) return out;
  asked.forEach((rev, i) => out.set(rev, r[i]?.type === 'commit' ? r[i]!.oid : null));
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

/** The text of each file at `rev` (a full commit id or `HEAD`; null when absent). */
export async function filesAt(cat: CatFileBatch, rev: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(paths.map((p) => [p, null]));
  if (paths.length === 0 || !/^([0-9a-f]{40,64}|HEAD)$/.test(rev)) return out;
  // `<rev>:./<path>` is relative to the folder git runs in, as every path here is.
  const r = await cat.read(paths.map((p) => `${rev}:./${p}`));
  if ('error' in r) return out;
  paths.forEach((p, i) => out.set(p, r[i]?.type === 'blob' ? r[i]!.content.toString('utf8') : null));
  return out;
}

/**
 * Which of the given paths are files of commit `base` (a full id), without listing its tree:
 * the tracker asks for the one or two paths a written path can mean exactly, and lists the tree
 * (`treeFiles`) only when neither is there.
 */
export async function filesExistAt(cat: CatFileBatch, base: string, paths: readonly string[]): Promise<Set<string> | null> {
  if (paths.length === 0) return new Set();
  const r = await cat.read(paths.map((p) => `${base}:./${p}`));
  if ('error' in r) return null;
  // A submodule's commit is listed by `ls-tree -r` too, so it counts as a file here as well.
  return new Set(paths.filter((_p, i) => r[i]?.type === 'blob' || r[i]?.type === 'commit'));
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
    pushAll(all, parseRawDiff(r.stdout.toString('utf8')));
  }
  return all;
}

/**
 * The renames from `base` to the working tree over the whole folder, each with its hunks (a
 * rename is only seen when both of its paths are in the pathspec, so a path-limited diff shows a
 * deletion). Renamed files are few, and carrying their hunks here spares a second diff of each
 * renamed pair after this answer: one git process fewer on the way to the first mapping.
 */
export async function renamesSince(g: GitFolder, base: string): Promise<FileDelta[]> {
  const r = await runGit(g.cwd, ['diff', '--raw', '-p', '-z', ...DIFF_FLAGS, '-l2000', '--diff-filter=R', base], g.options);
  return r.ok ? parseRawDiff(r.stdout.toString('utf8')) : [];
}
