import { posix } from 'node:path';
import { SuffixMap } from './suffixMap';

/**
 * The files of one root, for resolving a location as written in a report to a file the way a
 * person reading the report would. Paths are relative to the root with `/` separators;
 * anything that would leave the root resolves to null.
 */
export class FileIndex {
  private readonly files: Set<string>;
  private readonly suffixes: SuffixMap;

  constructor(files: Iterable<string>, private readonly root: string = '') {
    this.files = new Set(files);
    this.suffixes = new SuffixMap(this.files);
  }

  get size(): number {
    return this.files.size;
  }

  has(relPath: string): boolean {
    return this.files.has(relPath);
  }

  /**
   * The root-relative file a reference points to, or null when none or several match.
   *
   * A path is read from where the report stands: against the report's own folder, then each
   * folder above it up to the root, nearest first (`src/x.ts` in `services/a/docs/audit.md`
   * is `services/a/src/x.ts` when that exists, before a `src/x.ts` of the root). Failing
   * that, as the end of a longer path (`x.ts` for `src/x.ts`), looked for in the report's
   * folder, then in each folder above it: the nearest folder holding any such file decides,
   * and only when it holds exactly one. So a report of one service never resolves to
   * another service's file that the report's own service also has, and a name that two
   * files of the report's own service share stays unresolved rather than guessed.
   * A path with `..` is read from the report's folder only; an absolute path only inside the
   * root, as the root-relative path it names.
   */
  resolve(refPath: string, reportRelPath: string): string | null {
    const reading = readWrittenPath(refPath, reportRelPath, this.root);
    for (const candidate of reading.exact) if (this.files.has(candidate)) return candidate;
    for (const folder of reading.suffixFolders) {
      const found = this.suffixes.within(reading.wanted, folder);
      if (found.kind === 'one') return found.file;
      // A wider folder only holds more of them.
      if (found.kind === 'many') return null;
    }
    return null;
  }
}

/** How `FileIndex.resolve` reads a written path, before it looks at any file. */
export interface WrittenPathReading {
  /** The root-relative paths the written path names exactly, in the order they are tried. */
  exact: string[];
  /** The path to look for as the end of a longer one ('' when none is). */
  wanted: string;
  /** The folders to look for it in, nearest first; empty when it is not looked for so. */
  suffixFolders: string[];
}

/**
 * The exact candidates of a written path and where its suffix search runs, in
 * `FileIndex.resolve`'s order. Exported so that whoever asks which of them exist elsewhere (git
 * at a past commit, without listing its tree) tries them in the same order as the index does.
 */
export function readWrittenPath(refPath: string, reportRelPath: string, root = ''): WrittenPathReading {
  const none: WrittenPathReading = { exact: [], wanted: '', suffixFolders: [] };
  let p = refPath.includes('\\') ? refPath.replace(/\\/g, '/') : refPath;
  const absolute = p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  if (absolute) {
    const r = root.replace(/\\/g, '/').replace(/\/$/, '');
    if (r === '' || !p.startsWith(r + '/')) return none;
    p = p.slice(r.length + 1);
  }
  const slash = reportRelPath.lastIndexOf('/');
  const reportDir = slash < 0 ? '' : posix.dirname(reportRelPath);
  if (p.includes('..') && p.split('/').includes('..')) {
    // Only a path relative to the report's folder can climb, and never out of the root.
    const relative = posix.normalize(posix.join(absolute ? '' : reportDir, p));
    if (relative.startsWith('../') || relative === '..') return none;
    return { exact: [relative], wanted: '', suffixFolders: [] };
  }
  // Most written paths are already normal (`src/a.ts`), and normalizing them would cost more
  // than the rest of this call, which runs for every location of every scan.
  const wanted = NOT_NORMAL.test(p) ? posix.normalize(p) : p;
  if (wanted === '.' || wanted === '' || wanted.startsWith('/')) return none;
  const folders = ancestors(reportDir === '.' ? '' : reportDir);
  // An absolute path names a file from the root, not from the report's folder.
  const exact = absolute ? [wanted] : folders.map((folder) => (folder === '' ? wanted : `${folder}/${wanted}`));
  return { exact, wanted, suffixFolders: folders };
}

/** What `posix.normalize` would change: an empty, `.` or `..` segment (a trailing `/` it keeps). */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** A folder and each folder above it, nearest first, the root ('') last. */
function ancestors(folder: string): string[] {
  const out: string[] = [];
  for (let f = folder; f !== ''; f = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '') out.push(f);
  out.push('');
  return out;
}
