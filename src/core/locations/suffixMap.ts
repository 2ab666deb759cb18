/**
 * Files by every path suffix that starts at a segment (`a/b/c.ts` under `c.ts`, `b/c.ts` and
 * `a/b/c.ts`), each list in path order, so that "the files ending in this suffix inside this
 * folder" is one map lookup and two binary searches: a lookup costs O(path depth + log n),
 * whatever the number of files with the same name.
 */
export class SuffixMap {
  // A suffix held by one file maps to that path; a shared one to the sorted list of paths.
  private readonly bySuffix = new Map<string, string | string[]>();

  constructor(files: Iterable<string>) {
    // Sorted first, so that every list is in path order as it is built.
    for (const file of [...files].sort(byCodeUnit)) {
      this.add(file, file);
      for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) this.add(file.slice(slash + 1), file);
    }
  }

  /**
   * The files inside `folder` (root-relative, '' for the root) whose path ends with the
   * segment-aligned `suffix`: none, the one, or `'many'`.
   */
  within(suffix: string, folder: string): { kind: 'none' } | { kind: 'one'; file: string } | { kind: 'many' } {
    const entry = this.bySuffix.get(suffix);
    if (entry === undefined) return { kind: 'none' };
    if (typeof entry === 'string') return folder === '' || entry.startsWith(folder + '/') ? { kind: 'one', file: entry } : { kind: 'none' };
    if (folder === '') return { kind: 'many' };
    const prefix = folder + '/';
    const from = lowerBound(entry, prefix);
    const to = endOfPrefix(entry, from, prefix);
    return to - from === 0 ? { kind: 'none' } : to - from === 1 ? { kind: 'one', file: entry[from] } : { kind: 'many' };
  }

  private add(suffix: string, file: string): void {
    const entry = this.bySuffix.get(suffix);
    if (entry === undefined) this.bySuffix.set(suffix, file);
    else if (typeof entry === 'string') this.bySuffix.set(suffix, [entry, file]);
    else entry.push(file);
  }
}

/** The end of the run of paths starting with `prefix` that begins at `from` (paths with a prefix sort together). */
function endOfPrefix(sorted: readonly string[], from: number, prefix: string): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index whose path is not below `key` in code-unit order. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
