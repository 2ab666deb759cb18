// Buffer → live: how the editor's edits move a finding's lines, before anything is saved.
// Pure (no `vscode`), so that mocha tests the shipped logic. Lines are 1-based like the core's;
// columns are 0-based character offsets, as VS Code gives them.

/**
 * One text change, reduced to what line tracking needs: the replaced span of the text *before*
 * the change and the shape of the text put in its place.
 */
export interface LineChange {
  startLine: number;
  startChar: number;
  endLine: number;
  endChar: number;
  /** How many line breaks the inserted text holds. */
  newlines: number;
  /** Nothing is inserted (a deletion). */
  empty: boolean;
  /** The inserted text begins with a line break (Enter at a line's end). */
  leadingNewline: boolean;
  /** The inserted text ends with a line break (a whole line pasted above). */
  trailingNewline: boolean;
  /**
   * A pure insertion at the very end of its line. Known only when the adapter can tell (one
   * change in the event); false when unsure, which errs towards `touched`.
   */
  atLineEnd: boolean;
}

/** A range as the editor's edits left it. */
export interface LiveRange {
  startLine: number;
  endLine: number;
  /** An edit landed inside the range: the code there is not what the report cited. */
  touched: boolean;
  /** Every line of the range was deleted. */
  deleted: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The `LineChange` of replacing [start, end) by `text`. */
export function lineChangeOf(
  start: { line: number; character: number },
  end: { line: number; character: number },
  text: string,
  atLineEnd = false,
): LineChange {
  const newlines = text.match(LINE_BREAK)?.length ?? 0;
  return {
    startLine: start.line,
    startChar: start.character,
    endLine: end.line,
    endChar: end.character,
    newlines,
    empty: text.length === 0,
    leadingNewline: /^(\r\n|\r|\n)/.test(text),
    trailingNewline: /(\r\n|\r|\n)$/.test(text),
    atLineEnd: atLineEnd && start.line === end.line && start.character === end.character,
  };
}

/** A replacement of whole lines: `oldCount` lines from `startLine` became `newCount` lines (a diff hunk). */
export function hunkChange(startLine: number, oldCount: number, newCount: number): LineChange {
  return {
    startLine,
    startChar: 0,
    endLine: startLine + oldCount,
    endChar: 0,
    newlines: newCount,
    empty: newCount === 0,
    leadingNewline: false,
    trailingNewline: newCount > 0,
    atLineEnd: false,
  };
}

/**
 * Where a range is after one change. A change wholly above it shifts it; one wholly below
 * leaves it; one that deletes every line of it makes it `deleted`; anything else that reaches
 * into it makes it `touched`, and the range is stretched or shrunk around the change.
 */
export function shiftRange(range: LiveRange, c: LineChange): LiveRange {
  if (range.deleted) return range;
  const a = range.startLine;
  const b = range.endLine;
  const delta = c.newlines - (c.endLine - c.startLine);

  // Below: the change starts after the range, or is Enter typed at the end of its last line.
  if (c.startLine > b || (c.startLine === b && c.atLineEnd && c.leadingNewline)) return range;

  // Above: the change ends before the range, or exactly at the start of its first line while
  // leaving that line's text on a line of its own (the inserted text ends a line, or whole
  // lines are deleted).
  const endsAtRangeStart = c.endLine === a && c.endChar === 0;
  if (c.endLine < a || (endsAtRangeStart && (c.trailingNewline || (c.empty && c.startChar === 0)))) {
    return delta === 0 ? range : { ...range, startLine: a + delta, endLine: b + delta };
  }

  // Every line of the range deleted, whole: from the start of its first line (or before) to the
  // start of the line after it (or beyond), with nothing put in.
  const fromBefore = c.startLine < a || (c.startLine === a && c.startChar === 0);
  if (c.empty && fromBefore && c.endLine > b) {
    return { startLine: c.startLine, endLine: c.startLine, touched: true, deleted: true };
  }

  // Overlap. The first line: kept when the change starts at or after it; else where the text
  // after the change now begins (or the change's own start when the whole range was replaced).
  const startLine = a <= c.startLine ? a : b >= c.endLine ? c.startLine + c.newlines : c.startLine;
  const endLine = b >= c.endLine ? b + delta : c.startLine + c.newlines;
  return { startLine, endLine: Math.max(startLine, endLine), touched: true, deleted: false };
}

/** A range after a sequence of changes, applied in order (each relative to the text the previous left). */
export function shiftThrough(range: LiveRange, changes: readonly LineChange[], from = 0): LiveRange {
  let r = range;
  for (let i = from; i < changes.length && !r.deleted; i++) r = shiftRange(r, changes[i]);
  return r;
}
