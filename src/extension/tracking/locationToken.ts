import type { LineRange, LocationRef, TextEdit } from '../../core';

// Where a location is written in its report, and the edit that gives it new line numbers.
// Interim: the reader does not yet record a location's span (issue #5's `LocationRef.span`),
// and the core's `updateLocationLines` (issue #10, core half) is not merged; until then the
// token is found again in the finding's own lines. Pure.

/** A location's line numbers as written in the report: the 0-based columns of the numbers on a 1-based line. */
export interface LocationToken {
  line: number;
  /** The whole token, from the path to the last number. */
  startCol: number;
  endCol: number;
  /** The numbers only (`10-12` of `src/a.ts:10-12`, `L10-L12` of `a.ts#L10-L12`). */
  numbersStart: number;
  numbersEnd: number;
  /** Inside a permalink pinned to a commit: its lines are right forever at that commit. */
  pinned: boolean;
}

// After the path: `:10`, `:10-12`, `:10:5` (a column), `#L10`, `#L10-L12`, `#L10-12`, ` (lines 10-12)`.
const NUMBERS = /^(?::(\d+)(?:\s*[-–]\s*(\d+))?|#L(\d+)(?:-L?(\d+))?)/;
/** A blob or tree link whose ref is a commit id (7 to 40 hex digits, as GitHub and GitLab accept). */
const PINNED = /\/(?:-\/)?(?:blob|tree)\/[0-9a-f]{7,40}\/[^\s)>\]]*$/i;

/**
 * The token of `ref` in the report's lines `range` (1-based), matched by its path and its
 * written numbers; null when it is not written that way (a table's separate line column, say).
 */
export function findLocationToken(lines: readonly string[], range: LineRange, ref: LocationRef): LocationToken | null {
  if (ref.startLine === null) return null;
  for (let n = range.startLine; n <= Math.min(range.endLine, lines.length); n++) {
    const text = lines[n - 1] ?? '';
    for (let at = text.indexOf(ref.path); at >= 0; at = text.indexOf(ref.path, at + 1)) {
      const after = at + ref.path.length;
      const m = NUMBERS.exec(text.slice(after));
      if (!m) continue;
      const start = Number(m[1] ?? m[3]);
      const endText = m[2] ?? m[4];
      const end = endText === undefined ? start : Number(endText);
      if (start !== ref.startLine || end !== (ref.endLine ?? ref.startLine)) continue;
      // After the `:` or the `#`.
      const numbersStart = after + 1;
      return {
        line: n,
        startCol: at,
        endCol: after + m[0].length,
        numbersStart,
        numbersEnd: after + m[0].length,
        pinned: PINNED.test(text.slice(0, after)),
      };
    }
  }
  return null;
}

/** `10-12`, or `L10-L12` in a `#L` anchor: the numbers of `lines` in the token's own style. */
export function numbersText(token: LocationToken, lineText: string, lines: LineRange): string {
  const old = lineText.slice(token.numbersStart, token.numbersEnd);
  const single = lines.startLine === lines.endLine && !/[-–]/.test(old);
  if (old.startsWith('L')) {
    const secondL = /-L/.test(old);
    return single ? `L${lines.startLine}` : `L${lines.startLine}-${secondL ? 'L' : ''}${lines.endLine}`;
  }
  const dash = /–/.test(old) ? '–' : '-';
  const spaced = /\s[-–]\s/.test(old);
  return single ? `${lines.startLine}` : `${lines.startLine}${spaced ? ` ${dash} ` : dash}${lines.endLine}`;
}

/** Offsets of each line's start in `text` (line 1 at index 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export interface LineUpdate {
  ref: LocationRef;
  /** The finding's lines in the report, where the token is looked for. */
  reportRange: LineRange;
  /** The lines the location covers now. */
  current: LineRange;
}

/**
 * The edits that write each location's current lines over its written ones: only the numbers
 * change, never a pinned permalink's. Returns the edits and the updates that could not be made,
 * with why.
 */
export function lineNumberEdits(reportText: string, updates: readonly LineUpdate[]): { edits: TextEdit[]; skipped: Array<{ update: LineUpdate; reason: string }> } {
  const lines = reportText.split(/\r\n|\r|\n/);
  const starts = lineStarts(reportText);
  const edits: TextEdit[] = [];
  const skipped: Array<{ update: LineUpdate; reason: string }> = [];
  const taken = new Set<number>();
  for (const u of updates) {
    const token = findLocationToken(lines, u.reportRange, u.ref);
    if (!token) {
      skipped.push({ update: u, reason: `${u.ref.path}:${u.ref.startLine} is not written as path:line in its finding` });
      continue;
    }
    if (token.pinned) {
      skipped.push({ update: u, reason: `${u.ref.path}:${u.ref.startLine} is in a permalink pinned to a commit` });
      continue;
    }
    const start = starts[token.line - 1] + token.numbersStart;
    if (taken.has(start)) continue;
    taken.add(start);
    edits.push({ start, end: starts[token.line - 1] + token.numbersEnd, newText: numbersText(token, lines[token.line - 1], u.current) });
  }
  return { edits: edits.sort((a, b) => a.start - b.start), skipped };
}
