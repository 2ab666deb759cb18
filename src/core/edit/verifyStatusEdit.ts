import type { Finding, Status, TextEdit } from '../types';

/**
 * Whether an edit changed nothing but the target's status: after it, the report has the
 * same findings in the same order, each with the same id, title, severity, kind and
 * locations (the target included), every other finding the same status and body, and
 * every report range the same once shifted by the lines the edit added.
 */
export function changesOnlyStatus(text: string, edit: TextEdit, before: readonly Finding[], after: readonly Finding[], target: number, next: Status): boolean {
  if (after.length !== before.length) return false;
  const editLine = countNewlines(text, 0, edit.start) + 1;
  const delta = countNewlines(edit.newText, 0, edit.newText.length) - countNewlines(text, edit.start, edit.end);
  return before.every((b, i) => {
    const a = after[i];
    // A finding the re-read reused as it was: the same values, only its lines are left to check.
    const same =
      (a === b || (a.id === b.id &&
      a.title === b.title &&
      a.severity === b.severity &&
      a.kind === b.kind &&
      JSON.stringify(a.locations) === JSON.stringify(b.locations))) &&
      a.reportRange.startLine === b.reportRange.startLine + (b.reportRange.startLine > editLine ? delta : 0) &&
      a.reportRange.endLine === b.reportRange.endLine + (b.reportRange.endLine >= editLine ? delta : 0);
    return same && (i === target ? a.status === next : a === b || (a.status === b.status && a.body === b.body));
  });
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // \r\n counts once, a lone \r as a line break of its own.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
