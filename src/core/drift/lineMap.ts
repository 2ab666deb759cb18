import type { LineRange } from '../types';

/**
 * One replacement: old lines [oldStart, oldStart + oldLen) became new lines
 * [newStart, newStart + newLen). 1-based. A side of length 0 is normalized to the line *before
 * which* the change sits: git's `@@ -60,0 +68 @@` (insert after old line 60) is stored as
 * oldStart 61. `removed`/`added` carry the text of the `-`/`+` lines when the diff gives it.
 */
export interface Hunk {
  oldStart: number;
  oldLen: number;
  newStart: number;
  newLen: number;
  removed?: readonly string[];
  added?: readonly string[];
}

/** Sorted, non-overlapping hunks of one file: base lines → current lines. */
export interface LineMap {
  hunks: readonly Hunk[];
}

export const IDENTITY: LineMap = { hunks: [] };

/** What became of one range of base lines. */
export interface RangeMapping {
  /** `exact`: untouched, same lines; `moved`: untouched, shifted; `changed`: edited, some lines survive; `gone`: every line removed. */
  state: 'exact' | 'moved' | 'changed' | 'gone';
  /** The current lines (first to last surviving line for `changed`); null for `gone`. */
  range: LineRange | null;
}

/**
 * Normalizes a `-U0` hunk header's numbers (see `Hunk`): git names the line *after which* a
 * zero-length side sits; we store the line before which it sits, so that every hunk reads
 * "old lines from oldStart" the same way.
 */
export function hunkFromHeader(oldStart: number, oldLen: number, newStart: number, newLen: number): Hunk {
  return { oldStart: oldLen === 0 ? oldStart + 1 : oldStart, oldLen, newStart: newLen === 0 ? newStart + 1 : newStart, newLen };
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The hunk a diff's `@@ -a,b +c,d @@` line opens (a missing length is 1), or null for any other line. */
export function hunkOfHeaderLine(line: string): Hunk | null {
  const m = HUNK_HEADER.exec(line);
  return m ? hunkFromHeader(Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])) : null;
}

/** Where one surviving base line is now, or null when a hunk removed it. */
export function mapLine(map: LineMap, line: number): number | null {
  let delta = 0;
  for (const h of map.hunks) {
    if (line < h.oldStart) break;
    if (line < h.oldStart + h.oldLen) return null;
    delta += h.newLen - h.oldLen;
  }
  return line + delta;
}

/**
 * Maps a range of base lines through a line map. An insertion strictly inside the range (between
 * two cited lines) counts as an edit of the range; one just above or below it only shifts it.
 */
export function mapRange(map: LineMap, range: LineRange): RangeMapping {
  let touched = false;
  for (const h of map.hunks) {
    if (h.oldStart > range.endLine) break;
    const insideInsert = h.oldLen === 0 && h.oldStart > range.startLine && h.oldStart <= range.endLine;
    const overlaps = h.oldLen > 0 && h.oldStart <= range.endLine && h.oldStart + h.oldLen - 1 >= range.startLine;
    if (insideInsert || overlaps) {
      touched = true;
      break;
    }
  }
  if (!touched) {
    const start = mapLine(map, range.startLine)!;
    const end = start + (range.endLine - range.startLine);
    return { state: start === range.startLine ? 'exact' : 'moved', range: { startLine: start, endLine: end } };
  }
  let first: number | null = null;
  let last: number | null = null;
  for (let l = range.startLine; l <= range.endLine; l++) {
    const now = mapLine(map, l);
    if (now === null) continue;
    if (first === null) first = now;
    last = now;
  }
  return first === null || last === null ? { state: 'gone', range: null } : { state: 'changed', range: { startLine: first, endLine: last } };
}

/**
 * A line map for one edit: lines [startLine, endLine] replaced by `insertedLineCount` lines
 * (endLine = startLine - 1 for a pure insertion before startLine). The editor's live edits
 * become maps this way, and compose with the git map.
 */
export function lineMapFromChange(startLine: number, endLine: number, insertedLineCount: number): LineMap {
  const oldLen = endLine - startLine + 1;
  if (oldLen === 0 && insertedLineCount === 0) return IDENTITY;
  return { hunks: [{ oldStart: startLine, oldLen, newStart: startLine, newLen: insertedLineCount }] };
}

/**
 * The map of applying `a` then `b` (base → a's result → b's result), as one map from a's old
 * lines to b's new lines. Hunks of both maps are laid out on the middle text (a's new = b's
 * old); hunks that overlap or touch there merge into one replacement, so the result stays
 * O(edited regions). Removed/added text is kept only on hunks that did not merge.
 *
 * With the normalization of `Hunk`, a hunk's oldStart is its newStart minus the net shift of
 * the hunks before it; so a merged group's old start is its middle start minus a's shift before
 * the group, and its old end its middle end minus a's shift up to the end of the group (and the
 * same on b's side, plus instead of minus).
 */
export function composeLineMaps(a: LineMap, b: LineMap): LineMap {
  if (b.hunks.length === 0) return a;
  if (a.hunks.length === 0) return b;
  type Part = { side: 'a' | 'b'; h: Hunk; mStart: number; mEnd: number };
  const parts: Part[] = [
    ...a.hunks.map((h) => ({ side: 'a' as const, h, mStart: h.newStart, mEnd: h.newStart + h.newLen })),
    ...b.hunks.map((h) => ({ side: 'b' as const, h, mStart: h.oldStart, mEnd: h.oldStart + h.oldLen })),
  ].sort((x, y) => x.mStart - y.mStart || x.mEnd - y.mEnd);
  const out: Hunk[] = [];
  let shiftA = 0;
  let shiftB = 0;
  let i = 0;
  while (i < parts.length) {
    const mStart = parts[i].mStart;
    let mEnd = parts[i].mEnd;
    let j = i + 1;
    while (j < parts.length && parts[j].mStart <= mEnd) {
      mEnd = Math.max(mEnd, parts[j].mEnd);
      j++;
    }
    const group = parts.slice(i, j);
    let groupA = 0;
    let groupB = 0;
    for (const p of group) {
      if (p.side === 'a') groupA += p.h.newLen - p.h.oldLen;
      else groupB += p.h.newLen - p.h.oldLen;
    }
    const oldStart = mStart - shiftA;
    const oldEnd = mEnd - shiftA - groupA;
    const newStart = mStart + shiftB;
    const newEnd = mEnd + shiftB + groupB;
    const single = group.length === 1 ? group[0].h : undefined;
    // Lines inserted by one map and deleted by the next leave nothing: no hunk, no edit.
    if (oldEnd > oldStart || newEnd > newStart) out.push({
      oldStart,
      oldLen: oldEnd - oldStart,
      newStart,
      newLen: newEnd - newStart,
      ...(single?.removed ? { removed: single.removed } : {}),
      ...(single?.added ? { added: single.added } : {}),
    });
    shiftA += groupA;
    shiftB += groupB;
    i = j;
  }
  return { hunks: out };
}
