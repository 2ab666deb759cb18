import { applyTextEdits } from './applyTextEdits';
import { fieldsInLine, STATUS_LABELS_READ } from './fields';
import { parseReport } from './parseReport';
import { splitRow } from './readTable';
import { scanLines } from './scanLines';
import { STATUS_LABELS } from './status';
import { STATUSES, type Finding, type Status, type TextEdit } from './types';

export interface StatusEditOptions {
  /** Free text written after the status. */
  note?: string;
  /** A date (e.g. `2026-11-23`) written with the status. */
  date?: string;
}

export interface StatusEditResult {
  /** Offset edits on the text that was passed in; empty when nothing changes. */
  edits: TextEdit[];
  finding: Finding;
  previous: Status;
}

export class StatusEditError extends Error {
  constructor(
    readonly code: 'unknown-id' | 'unknown-status' | 'unwritable',
    message: string,
  ) {
    super(message);
    this.name = 'StatusEditError';
  }
}

/**
 * The minimal edit that gives one finding a new status: the value of its status field is
 * replaced; otherwise a `**Status:**` line goes under its heading, a marker onto its list
 * item (or its checkbox is ticked), or its table row's Status cell is set.
 */
export function setFindingStatus(text: string, id: string, status: string, options: StatusEditOptions = {}): StatusEditResult {
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new StatusEditError('unknown-status', `Unknown status "${status}". Use one of: ${STATUSES.join(', ')}.`);
  }
  const next = status as Status;
  const report = parseReport(text);
  const finding = findById(report.findings, id);
  if (!finding) {
    const known = report.findings.map((f) => f.id);
    const list = known.length === 0 ? 'The report has no findings.' : `Known ids: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.`;
    throw new StatusEditError('unknown-id', `No finding with id "${id}" in this report. ${list}`);
  }
  const note = options.note?.replace(/\s+/g, ' ').trim() ?? '';
  if (finding.status === next && note === '') return { edits: [], finding, previous: finding.status };

  const value = statusValue(next, note, options.date);
  const doc = new LineOffsets(text);
  // The lightest edit first (a ticked checkbox); if the report says otherwise elsewhere
  // (a ✅ in the title), an explicit status field, which outranks every other sign.
  for (const light of note === '' && options.date === undefined ? [true, false] : [false]) {
    const edit = editFor(finding, next, value, doc, light);
    const check = parseReport(applyTextEdits(text, [edit])).findings.find((f) => f.id === finding.id);
    if (check?.status === next) return { edits: [edit], finding, previous: finding.status };
  }
  throw new StatusEditError('unwritable', `Cannot write status "${next}" for ${finding.id} without changing other findings; the report was left unchanged.`);
}

function findById(findings: Finding[], id: string): Finding | undefined {
  const want = id.trim().replace(/^\[(.*)\]$/, '$1');
  return findings.find((f) => f.id === want) ?? findings.find((f) => f.id.toLowerCase() === want.toLowerCase());
}

function statusValue(status: Status, note: string, date: string | undefined): string {
  let v = STATUS_LABELS[status];
  if (date) v += ` (${date})`;
  if (note) v += `: ${note}`;
  return v;
}

function editFor(finding: Finding, status: Status, value: string, doc: LineOffsets, plain: boolean): TextEdit {
  const lines = scanLines(doc.text);
  const first = finding.reportRange.startLine;
  const lineText = (n: number): string => lines[n - 1]?.text ?? '';

  if (finding.kind === 'tableRow') return tableEdit(finding, value, doc, lineText(first));

  // 1. An existing status field in the finding: replace its value only.
  const from = finding.kind === 'heading' ? first + 1 : first;
  for (let n = from; n <= finding.reportRange.endLine; n++) {
    const l = lines[n - 1];
    if (!l || l.kind === 'code' || l.kind === 'fence') continue;
    const field = fieldsInLine(l.text, n).find((f) => STATUS_LABELS_READ.includes(f.label));
    if (field) {
      const start = doc.offset(n, field.valueStart);
      const edits: TextEdit[] = [{ start, end: doc.offset(n, field.valueEnd), newText: value }];
      if (n === first && finding.kind === 'listItem') edits.push(...checkboxEdit(doc, first, lineText(first), status));
      return merge(doc, edits);
    }
  }

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

function tableEdit(finding: Finding, value: string, doc: LineOffsets, rowText: string): TextEdit {
  const line = finding.reportRange.startLine;
  const cells = splitRow(rowText);
  const header = findHeaderCells(doc.text, line);
  const statusCol = header.findIndex((h) => /^(status|state|resolution|fixed\??)$/i.test(h));
  const safe = value.replace(/\|/g, '\\|');
  if (statusCol >= 0 && statusCol < cells.length) {
    const c = cells[statusCol];
    return { start: doc.offset(line, c.start), end: doc.offset(line, c.end), newText: c.text === '' ? ` ${safe} ` : safe };
  }
  // No Status column: the marker goes into the title cell, where the parser reads it.
  const titleCol = Math.max(0, header.findIndex((h) => /^(title|issue|finding|description|summary|bug|problem|name|vulnerability|detector|issue title|finding title)$/i.test(h)));
  const c = cells[Math.min(titleCol, cells.length - 1)];
  const at = doc.offset(line, c.end);
  return { start: at, end: at, newText: ` **Status:** ${safe}` };
}

function findHeaderCells(text: string, rowLine: number): string[] {
  const lines = scanLines(text);
  // Walk up from the row to the delimiter line; the header is the line above it.
  let k = rowLine - 1;
  while (k > 0 && lines[k].kind !== 'tableDelimiter') k--;
  const header = k > 0 ? lines[k - 1] : undefined;
  return header ? splitRow(header.text).map((c) => c.text.replace(/[*_`]/g, '').trim()) : [];
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

/** Offsets of lines in the original text, BOM and line endings included. */
class LineOffsets {
  private readonly starts: number[] = [];
  private readonly ends: string[] = [];

  constructor(readonly text: string) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const re = /\r\n|\r|\n/g;
    let start = bom;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.starts.push(start);
      this.ends.push(m[0]);
      start = m.index + m[0].length;
    }
    this.starts.push(start);
    this.ends.push('');
  }

  offset(line: number, column: number): number {
    return this.starts[line - 1] + column;
  }

  /** The line ending to use near a line: its own, else the document's first. */
  eol(line: number): string {
    return this.ends[line - 1] || this.ends.find((e) => e !== '') || '\n';
  }
}
