import type { LocationRef } from '../types';
import { dedupeLocations } from './dedupeLocations';
import { codeSpans, inlineLinks } from './inlineSpans';
import { continuedLines, linesOfFile, parseLineList, trailingLines, TRAILING_WINDOW } from './lineLists';
import { hasFolder, isLibraryName, isPathLike, MAX_PATH, namesFile, normalizePath, trimEndOf } from './paths';
import { refsFromUrl, type LinkContext } from './urls';

export { dedupeLocations } from './dedupeLocations';
export { citedLines, orphanLines, parseLineList, proseLines } from './lineLists';
export { isPathLike, normalizePath } from './paths';
export type { LinkContext } from './urls';

/**
 * Where a line stands decides which file names without a line number count as locations:
 * - `prose`: a file in a code span (`` `YuzuILP.sol` ``) or a bare path with a folder;
 * - `title`: a heading or an item's first line: code spans, bare paths with a folder and bare
 *   names with a known extension ("duplicated in evolution.py and wisdom_engine.py");
 * - `field`: a labelled field (`**File:** router.go`) or a location cell: bare file names too;
 * - `comment`: the comment of a quoted code line (`// background.js expects async`).
 * A file with lines (`path:10`, `x.py (line 4)`, a permalink) counts everywhere.
 */
export type LocationContext = 'prose' | 'title' | 'field' | 'comment';

/**
 * A location and how it was written: `mention` marks a file named without lines in a title or
 * prose, which the finding driver weighs against its fields; `folder` whether it had a folder.
 */
export interface FoundLocation extends LocationRef {
  mention: boolean;
  folder: boolean;
}

