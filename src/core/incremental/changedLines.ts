/** The lines an edit replaced: old lines `first..lastOld` (1-based, inclusive; empty for a pure insertion). */
export interface ChangedLines {
  first: number;
  lastOld: number;
}

/**
 * Where two versions of a text differ, as one span of lines: the lines both share at the top
 * and at the bottom are unchanged. Null when every line is the same. Linear in the lines.
 */
export function changedLines(before: readonly string[], after: readonly string[]): ChangedLines | null {
  const common = Math.min(before.length, after.length);
  let top = 0;
  while (top < common && before[top] === after[top]) top++;
  if (top === common && before.length === after.length) return null;
  let bottom = 0;
  while (bottom < common - top && before[before.length - 1 - bottom] === after[after.length - 1 - bottom]) bottom++;
  return { first: top + 1, lastOld: before.length - bottom };
}
