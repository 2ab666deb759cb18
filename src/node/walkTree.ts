import { realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Reads one folder's entries: synchronously for the CLI, through the thread pool for the extension. */
export type ReadFolder = (absolutePath: string) => Dirent[] | Promise<Dirent[]>;

export interface WalkOptions {
  /** A folder (relative, `/` separators) that is not entered. */
  excludedFolder(rel: string): boolean;
  /** Asked between folders: true stops the walk (what was found so far is returned). */
  cancelled?(): boolean;
  /** The folder to list (relative to the root, `/` separators); the whole root when left out. */
  from?: string;
}

/**
 * Every file under `realRoot` (a real path: no symlink in it), relative with `/` separators and
 * sorted, without leaving it: excluded folders are not entered, symlinked folders are not
 * followed, and a symlinked file counts only if it points inside the root. The CLI and the
 * extension list a folder the same way, so a report is found by both or by neither.
 */
export async function walkTree(realRoot: string, read: ReadFolder, options: WalkOptions): Promise<string[]> {
  const files: string[] = [];
  const pending: string[] = [options.from ?? ''];
  while (pending.length > 0 && !options.cancelled?.()) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await read(join(realRoot, dir));
    } catch {
      continue;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!options.excludedFolder(rel)) pending.push(rel);
      } else if (e.isFile()) {
        files.push(rel);
      } else if (e.isSymbolicLink() && symlinkedFileInside(realRoot, rel)) {
        files.push(rel);
      }
    }
  }
  return files.sort();
}

function symlinkedFileInside(realRoot: string, rel: string): boolean {
  try {
    const target = realpathSync(join(realRoot, rel));
    return isInside(realRoot, target) && statSync(target).isFile();
  } catch {
    return false;
  }
}

/** Whether an absolute path lies inside (or is) the root. */
export function isInside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}
