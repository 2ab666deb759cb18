import { directiveComment } from '../detect/directives';
import { parseReport } from '../parseReport';
import type { Finding, TextEdit } from '../types';
import { applyTextEdits } from './applyTextEdits';
import { changedOthers } from './changedOthers';
import { nameList, ReaderEditError } from './readerEditError';
import { ReportLines } from './reportLines';

/** A finding as the reader lists it now: by its unique id, or by the line its block starts on. */
export type FindingTarget = { id: string } | { line: number };

export interface ReaderEditResult {
  /** Offset edits on the text that was passed in: one insertion. */
  edits: TextEdit[];
  /** The finding as the reader read it before the edit (Not a Finding) or reads it after (Track as Finding). */
  finding: Finding;
}

/**
 * Not a Finding: the edit that puts `<!-- audit-lens: ignore -->` on its own line right before
 * the block of a finding (its heading, list item or table row), indented as that line is, so
 * that a nested item's comment stays inside its parent item. Made only if re-reading shows the
 * finding gone and every other finding as it was; otherwise a `ReaderEditError` says why.
 */
export function markNotFinding(text: string, target: FindingTarget): ReaderEditResult {
  const before = parseReport(text).findings;
  const finding = findTarget(before, target);
  const at = finding.reportRange.startLine;
  // A line between two rows ends a Markdown table (on GitHub too): the rows after it would show as text.
  if (finding.kind === 'tableRow' || finding.kind === 'codeLine') {
    throw new ReaderEditError(
      'not-honoured',
      `${finding.id} is a ${KIND[finding.kind]}: a comment there would break the ${finding.kind === 'tableRow' ? 'table' : 'code block'}. Put <!-- audit-lens: not-findings --> before the whole ${finding.kind === 'tableRow' ? 'table' : 'block'}, or the heading above it. Nothing was written.`,
    );
  }
  const doc = new ReportLines(text);
  const indent = /^[ \t]*/.exec(doc.lineText(at))![0];
  const offset = doc.offset(at);
  const edit: TextEdit = { start: offset, end: offset, newText: `${indent}${directiveComment('ignore')}${doc.eol(at)}` };
  const after = parseReport(applyTextEdits(text, [edit])).findings;
  const stays = after.find((f) => f.reportRange.startLine === at + 1 && f.title === finding.title);
  if (stays) {
    throw new ReaderEditError(
      'not-honoured',
      `An ignore comment before line ${at} would not drop ${finding.id}: the reader does not read a comment there as one for this ${KIND[finding.kind]}. Nothing was written.`,
    );
  }
  const changed = changedOthers(before, after, { at, added: 1 }, finding, null);
  if (changed.length > 0) {
    throw new ReaderEditError('changes-others', `An ignore comment before line ${at} would not only drop ${finding.id} but also ${nameList(changed)}. Nothing was written.`);
  }
  return { edits: [edit], finding };
}

const KIND: Record<Finding['kind'], string> = { heading: 'heading', listItem: 'list item', tableRow: 'table row', paragraph: 'paragraph', codeLine: 'line' };

function findTarget(findings: readonly Finding[], target: FindingTarget): Finding {
  const found =
    'id' in target
      ? (findings.find((f) => f.id === target.id) ?? findings.find((f) => f.id.toLowerCase() === target.id.toLowerCase()))
      : findings.find((f) => f.reportRange.startLine === target.line);
  if (found) return found;
  const which = 'id' in target ? `with id "${target.id}"` : `starts at line ${target.line}`;
  throw new ReaderEditError('unknown-finding', `No finding ${which} in the report as it is now. Nothing was written.`);
}
