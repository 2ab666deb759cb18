import type { LocationRef } from '../types';
import { isPathLike, MAX_PATH, normalizePath, resolveAgainstReport } from './paths';

/** How a report's links are judged: which repository is its own, and where the report sits. */
export interface LinkContext {
  /**
   * The repository the report's code links point to (`github.com/owner/repo`), `null` when the
   * report links to several repositories equally (none is its own), `undefined` when unknown.
   */
  homeRepo?: string | null;
  /** The report's path from the root, for links relative to the report's folder. */
  reportPath?: string;
}

const MAX_URL = 2048;

// `https://github.com/o/r/blob/<ref>/path#L10-L20`, `https://gitlab.com/g/sub/p/-/blob/<ref>/path#L5-9`.
// The owner/repo part is `[^/]+` segments before `/blob/`: one split on `/`, no backtracking.
interface BlobUrl {
  repo: string;
  path: string;
  anchor: string | undefined;
}

/** The repository, file and anchor of a code permalink, or null for any other URL. */
export function parseBlobUrl(url: string): BlobUrl | null {
  if (url.length > MAX_URL) return null;
  const scheme = /^https?:\/\//i.exec(url);
  if (!scheme) return null;
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const anchor = hash >= 0 ? url.slice(hash + 1) : undefined;
  const query = beforeHash.indexOf('?');
  const segs = (query >= 0 ? beforeHash.slice(0, query) : beforeHash).slice(scheme[0].length).split('/');
  const blob = segs.indexOf('blob');
  // host, at least owner and repo, `blob`, a ref, then the path.
  if (blob < 3 || segs.length < blob + 3) return null;
  const repoEnd = segs[blob - 1] === '-' ? blob - 1 : blob;
  const repo = segs.slice(0, repoEnd).join('/').toLowerCase();
  const path = segs.slice(blob + 2).join('/');
  return path === '' ? null : { repo, path: decodePath(path), anchor };
}

/** The `host/owner/repo` a permalink points into, or null. */
export function repoOfUrl(url: string): string | null {
  return parseBlobUrl(url)?.repo ?? null;
}

/**
 * The locations a URL names. Code permalinks always do, unless they point into another
 * repository than the report's own (a "see [source](…OpenZeppelin…)" reference is no location);
 * a link target that is a relative path does too (`[a.py:5](src/a.py#L5)`).
 */
export function refsFromUrl(url: string, isLinkTarget: boolean, ctx: LinkContext): LocationRef[] {
  const blob = parseBlobUrl(url);
  if (blob) {
    if (ctx.homeRepo !== undefined && blob.repo !== ctx.homeRepo) return [];
    return withAnchor(blob.path, blob.anchor);
  }
  if (!isLinkTarget || url.length > MAX_URL || /^[a-z][a-z+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return [];
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const query = beforeHash.indexOf('?');
  let path = decodePath(query >= 0 ? beforeHash.slice(0, query) : beforeHash);
  if (path.endsWith('/') || !isPathLike(path, false)) return [];
  if (ctx.reportPath !== undefined && (path.startsWith('./') || path.startsWith('../'))) {
    // Relative to the report's folder, as GitHub renders it.
    const resolved = resolveAgainstReport(path, ctx.reportPath);
    if (resolved === null) return [];
    path = resolved;
  }
  return withAnchor(path, hash >= 0 ? url.slice(hash + 1) : undefined);
}

// `L10`, `L10-L20`, `L10C5-L20C9`, `L5-9`, and URL-encoded `L275%20-%20L284`.
const LINE_ANCHOR = /^L(\d{1,7})(?:C\d{1,7})?(?:[ \t]*-[ \t]*L?(\d{1,7})(?:C\d{1,7})?)?$/;

function withAnchor(path: string, anchor: string | undefined): LocationRef[] {
  if (path.length > MAX_PATH) return [];
  const p = normalizePath(path);
  const lines = anchor !== undefined && anchor.length <= 64 ? LINE_ANCHOR.exec(decodePath(anchor)) : null;
  if (lines) {
    const s = Number(lines[1]);
    const e = lines[2] !== undefined ? Number(lines[2]) : s;
    return [{ path: p, startLine: s, endLine: Math.max(s, e) }];
  }
  return [{ path: p, startLine: null, endLine: null }];
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
