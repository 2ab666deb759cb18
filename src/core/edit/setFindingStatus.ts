import { ReportLines } from './reportLines';
import { applyTextEdits } from './applyTextEdits';
import { fieldsInLine, STATUS_LABELS_READ, type Field } from '../markdown/fields';
import { parseReportState, reparseReport } from '../incremental/reparseReport';
import { splitRow, type Cell } from '../detect/readTable';
import { scanLines, type ScannedLine } from '../markdown/scanLines';
import { STATUSES, type Finding, type Status, type TextEdit } from '../types';
import { escapeNote } from './escapeNote';
import { composeStatusValue } from './statusValue';
import { changesOnlyStatus } from './verifyStatusEdit';

export interface StatusEditOptions {
  /** Free text written after the status; escaped so that it reads as plain words. */
  note?: string;
  /** A date (e.g. `2026-11-23`) written with the status; never with `open`. */
  date?: string;
}

export interface StatusEditResult {
  /** Offset edits on the text that was passed in; empty when nothing changes. */
  edits: TextEdit[];
  finding: Finding;
  previous: Status;
  /** The status written. */
  status: Status;
}

export class StatusEditError extends Error {
  constructor(
    readonly code: 'unknown-id' | 'unknown-status' | 'unwritable' | 'note-rejected',
    message: string,
  ) {
    super(message);
    this.name = 'StatusEditError';
  }
}

/** A status as a user types it: `fixed`, `Fixed`, `false positive`, `false-positive`, `FALSE_POSITIVE`. */
export function normalizeStatus(input: string): Status | null {
  const key = input.trim().toLowerCase().replace(/[\s_-]+/g, '_');
  return (STATUSES as readonly string[]).includes(key) ? (key as Status) : null;
}

/**
 * The minimal edit that gives one finding a new status: the value of its status field is
 * replaced; otherwise a `**Status:**` line goes under its heading, a marker onto its list
 * item (or its checkbox is ticked), or its table row's Status cell is set. The author's words
 * in a replaced value are kept (see `composeStatusValue`), the note is escaped, and the edit
 * is made only if re-reading the edited report shows that nothing but this status changed.
 * One full parse per change: the re-read goes through `reparseReport`, which re-reads only the
 * part of the report the edit touched.
 */
export function setFindingStatus(text: string, id: string, status: string, options: StatusEditOptions = {}): StatusEditResult {
  const next = normalizeStatus(status);
  if (next === null) {
    throw new StatusEditError('unknown-status', `Unknown status "${status}". Use one of: ${STATUSES.join(', ')}.`);
  }
  // Kept for the verification below: `reparseReport` re-reads only what the edit touched.
  const state = parseReportState(text);
  const report = state.report;
  const finding = findById(report.findings, id);
  if (!finding) {
    const known = report.findings.map((f) => f.id);
    const list = known.length === 0 ? 'The report has no findings.' : `Known ids: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.`;
    throw new StatusEditError('unknown-id', `No finding with id "${id}" in this report. ${list}`);
  }
  const note = escapeNote(options.note);
  const unchanged = { edits: [], finding, previous: finding.status, status: next };
  if (finding.status === next && note === '') return unchanged;

  const target = report.findings.indexOf(finding);
  const doc = new LineOffsets(text);
  const attempt = (withNote: string): TextEdit | null => {
    const valueFor = (current: string | null): string => composeStatusValue(next, current, { note: withNote, date: options.date });
    // The lightest edit first (a ticked checkbox); if the report says otherwise elsewhere
    // (a ✅ in the title), an explicit status field, which outranks every other sign.
    for (const light of withNote === '' && options.date === undefined ? [true, false] : [false]) {
      const edit = editFor(finding, next, valueFor, doc, light);
      if (edit.start === edit.end && edit.newText === '') continue;
      const after = reparseReport(state, applyTextEdits(text, [edit])).report.findings;
      if (changesOnlyStatus(text, edit, report.findings, after, target, next)) return edit;
    }
    return null;
  };
  const edit = attempt(note);
  if (edit) return { edits: text.slice(edit.start, edit.end) === edit.newText ? [] : [edit], finding, previous: finding.status, status: next };
  if (note !== '' && attempt('') !== null) {
    throw new StatusEditError('note-rejected', `The note would be read as part of the report (a field, a status or a location); nothing was written. Reword the note.`);
  }
  throw new StatusEditError('unwritable', `Cannot write status "${next}" for ${finding.id} without changing other findings; the report was left unchanged.`);
}