/** No location is found past this many characters of one line: a line that long is data. */
export const MAX_LINE = 16 * 1024;
// Most prose lines name no file at all; skip them before any of the heavier scans.
const MAY_HOLD_LOCATION = /[`\]]|https?:|\w\.[A-Za-z*]|\/\*|Dockerfile|Makefile|Caddyfile|Jenkinsfile|Procfile|Gemfile|Rakefile|Vagrantfile|Justfile/;

export function locationsInText(text: string, context: LocationContext, links: LinkContext = {}): LocationRef[] {
  return dedupeLocations(findLocations(text, context, links)).map(({ path, startLine, endLine }) => ({ path, startLine, endLine }));
}

/** Every location a line names, tagged with how it was written (not yet deduplicated). */
export function findLocations(line: string, context: LocationContext, links: LinkContext = {}): FoundLocation[] {
  const text = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
  if (!MAY_HOLD_LOCATION.test(text)) return [];
  const out: FoundLocation[] = [];
  const add = (refs: LocationRef[], mention = false): void => {
    // Built field by field: a spread of refs made in several places runs the slow generic copy.
    for (const r of refs) out.push({ path: r.path, startLine: r.startLine, endLine: r.endLine, mention: mention && r.startLine === null, folder: hasFolder(r.path) });
  };
  // Offsets are kept: what is read is blanked, so later passes see the rest at the same places.
  const read: Array<[number, number]> = [];
  const blank = (start: number, end: number): void => {
    read.push([start, end]);
  };

  // 1. Link targets: blob permalinks and relative links with #L anchors. A link that points at
  // code says it all: its text (`PSM.sol#L258`) names the same place. Images are no locations.
  for (const l of inlineLinks(text)) {
    if (l.image) {
      blank(l.start, l.end);
      continue;
    }
    const refs = refsFromUrl(l.url, true, links);
    add(refs);
    blank(refs.length > 0 ? l.start : l.targetStart, l.end);
  }
  let rest = blanked(text, read);
  // Bare URLs: a `[^…]` run is consumed whole, so each character is read once.
  rest = rest.replace(/\bhttps?:\/\/[^\s)<>\]`'"]+/g, (url) => {
    add(refsFromUrl(url, false, links));
    return ' '.repeat(url.length);
  });

  // 2. `line 42 of x.py`, `lines 3-9 in \`src/a.go\``: the lines first, the file after.
  for (const [file, ranges] of linesOfFile(rest)) {
    const path = normalizePath(file);
    if (isPathLike(path, true)) add(ranges.map(([a, b]) => ({ path, startLine: a, endLine: b })));
  }

  // 3. Code spans: `path:10-20`, `a.go:86,101`, `router.go` followed by (lines 424, 449).
  const spans: Array<[number, number]> = [];
  for (const s of codeSpans(rest)) {
    spans.push([s.start, s.end]);
    if (s.content.length > MAX_PATH) continue;
    const trailing = trailingLines(rest.slice(s.end, s.end + TRAILING_WINDOW));
    for (const piece of splitSpan(s.content)) {
      const spec = readSpec(piece);
      if (spec === null) continue;
      if (spec.ranges.length > 0) {
        add(spec.ranges.map(([a, b]) => ({ path: spec.path, startLine: a, endLine: b })));
      } else if (trailing) {
        add(trailing.map(([a, b]) => ({ path: spec.path, startLine: a, endLine: b })));
      } else if (namesFile(spec.path) || (context === 'field' && spec.path.includes('*'))) {
        add([{ path: spec.path, startLine: null, endLine: null }], context !== 'field' && context !== 'comment');
      }
    }
  }
  rest = blanked(rest, spans);

  // 4. Bare tokens: `Dockerfile:17`, background.js:62, **base58.js (lines 73-81)**, models.py (line 49).
  // Escaped underscores of file names (`gurufocus\_tool.py`) read as underscores.
  const plain = rest.replace(/\\([_*])/g, '$1').replace(/\*/g, ' ');
  // A route folder (`app/[id]/page.tsx`) is part of a token; brackets and parentheses end it elsewhere.
  const TOKEN = /(?:\/\[\[?(?:\.\.\.)?[\w-]{1,100}\]\]?(?=\/)|\/\([\w-]{1,100}\)(?=\/)|[^\s()[\]{}<>"'`|])+/g;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(plain)) !== null) {
    if (m[0].length > MAX_PATH || !/\w\.[A-Za-z]|[:#]L?\d|file/i.test(m[0])) continue;
    const spec = readSpec(emphasisStripped(m[0]));
    if (spec === null) continue;
    const end = m.index + m[0].length;
    if (spec.ranges.length > 0) {
      // `overlay.js:528, 615`: the token ends at the space, the list goes on.
      const more = m[0].endsWith(',') ? continuedLines(plain.slice(end, end + TRAILING_WINDOW)) : [];
      add([...spec.ranges, ...more].map(([a, b]) => ({ path: spec.path, startLine: a, endLine: b })));
      continue;
    }
    const trailing = trailingLines(plain.slice(end, end + TRAILING_WINDOW));
    if (trailing) {
      add(trailing.map(([a, b]) => ({ path: spec.path, startLine: a, endLine: b })));
    } else if (bareCounts(spec.path, context)) {
      add([{ path: spec.path, startLine: null, endLine: null }], context === 'title' || context === 'prose');
    }
  }
  return out;
}

/** `text` with each range turned to spaces, so offsets stay where they were; one pass, no array of characters. */
function blanked(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges.length > 1 ? ranges.sort((a, b) => a[0] - b[0]) : ranges) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out += text.slice(at, from) + ' '.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/** Which file names written bare, without lines, each context reads as locations. */
function bareCounts(path: string, context: LocationContext): boolean {
  if (!namesFile(path)) return false;
  if (context === 'prose') return hasFolder(path);
  return true;
}

/** `_word_` emphasis around a token goes; `__init__.py` and `_helpers.py` stay. */
function emphasisStripped(token: string): string {
  let t = token;
  if (t.startsWith('_') && t.endsWith('_')) t = t.replace(/^_+/, '').replace(/_+$/, '');
  return t;
}

/** The pieces of a code span naming several places: `a.go, b.go`, `x.ts + y.ts`, `a.ts and b.ts`, `a.ts / b.ts`. */
function splitSpan(span: string): string[] {
  // `(?<!\s)` starts each separator at the beginning of its spaces: no retry inside a run.
  return span.split(/,[ \t]+(?=[^\d\s])|(?<!\s)[ \t]+(?:\+|and|&|\/)[ \t]+/);
}

interface Spec {
  path: string;
  ranges: Array<[number, number]>;
}

// After the file: `10`, `L10-L20`, `10:5`, `1,4-5`, `62–68`.
const LINE_SPEC = /^L?\d{1,7}(?::\d{1,7})?(?:[ \t]*[-–][ \t]*L?\d{1,7}(?::\d{1,7})?)?(?:[ \t]*,[ \t]*L?\d{1,7}(?:[ \t]*[-–][ \t]*L?\d{1,7})?)*(?![\w.])/;

/**
 * One reference written as `path`, `path:10-20`, `path#L10-L20`, `path:10:5`, `path:1,4-5`,
 * `server.rs::new_nonce`, `file.ts:someFunction()`, `path:add(), remove()`. Paths hold no `:`
 * (but a drive letter), so the first one after the drive splits the path from what follows:
 * one split, no retries.
 */
function readSpec(written: string): Spec | null {
  // Windows separators (`src\app\main.ts:3`) read as `/`.
  const s = trimEndOf(written.trim().replace(/\\(?=[\w.-])/g, '/'), '.,;:');
  if (s.length < 2 || s.length > MAX_PATH) return null;
  const drive = /^[A-Za-z]:\//.test(s) ? 2 : 0;
  let cut = -1;
  for (let i = drive; i < s.length; i++) {
    const c = s[i];
    if (c === ':' || (c === '#' && s[i + 1] === 'L') || c === ' ' || c === '\t') {
      cut = i;
      break;
    }
  }
  const path = normalizePath(cut < 0 ? s : s.slice(0, cut));
  const after = cut < 0 ? '' : s.slice(cut + 1);
  if (cut >= 0 && (s[cut] === ':' || s[cut] === '#')) {
    const lines = LINE_SPEC.exec(after);
    if (lines && isPathLike(path, true)) return { path, ranges: parseLineList(lines[0]) };
  }
  // What may follow a file without lines: `::fn`, `:fn()`, ` (component)`; anything else is prose.
  if (cut >= 0 && !(s[cut] === ':' && /^:?[A-Za-z_$]/.test(after)) && !(s[cut] !== ':' && s[cut] !== '#' && /^\(/.test(after))) return null;
  if (!isPathLike(path, false) || isLibraryName(path)) return null;
  return { path, ranges: [] };
}
