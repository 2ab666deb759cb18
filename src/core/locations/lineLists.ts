/**
 * Line numbers as reports write them. Every pattern here is anchored or split on single
 * characters, and the windows it reads are bounded, so the cost is linear in the text.
 */

// One range: `10`, `L10`, `10:5` (column dropped), `10-20`, `L10-L20`, `62–68`, `10 - 20`.
const RANGE = /^L?(\d{1,7})(?::\d{1,7})?(?:[ \t]*[-–][ \t]*L?(\d{1,7})(?::\d{1,7})?)?(?![\w.])/;

/** `162,174,186` → three lines; `206,212-213`; `L10-L20`; `10:5`; `62–68`; `15 and 184`; `20 & 22`. */
export function parseLineList(spec: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const raw of spec.split(/,|&|\band\b/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = RANGE.exec(part);
    if (!m) break;
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (a < 1) continue;
    out.push([a, b >= a ? b : a]);
  }
  return out;
}

// A list of ranges at the start of a text: `424, 449, 486`, `73-81`, `15 and 184`.
const LIST_AT_START = /^L?\d{1,7}(?::\d{1,7})?(?:[ \t]*[-–][ \t]*L?\d{1,7})?(?:[ \t]*(?:,|and|&)[ \t]*L?\d{1,7}(?:[ \t]*[-–][ \t]*L?\d{1,7})?)*/i;
// What may sit between a file and its lines: `(lines 424, 449)`, `, line 62–68`, ` line 262`, ` at line 5`, ` (L40-L52)`.
const LINES_LEAD = /^[ \t]*(?:[(,:][ \t]*)?(?:(?:at[ \t]+)?lines?[ \t]+|(?=L\d))/i;
/** How far after a file name its lines may be written. */
export const TRAILING_WINDOW = 80;

/** The lines written right after a file name (`router.go` (lines 424, 449)), or null. */
export function trailingLines(after: string): Array<[number, number]> | null {
  const text = after.slice(0, TRAILING_WINDOW);
  const lead = LINES_LEAD.exec(text);
  if (!lead) return null;
  const list = LIST_AT_START.exec(text.slice(lead[0].length));
  if (!list) return null;
  const ranges = parseLineList(list[0]);
  return ranges.length > 0 ? ranges : null;
}

/** More lines after a list cut by a space: `overlay.js:528,` followed by ` 615`. */
export function continuedLines(after: string): Array<[number, number]> {
  const list = LIST_AT_START.exec(after.slice(0, TRAILING_WINDOW).trimStart());
  return list ? parseLineList(list[0]) : [];
}

/** Line numbers with no file on a `**Lines Changed**: 28 (import), 217, 283` line. */
export function orphanLines(value: string): Array<[number, number]> {
  // `[^()]*` stops at the next parenthesis, so runs of `(` cost one pass.
  return parseLineList(value.replace(/\([^()]*\)/g, ' ').replace(/\blines?\b/gi, ' '));
}

// `at lines 414-446`, `on line 5`, `in lines 3 and 9`.
const PROSE_LINES = /\b(?:at|on|in)[ \t]+lines?[ \t]+(?=L?\d)/gi;
// `(line 114)`, `(line 282: …`, `(lines 3-9)`; not `\(lines 3-9\)`, a user's note escaped inert.
const CITED_LINES = /(?<!\\)\([ \t]*lines?[ \t]+(?=L?\d)/gi;

/**
 * Lines that prose places in the finding's one file: "Added methods at lines 414-446".
 * Code spans are skipped: they name other things.
 */
export function proseLines(text: string): Array<[number, number]> {
  return linesAfter(PROSE_LINES, text);
}

/** Lines cited in parentheses: "populated in `processFile` (line 114)", a citation of the finding's one file. */
export function citedLines(text: string): Array<[number, number]> {
  return linesAfter(CITED_LINES, text);
}

function linesAfter(lead: RegExp, text: string): Array<[number, number]> {
  const plain = text.replace(/`[^`]*`/g, ' ');
  const out: Array<[number, number]> = [];
  lead.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lead.exec(plain)) !== null) {
    const at = m.index + m[0].length;
    const list = LIST_AT_START.exec(plain.slice(at, at + TRAILING_WINDOW));
    if (list) out.push(...parseLineList(list[0]));
  }
  return out;
}

// `line 42 of x.py`, `lines 3-9 in src/a.go`: the lines come first, the file after.
const LINES_OF_FILE = /\blines?[ \t]+(L?\d{1,7}(?:[ \t]*[-–][ \t]*L?\d{1,7})?)[ \t]+(?:of|in)[ \t]+`?([^\s`*]{2,200})/gi;

/** `line 42 of x.py`: [file as written, ranges] pairs. */
export function linesOfFile(text: string): Array<[string, Array<[number, number]>]> {
  const out: Array<[string, Array<[number, number]>]> = [];
  LINES_OF_FILE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINES_OF_FILE.exec(text)) !== null) out.push([m[2], parseLineList(m[1])]);
  return out;
}
