import type { Finding, LocationRef } from '../types';

/** Where one location is written in the report. Columns are 0-based UTF-16 offsets in the line. */
export interface LocationText {
  /** 1-based report line. */
  line: number;
  /** The written text: the path as written and its line suffix (`src/util.ts:10-12`, `util.ts#L10-L12`). */
  text: string;
  startCol: number;
  endCol: number;
  /** The written start and end numbers, with their columns, when the text carries them. */
  numbers: Array<{ value: number; startCol: number; endCol: number }>;
  /** The commit of the permalink this text sits in (`/blob/<sha>/…`), as written; undefined outside a SHA-pinned link. */
  pinnedRev?: string;
}

// What may follow a path to give its lines: `:10`, `:10-12`, `:L10-L12`, `#L10`, `#L10-L12`, `#L10C2-L12C5`,
// ` (lines 10-12)`, `, line 10`, ` L10-12`.
const SUFFIX = /^(?::L?(\d{1,7})(?::\d{1,5})?(?:\s*[-–]\s*L?(\d{1,7}))?|#L(\d{1,7})(?:C\d{1,5})?(?:-L?(\d{1,7})(?:C\d{1,5})?)?|(?:,|\s\(?)\s*(?:lines?|L)\s*(\d{1,7})(?:\s*[-–]\s*(\d{1,7}))?)/i;
const PINNED = /^https?:\/\/\S*?\/(?:-\/)?blob\/([0-9a-f]{7,40})\/\S*$/i;

/**
 * Finds a location's written text inside its finding's lines: the occurrence of its path whose
 * numbers are the location's, else (for a file-level location) the first occurrence of the
 * path. The reader keeps only normalized locations, so this searches the text again; a reader
 * field with the span would make it exact.
 */
export function locationText(reportLines: readonly string[], finding: Pick<Finding, 'reportRange'>, loc: LocationRef): LocationText | null {
  const first = Math.max(1, finding.reportRange.startLine);
  const last = Math.min(reportLines.length, finding.reportRange.endLine);
  // Every occurrence with the location's numbers; a SHA-pinned permalink among them names the
  // base, so it wins over the link text beside it (`[a.ts:10](…/blob/<sha>/a.ts#L10)`).
  const matches: LocationText[] = [];
  let fallback: LocationText | null = null;
  for (const [needle, whole] of pathForms(loc.path)) {
    for (let n = first; n <= last; n++) {
      const line = reportLines[n - 1];
      if (line.length > 4000) continue;
      for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
        if (at > 0 && (wordChar(line.charCodeAt(at - 1)) || line[at - 1] === '.' || line[at - 1] === '-')) continue;
        if (at > 0 && line[at - 1] === '/' && !whole) continue;
        const end = at + needle.length;
        if (end < line.length && wordChar(line.charCodeAt(end))) continue;
        const found = readSuffix(line, n, at, end);
        if (loc.startLine === null) return found;
        const [s, e] = [found.numbers[0]?.value, found.numbers[1]?.value ?? found.numbers[0]?.value];
        if (s === loc.startLine && e === (loc.endLine ?? loc.startLine)) matches.push(found);
        else if (found.numbers.length === 0) fallback ??= found;
      }
    }
    // The longest form that is written wins; shorter suffixes would only find it again.
    if (matches.length > 0) break;
  }
  if (matches.length === 0) return fallback;
  const byPlace = matches.sort((a, b) => a.line - b.line || a.startCol - b.startCol);
  return byPlace.find((m) => m.pinnedRev !== undefined && m.line === byPlace[0].line) ?? byPlace[0];
}

/**
 * The path as written, then its shorter suffixes (a report may write `util.ts` for
 * `src/util.ts`); each also URL-encoded when that differs, as a permalink writes
 * `app/%5Bid%5D/page.tsx` for `app/[id]/page.tsx`.
 */
function* pathForms(path: string): Generator<[needle: string, whole: boolean]> {
  // A generator: the whole path is nearly always the form that is written, so the suffixes and
  // their encodings are made only when it is not found (this runs once per location per mapping).
  const needsEncoding = /[^\w\-.!~*'()/]/.test(path);
  for (let at = 0, i = 0; at >= 0; at = path.indexOf('/', at) + 1 || -1, i++) {
    const p = path.slice(at);
    yield [p, i === 0];
    if (needsEncoding) {
      const encoded = p.split('/').map(encodeURIComponent).join('/');
      if (encoded !== p) yield [encoded, i === 0];
    }
  }
}

/** A letter, digit or `_` (any script): a path found inside a longer word is not that path. */
function wordChar(code: number): boolean {
  // ASCII is answered without a pattern: this runs for every occurrence of every cited path.
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function readSuffix(line: string, n: number, at: number, end: number): LocationText {
  const rest = line.slice(end, end + 40);
  const m = SUFFIX.exec(rest);
  const numbers: LocationText['numbers'] = [];
  let endCol = end;
  if (m) {
    endCol = end + m[0].length;
    let search = end;
    for (const g of [m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]]) {
      if (g === undefined) continue;
      const col = line.indexOf(g, search);
      numbers.push({ value: Number(g), startCol: col, endCol: col + g.length });
      search = col + g.length;
    }
  }
  // The URL the path sits in, if any: the text from the last space, `(` or `<` before it.
  const before = line.slice(Math.max(0, at - 400), at);
  const pinned = PINNED.exec(before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('('), before.lastIndexOf('<')) + 1));
  return { line: n, text: line.slice(at, endCol), startCol: at, endCol, numbers, ...(pinned ? { pinnedRev: pinned[1].toLowerCase() } : {}) };
}
