import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { makeFolderExcluder, makeReportMatcher } from '../core';

export interface RootListing {
  /** Every file under the root (relative, `/` separators), for resolving locations. */
  files: string[];
  /** The files that the include/exclude globs select as reports. */
  reports: string[];
}

/**
 * Lists a root's files without leaving it: excluded folders are not entered, symlinked
 * folders are not followed, and a symlinked file counts only if it points inside the root.
 */
export async function walkRoot(root: string, include?: readonly string[], exclude?: readonly string[]): Promise<RootListing> {
  const realRoot = await fs.realpath(root);
  const isReport = makeReportMatcher(include, exclude);
  const isExcludedDir = makeFolderExcluder(exclude);
  const files: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(join(realRoot, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!isExcludedDir(rel)) pending.push(rel);
      } else if (e.isFile()) {
        files.push(rel);
      } else if (e.isSymbolicLink() && (await symlinkedFileInside(realRoot, rel))) {
        files.push(rel);
      }
    }
  }
  files.sort();
  return { files, reports: files.filter(isReport) };
}

async function symlinkedFileInside(realRoot: string, rel: string): Promise<boolean> {
  try {
    const target = await fs.realpath(join(realRoot, rel));
    return isInside(realRoot, target) && (await fs.stat(target)).isFile();
  } catch {
    return false;
  }
}

/** Whether an absolute path lies inside (or is) the root. */
export function isInside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}

/** A root-relative path with `/` separators. */
export function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
