import type { TextEdit } from '../types';
import type { TrackedLocation } from './driftTypes';
import type { LocationText } from './locationText';

/** One location to update: where it is written, and where it is now. */
export interface LineNumberUpdate {
  text: LocationText;
  tracked: TrackedLocation;
}

/**
 * The minimal edits that rewrite the written line numbers of `moved` locations to their current
 * lines ("Update line numbers in report", CLI `remap`): only the digits change, so undo and
 * review stay small. Never inside a SHA-pinned permalink (its lines are right forever at that
 * commit), never for another state, and never when the written numbers are not the location's
 * (the text was found by path only). Edits are sorted and do not overlap.
 */
export function lineNumberEdits(reportText: string, updates: readonly LineNumberUpdate[]): TextEdit[] {
  const lineStarts = [0];
  for (let i = reportText.indexOf('\n'); i >= 0; i = reportText.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const edits: TextEdit[] = [];
  const seen = new Set<number>();
  for (const { text, tracked } of updates) {
    if (tracked.drift.state !== 'moved' || tracked.current === null || text.pinnedRev !== undefined) continue;
    const w = tracked.written;
    if (w.startLine === null || text.numbers.length === 0 || text.numbers[0].value !== w.startLine) continue;
    const wanted = [tracked.current.startLine, tracked.current.endLine];
    text.numbers.forEach((n, k) => {
      const start = lineStarts[text.line - 1] + n.startCol;
      if (n.value === wanted[k] || seen.has(start)) return;
      seen.add(start);
      edits.push({ start, end: lineStarts[text.line - 1] + n.endCol, newText: String(wanted[k]) });
    });
  }
  return edits.sort((a, b) => a.start - b.start);
}
