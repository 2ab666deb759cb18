import { readdirSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { makeFolderExcluder, makeReportMatcher } from '../core';
import { walkTree } from '../node/walkTree';

export interface RootListing {
  /** Every file under the root (relative, `/` separators), for resolving locations. */
  files: string[];
  /** The files that the include/exclude globs select as reports. */
  reports: string[];
}

/**
 * Lists a root's files (see `walkTree`). The calls are synchronous: one folder after another,
 * they cost less than as round trips through the thread pool (a warm scan of the bench's
 * 1,000-report monorepo was a quarter idle).
 */
export async function walkRoot(root: string, include?: readonly string[], exclude?: readonly string[]): Promise<RootListing> {
  const isReport = makeReportMatcher(include, exclude);
  const files = await walkTree(realpathSync(root), (dir) => readdirSync(dir, { withFileTypes: true }), { excludedFolder: makeFolderExcluder(exclude) });
  return { files, reports: files.filter(isReport) };
}


/** A root-relative path with `/` separators. */
export function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
