import type { Finding } from '../types';

/** An edit that inserts `added` whole lines before line `at` (0 for an edit within a line). */
export interface LineShift {
  at: number;
  added: number;
}

/**
 * What an edit did to the findings besides the one it was meant to add or remove, in words
 * (empty when nothing else changed). Findings are matched by where they start, shifted by the
 * lines the edit added; a match must keep its id, title, severity, status, kind, locations and
 * end line. A finding whose lines hold the insertion point may gain those lines in its body;
 * every other body must stay the same.
 */
export function changedOthers(before: readonly Finding[], after: readonly Finding[], shift: LineShift, removed: Finding | null, addedFinding: Finding | null): string[] {
  const moved = (line: number): number => (line >= shift.at ? line + shift.added : line);
  const afterByStart = new Map(after.filter((f) => f !== addedFinding).map((f) => [f.reportRange.startLine, f]));
  const out: string[] = [];
  for (const b of before) {
    if (b === removed) continue;
    const a = afterByStart.get(moved(b.reportRange.startLine));
    afterByStart.delete(moved(b.reportRange.startLine));
    if (!a) {
      out.push(`drop ${b.id}`);
      continue;
    }
    const holds = b.reportRange.startLine < shift.at && shift.at <= b.reportRange.endLine;
    const same =
      a.id === b.id &&
      a.title === b.title &&
      a.severity === b.severity &&
      a.status === b.status &&
      a.kind === b.kind &&
      JSON.stringify(a.locations) === JSON.stringify(b.locations) &&
      a.reportRange.endLine === moved(b.reportRange.endLine) &&
      (holds || a.body === b.body);
    if (!same) out.push(`change ${b.id}`);
  }
  for (const a of afterByStart.values()) out.push(`add "${a.title}" (line ${a.reportRange.startLine})`);
  return out;
}
