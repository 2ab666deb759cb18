import type { LocationRef } from '../types';

// Suffixes are taken at most this many folders deep: enough for any real path, and it bounds
// the work per path.
const MAX_SUFFIXES = 16;

/** `a/b/c.ts` → `b/c.ts`, `c.ts`: the shorter ways a report may write the same file. */
function properSuffixes(path: string): string[] {
  const out: string[] = [];
  let at = path.indexOf('/');
  while (at >= 0 && out.length < MAX_SUFFIXES) {
    if (at + 1 < path.length) out.push(path.slice(at + 1));
    at = path.indexOf('/', at + 1);
  }
  return out;
}

const key = (path: string, start: number | null, end: number | null): string => `${path}\0${start}\0${end}`;

/**
 * Drops duplicates; a file-level reference when the same file is also cited with lines; and
 * `tool.py:5` when `src/tool.py:5` is cited too (a link's text and its target), or `tool.py`
 * alone when any longer path ends with it. Sets and maps keep it linear in the references.
 */
export function dedupeLocations(refs: readonly LocationRef[]): LocationRef[] {
  // One reference has nothing to duplicate (most findings cite one place).
  if (refs.length < 2) return refs.slice();
  const withLines = new Set<string>();
  const shorterPaths = new Set<string>();
  const shorterRefs = new Set<string>();
  for (const r of refs) {
    if (r.startLine !== null) withLines.add(r.path);
    for (const s of properSuffixes(r.path)) {
      shorterPaths.add(s);
      shorterRefs.add(key(s, r.startLine, r.endLine));
    }
  }
  const seen = new Set<string>();
  const out: LocationRef[] = [];
  for (const r of refs) {
    if (r.startLine === null && withLines.has(r.path)) continue;
    if (shorterRefs.has(key(r.path, r.startLine, r.endLine))) continue;
    if (r.startLine === null && shorterPaths.has(r.path)) continue;
    const k = key(r.path, r.startLine, r.endLine);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/** How many different files the references name, counting `a.ts` and `src/a.ts` as one. */
export function distinctFiles(refs: readonly LocationRef[]): string[] {
  const shorter = new Set<string>();
  for (const r of refs) for (const s of properSuffixes(r.path)) shorter.add(s);
  return [...new Set(refs.map((r) => r.path).filter((p) => !shorter.has(p)))];
}
