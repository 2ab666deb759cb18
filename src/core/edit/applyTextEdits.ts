import type { TextEdit } from '../types';

/** Applies non-overlapping offset edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.start < 0 || e.end < e.start || e.end > text.length || e.end > limit) {
      throw new RangeError(`Invalid or overlapping edit [${e.start}, ${e.end})`);
    }
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
