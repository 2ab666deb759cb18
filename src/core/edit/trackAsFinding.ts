import { directiveComment } from '../detect/directives';
import { scanLines, type ScannedLine } from '../markdown/scanLines';
import { parseReport } from '../parseReport';
import type { TextEdit } from '../types';
import { STATUS_LABELS } from '../vocabulary/status';
import { applyTextEdits } from './applyTextEdits';
import { changedOthers } from './changedOthers';
import type { ReaderEditResult } from './markNotFinding';
import { nameList, ReaderEditError } from './readerEditError';
import { ReportLines } from './reportLines';

export interface TrackResult extends ReaderEditResult {
  /** How the finding was made: its status line, or a `<!-- audit-lens: findings -->` comment. */
  by: 'status' | 'comment';
}

interface Attempt {
  by: TrackResult['by'];
  edit: TextEdit;
  /** The edit adds `added` lines before line `at`. */
  at: number;
  added: number;
}

/**
 * Track as Finding, on a heading or list item the reader did not take as a finding: writes
 * its status line as a status change would (`**Status:** Open` under a heading, after a blank
 * line; ` **Status:** Open` at the end of an item's first line). When that alone does not make
 * the reader take it, a `<!-- audit-lens: findings -->` comment goes on the line before it
 * instead. Either edit is made only if re-reading lists the block as a finding and every other
 * finding as it was; otherwise a `ReaderEditError` says why and nothing is written.
 */
export function trackAsFinding(text: string, line: number): TrackResult {
  const lines = scanLines(text);
  const l = lines[line - 1] as ScannedLine | undefined;
  if (!l || (l.kind !== 'heading' && l.kind !== 'listItem')) {
    throw new ReaderEditError('not-a-block', `Line ${line} is not a heading or a list item; Track as Finding works on those. Nothing was written.`);
  }
  const before = parseReport(text).findings;
  const already = before.find((f) => f.reportRange.startLine === line);
  if (already) throw new ReaderEditError('already-a-finding', `Line ${line} is already the finding ${already.id}. Nothing was written.`);
  const holder = before.filter((f) => f.reportRange.startLine < line && line <= f.reportRange.endLine).pop();
  if (holder) {
    throw new ReaderEditError('inside-finding', `Line ${line} is part of the finding ${holder.id}; mark that one Not a Finding first to track its parts. Nothing was written.`);
  }
  const doc = new ReportLines(text);
  let firstRefusal: string[] = [];
  for (const attempt of [statusAttempt(doc, lines, l), commentAttempt(doc, line)]) {
    const after = parseReport(applyTextEdits(text, [attempt.edit])).findings;
    const target = attempt.by === 'comment' ? line + 1 : line;
    const added = after.find((f) => f.reportRange.startLine === target);
    if (!added) continue;
    const changed = changedOthers(before, after, attempt, null, added);
    if (changed.length === 0) return { edits: [attempt.edit], finding: added, by: attempt.by };
    if (firstRefusal.length === 0) firstRefusal = changed;
  }
  if (firstRefusal.length > 0) {
    throw new ReaderEditError('changes-others', `Tracking line ${line} as a finding would also ${nameList(firstRefusal)}. Nothing was written.`);
  }
  throw new ReaderEditError(
    'not-honoured',
    `Neither a status line nor a findings comment makes the reader take line ${line} as a finding (run Explain Report Reading to see why). Nothing was written.`,
  );
}

/** Whether a line is a heading or a list item (outside code), where Track as Finding may be offered. */
export function isTrackableLine(text: string, line: number): boolean {
  const kind = scanLines(text)[line - 1]?.kind;
  return kind === 'heading' || kind === 'listItem';
}

const OPEN = `**Status:** ${STATUS_LABELS.open}`;

/** The status line, written where a status change writes it. */
function statusAttempt(doc: ReportLines, lines: readonly ScannedLine[], l: ScannedLine): Attempt {
  if (l.kind === 'heading') {
    // Under the underline of a setext heading; a blank line before, and after unless one follows.
    const last = lines[l.line]?.kind === 'setextUnderline' ? l.line + 1 : l.line;
    const eol = doc.eol(last);
    const blankNext = last >= lines.length || lines[last].kind === 'blank';
    const at = doc.offset(last, doc.lineText(last).length);
    return { by: 'status', edit: { start: at, end: at, newText: `${eol}${eol}${OPEN}${blankNext ? '' : eol}` }, at: last + 1, added: blankNext ? 2 : 3 };
  }
  const end = doc.offset(l.line, doc.lineText(l.line).trimEnd().length);
  return { by: 'status', edit: { start: end, end, newText: ` ${OPEN}` }, at: l.line + 1, added: 0 };
}

/** The findings comment on the line before, indented as the block is. */
function commentAttempt(doc: ReportLines, line: number): Attempt {
  const indent = /^[ \t]*/.exec(doc.lineText(line))![0];
  const at = doc.offset(line);
  return { by: 'comment', edit: { start: at, end: at, newText: `${indent}${directiveComment('findings')}${doc.eol(line)}` }, at: line, added: 1 };
}
