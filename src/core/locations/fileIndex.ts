import { posix } from 'node:path';

/**
 * The files of one root, for resolving a location as written in a report to a file:
 * exactly, relative to the report's folder, or by a unique path suffix. Paths are relative
 * to the root with `/` separators; anything that would leave the root resolves to null.
 */
export class FileIndex {
  private readonly files: Set<string>;
  private readonly byBase = new Map<string, string[]>();

  constructor(files: Iterable<string>, private readonly root: string = '') {
    this.files = new Set();
    for (const f of files) {
      this.files.add(f);
      const base = f.slice(f.lastIndexOf('/') + 1);
      const list = this.byBase.get(base);
      if (list) list.push(f);
      else this.byBase.set(base, [f]);
    }
  }

  get size(): number {
    return this.files.size;
  }

  has(relPath: string): boolean {
    return this.files.has(relPath);
  }

  /** The root-relative file a reference points to, or null when none or several match. */
  resolve(refPath: string, reportRelPath: string): string | null {
    let p = refPath.replace(/\\/g, '/');
    if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
      const root = this.root.replace(/\\/g, '/').replace(/\/$/, '');
      if (root === '' || !p.startsWith(root + '/')) return null;
      p = p.slice(root.length + 1);
    }
    const reportDir = posix.dirname(reportRelPath) === '.' ? '' : posix.dirname(reportRelPath);
    const relative = posix.normalize(posix.join(reportDir, p));
    if (p.split('/').includes('..')) {
      // Only a path relative to the report's folder can climb, and never out of the root.
      if (relative.startsWith('../') || relative === '..') return null;
      return this.files.has(relative) ? relative : null;
    }
    const exact = posix.normalize(p);
    if (this.files.has(exact)) return exact;
    if (this.files.has(relative)) return relative;
    const base = exact.slice(exact.lastIndexOf('/') + 1);
    const matches = (this.byBase.get(base) ?? []).filter((f) => f === exact || f.endsWith('/' + exact));
    return matches.length === 1 ? matches[0] : null;
  }
}
