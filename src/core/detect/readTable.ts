import type { ScannedLine } from '../markdown/scanLines';
import { severityFromValue } from '../vocabulary/severity';
import { statusFromValue } from '../vocabulary/status';
import type { Severity, Status } from '../types';
import { SEVERITY_LETTERS } from '../vocabulary/severityWords';
import { isColumn, type ColumnRole } from '../vocabulary/tableColumns';

/** One row of a findings table, with the cells that matter picked out by the header. */
export interface TableFinding {
  line: number;
  id: string | null;
  title: string;
  severity: Severity | null;
  status: Status | null;
  location: string;
  /** Column index of the Status cell, or -1; the write-back sets that cell. */
  statusColumn: number;
  titleColumn: number;
}

// An id a report writes in a table cell: L2, H-01, SEC-001, [M-02], #12, ~~QUALITY-002~~ (struck when done).
const REPORT_ID_CELL = /^[*_`~[]{0,3}(?:[A-Z]{1,10}-?\d{1,4}(?:[.-]\d{1,3})?|#\d{1,5})[*_`~\]]{0,3}$/;
/** Splits a table row into cells; `\|` and pipes inside code spans stay in the cell. */
export interface Cell {
  text: string;
  /** Columns of the trimmed text; for an empty cell, of the whole space between the pipes. */
  start: number;
  end: number;
}

export function splitRow(text: string): Cell[] {
  const cells: Cell[] = [];
  let i = text.indexOf('|') === text.search(/\S/) ? text.indexOf('|') + 1 : 0;
  let start = i;
  let inCode = false;
  for (; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '`') inCode = !inCode;
    if (ch === '\\' && text[i + 1] === '|') {
      i++;
      continue;
    }
    if ((ch === '|' && !inCode) || i === text.length) {
      const raw = text.slice(start, i);
      if (!(i === text.length && raw.trim() === '' && cells.length > 0)) {
        const lead = raw.length - raw.trimStart().length;
        cells.push(raw.trim() === '' ? { text: '', start, end: i } : { text: raw.trim(), start: start + lead, end: start + raw.trimEnd().length });
      }
      start = i + 1;
    }
  }
  return cells;
}

/**
 * Reads the table whose header is at index `i`; rows are findings only if the header says so
 * (or `forced`, by a report comment). With `lenient`, a table whose header names no title column still holds findings when its first
 * cells are the report's ids (`| L2 | Dialect bridge bypassed | … |` in an issue table of an agent's
 * status file); the detector asks for that only where the section says it holds findings.
 */
export function readTable(lines: readonly ScannedLine[], i: number, lenient = false, forced = false): { rows: TableFinding[]; end: number } {
  let end = i + 2;
  while (end < lines.length && lines[end].kind === 'tableRow') end++;
  const header = splitRow(lines[i].text).map((c) => c.text.replace(/[*_`]/g, '').trim());
  const col = (role: ColumnRole): number => header.findIndex((h) => isColumn(role, h));
  let idCol = col('id');
  let titleCol = col('title');
  const sevCol = col('severity');
  const fileCol = col('file');
  const statusCol = col('status');
  const fixCol = col('fix');
  // `| Story | Description | Status |`: a plan's stories with their progress, not findings, unless the section says it holds them (`## Remaining Items`).
  if (header.length > 0 && isColumn('plan', header[0]) && !forced && !lenient) return { rows: [], end };
  let isFindings = (idCol >= 0 || titleCol >= 0) && (sevCol >= 0 || statusCol >= 0 || fileCol >= 0 || fixCol >= 0);
  if (!isFindings && lenient && header.length >= 2) {
    const first = idCol >= 0 ? idCol : 0;
    let ids = 0;
    for (let k = i + 2; k < end; k++) if (REPORT_ID_CELL.test(splitRow(lines[k].text)[first]?.text ?? '')) ids++;
    if (end - i - 2 > 0 && ids * 10 >= (end - i - 2) * 6) {
      idCol = first;
      if (titleCol < 0 || titleCol === first) titleCol = first + 1;
      isFindings = true;
    }
  }
  // `<!-- audit-lens: findings -->` over `| Area | Observation |`: the last column is the title.
  if (!isFindings && forced && header.length > 0) {
    titleCol = header.length - 1;
    isFindings = true;
  }
  if (!isFindings) return { rows: [], end };
  const rows: TableFinding[] = [];
  for (let k = i + 2; k < end; k++) {
    const cells = splitRow(lines[k].text);
    const cell = (c: number): string => (c >= 0 && c < cells.length ? cells[c].text : '');
    const titleIndex = titleCol >= 0 ? titleCol : idCol;
    const title = cell(titleIndex);
    if (title.replace(/[*_`\s-]/g, '') === '') continue;
    const rawId = cell(idCol).replace(/[*_`~[\]]/g, '').replace(/\(.*\)$/, '').trim();
    rows.push({
      line: lines[k].line,
      id: rawId !== '' && idCol >= 0 && idCol !== titleIndex ? rawId : null,
      title,
      severity: sevCol >= 0 ? severityCell(cell(sevCol)) : null,
      status: statusCol >= 0 ? statusFromValue(cell(statusCol)) : fixCol >= 0 ? fixCell(cell(fixCol)) : null,
      location: cell(fileCol),
      statusColumn: statusCol,
      titleColumn: titleIndex,
    });
  }
  return { rows, end };
}

/** A severity cell: a word (`High`), or one letter (`| H |` in maintainers' audit-response tables; `U` is unrated). */
function severityCell(text: string): Severity | null {
  const bare = text.replace(/[*_`]/g, '').trim();
  return /^[A-Z]$/.test(bare) ? (SEVERITY_LETTERS[bare] ?? null) : severityFromValue(bare);
}

/** A fix cell: its own status word if it has one, `n/a` or `none` for a risk left as it is, a reference for a fix. */
function fixCell(text: string): Status | null {
  const bare = text.replace(/[*_`]/g, '').trim();
  if (bare === '' || bare === '-') return null;
  if (/^(n\/?a|none|no|—|–)$/i.test(bare)) return 'accepted';
  return statusFromValue(bare) ?? 'fixed';
}