/** The finding with this key (brackets and case ignored), else the one with this report id, else the one with this title. */
function findById(findings: Finding[], id: string): Finding | undefined {
  const want = id.trim().replace(/^\[(.*)\]$/, '$1');
  const lower = want.toLowerCase();
  const byId = findings.find((f) => f.id === want) ?? findings.find((f) => f.id.toLowerCase() === lower);
  if (byId) return byId;
  // The report's own id, when the report gives it to one finding only.
  const byReportId = findings.filter((f) => f.reportId !== null && f.reportId.toLowerCase() === lower);
  if (byReportId.length === 1) return byReportId[0];
  const byTitle = findings.filter((f) => f.title.trim().toLowerCase() === id.trim().toLowerCase());
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

/**
 * The current value of each finding's status field or Status cell, as written; null when its
 * status is told another way (a checkbox, a title marker, a section) or not at all. `scanned`
 * is the reader's scan of this same text when the caller has it (the CLI's scan): then the
 * report's lines are not scanned a second time.
 */
export function currentStatusValues(text: string, findings: readonly Finding[], scanned?: ScannedLine[]): Array<string | null> {
  const lines = scanned ?? scanLines(text);
  const headers = new TableHeaders(lines);
  return findings.map((f) => {
    if (f.kind === 'tableRow') {
      const cell = statusCell(lines[f.reportRange.startLine - 1]?.text ?? '', headers.cells(f.reportRange.startLine));
      return cell && cell.text !== '' ? cell.text : null;
    }
    const found = statusField(f, lines);
    return found ? found.text.slice(found.field.valueStart, found.field.valueEnd) : null;
  });
}

/** A finding's status field: the first status-labelled field of its lines (below its heading, outside code). */
function statusField(finding: Finding, lines: readonly ScannedLine[]): { line: number; text: string; field: Field } | null {
  const from = finding.kind === 'heading' ? finding.reportRange.startLine + 1 : finding.reportRange.startLine;
  for (let n = from; n <= finding.reportRange.endLine; n++) {
    const l = lines[n - 1];
    if (!l || l.kind === 'code' || l.kind === 'fence') continue;
    const field = fieldsInLine(l.text, n).find((f) => STATUS_LABELS_READ.includes(f.label));
    if (field) return { line: n, text: l.text, field };
  }
  return null;
}

/** A table row's Status cell, by its table's header; null when the table has no Status column. */
function statusCell(rowText: string, header: readonly string[]): Cell | null {
  const cells = splitRow(rowText);
  const statusCol = header.findIndex((h) => /^(status|state|resolution|fixed\??)$/i.test(h));
  return statusCol >= 0 && statusCol < cells.length ? cells[statusCol] : null;
}

function editFor(finding: Finding, status: Status, valueFor: (current: string | null) => string, doc: LineOffsets, plain: boolean): TextEdit {
  const lines = doc.lines;
  const first = finding.reportRange.startLine;
  const lineText = (n: number): string => lines[n - 1]?.text ?? '';

  if (finding.kind === 'tableRow') return tableEdit(finding, valueFor, doc, lineText(first));

  // 1. An existing status field in the finding: replace its value only.
  const found = statusField(finding, lines);
  if (found) {
    const { line: n, text, field } = found;
    const start = doc.offset(n, field.valueStart);
    const edits: TextEdit[] = [{ start, end: doc.offset(n, field.valueEnd), newText: valueFor(text.slice(field.valueStart, field.valueEnd)) }];
    if (n === first && finding.kind === 'listItem') edits.push(...checkboxEdit(doc, first, lineText(first), status));
    return merge(doc, edits);
  }

  const value = valueFor(null);
  if (finding.kind === 'heading') {
    // 2. A canonical status line right under the heading (under its underline if setext).
    const headingLine = lines[first]?.kind === 'setextUnderline' ? first + 1 : first;
    const eol = doc.eol(headingLine);
    const nextBlankOrEnd = headingLine >= lines.length || lines[headingLine].kind === 'blank';
    const at = doc.offset(headingLine, lineText(headingLine).length);
    return { start: at, end: at, newText: `${eol}${eol}**Status:** ${value}${nextBlankOrEnd ? '' : eol}` };
  }

  // 3. A list item: tick its checkbox, or add a marker at the end of its first line.
  const lead = lineText(first);
  const box = /^([ \t]*(?:>[ \t]?)?[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\]/.exec(lead);
  const tick = box && plain && (status === 'open' || status === 'fixed') ? checkboxEdit(doc, first, lead, status) : [];
  if (tick.length > 0) return merge(doc, tick);
  const end = lead.trimEnd().length;
  const at = doc.offset(first, end);
  return merge(doc, [{ start: at, end: at, newText: ` **Status:** ${value}` }, ...checkboxEdit(doc, first, lead, status)]);
}

function checkboxEdit(doc: LineOffsets, line: number, text: string, status: Status): TextEdit[] {
  const box = /^([ \t]*(?:>[ \t]?)?[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\]/.exec(text);
  if (!box) return [];
  const want = status === 'open' ? ' ' : 'x';
  if ((box[2] === ' ') === (want === ' ')) return [];
  const at = doc.offset(line, box[1].length + 1);
  return [{ start: at, end: at + 1, newText: want }];
}

function tableEdit(finding: Finding, valueFor: (current: string | null) => string, doc: LineOffsets, rowText: string): TextEdit {
  const line = finding.reportRange.startLine;
  const header = doc.headers.cells(line);
  const status = statusCell(rowText, header);
  if (status) {
    // The cell's own text is already escaped for the table; only a bare `|` of ours needs it.
    const value = valueFor(status.text === '' ? null : status.text);
    return { start: doc.offset(line, status.start), end: doc.offset(line, status.end), newText: status.text === '' ? ` ${value} ` : value };
  }
  // No Status column: the marker goes into the title cell, where the parser reads it.
  const cells = splitRow(rowText);
  const safe = valueFor(null);
  const titleCol = Math.max(0, header.findIndex((h) => /^(title|issue|finding|description|summary|bug|problem|name|vulnerability|detector|issue title|finding title)$/i.test(h)));
  const c = cells[Math.min(titleCol, cells.length - 1)];
  const at = doc.offset(line, c.end);
  return { start: at, end: at, newText: ` **Status:** ${safe}` };
}

/** Several edits on one line become one, so adapters see a single minimal replacement. */
function merge(doc: LineOffsets, edits: TextEdit[]): TextEdit {
  if (edits.length === 1) return edits[0];
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = Math.max(...sorted.map((e) => e.end));
  let out = '';
  let pos = start;
  for (const e of sorted) {
    out += doc.text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += doc.text.slice(pos, end);
  return { start, end, newText: out };
}

/** Offsets of lines in the original text (BOM and line endings included), with the reader's view of them. */
class LineOffsets extends ReportLines {
  private scanned: ScannedLine[] | undefined;
  private tables: TableHeaders | undefined;

  /** The reader's view of the lines, scanned once. */
  get lines(): ScannedLine[] {
    return (this.scanned ??= scanLines(this.text));
  }

  get headers(): TableHeaders {
    return (this.tables ??= new TableHeaders(this.lines));
  }
}

/** The header cells of the table each row belongs to: the line above the nearest delimiter line above the row. */
class TableHeaders {
  private above: Int32Array | undefined;

  constructor(private readonly lines: readonly ScannedLine[]) {}

  cells(rowLine: number): string[] {
    const lines = this.lines;
    if (!this.above) {
      // One pass instead of a walk up from every row: a 200k-row table stays linear.
      const above = new Int32Array(lines.length + 1);
      let last = 0;
      for (let k = 1; k < lines.length; k++) {
        above[k] = last;
        if (lines[k].kind === 'tableDelimiter') last = k;
      }
      above[lines.length] = last;
      this.above = above;
    }
    const k = this.above[Math.min(rowLine - 1, lines.length)] ?? 0;
    const header = k > 0 ? lines[k - 1] : undefined;
    return header ? splitRow(header.text).map((c) => c.text.replace(/[*_`]/g, '').trim()) : [];
  }
}
