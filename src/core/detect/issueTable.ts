import { splitRow } from './readTable';
import type { ScannedLine } from '../markdown/scanLines';
import { fieldsInLine, SEVERITY_LABELS, STATUS_LABELS_READ } from '../markdown/fields';
import { ID_LABELS, REMEDIATION_LABELS } from '../vocabulary/fieldLabels';
import { statusFromValue } from '../vocabulary/status';

/** What a per-issue key-value table says of the finding whose heading it sits under. */
export interface IssueTableFields {
  severity: string | null;
  status: string | null;
  id: string | null;
}

/**
 * A key-value table right under a finding's heading belongs to that finding (ConsenSys reports
 * write one per issue): either a header of labels over one row of values —
 * `| Severity | Status | Remediation Comment |` / `| Critical | Closed | Fixed in … |` — or two
 * columns of label and value — `| Severity | High |` / `| Status | Fixed |`.
 */
export function issueTableFields(lines: readonly ScannedLine[], headingLine: number, endLine: number): IssueTableFields | null {
  let k = headingLine; // index of the line after the heading
  // Blank lines, and a status line the write-back put under the heading, may come first.
  while (k < endLine && k < headingLine + 5 && (lines[k].kind === 'blank' || isStatusLine(lines[k]))) k++;
  if (k + 1 >= lines.length || lines[k].kind !== 'tableRow' || lines[k + 1]?.kind !== 'tableDelimiter') return null;
  const header = cells(lines[k].text);
  const rows: string[][] = [];
  for (let r = k + 2; r < lines.length && lines[r].kind === 'tableRow' && rows.length < 20; r++) rows.push(cells(lines[r].text));
  const out: IssueTableFields = { severity: null, status: null, id: null };
  let comment: string | null = null;
  const put = (label: string, value: string): void => {
    const l = label.toLowerCase();
    if (out.severity === null && (SEVERITY_LABELS.includes(l) || l === 'impact')) out.severity = value;
    else if (out.status === null && STATUS_LABELS_READ.includes(l)) out.status = value;
    else if (out.id === null && ID_LABELS.includes(l)) out.id = value;
    else if (comment === null && REMEDIATION_LABELS.includes(l)) comment = value;
  };
  // `| Severity | Medium |` over `| Status | Fixed |`: two columns of labels and values, the first pair in the header row.
  const pairs = header.length === 2 && isLabel(header[0]) && rows.every((r) => r.length === 2 && isLabel(r[0]));
  if (!pairs && rows.length === 1 && header.some((h) => isLabel(h))) {
    header.forEach((h, c) => put(h, rows[0][c] ?? ''));
  } else if (header.length === 2 || rows.every((r) => r.length === 2)) {
    for (const [label, value] of [header, ...rows]) if (label !== undefined && value !== undefined) put(label, value);
  }
  // `| Closed | Closed as WontFix. The team explained … |`: the comment says how it was closed.
  if (out.status !== null && comment !== null && /^\W*closed\W*$/i.test(out.status)) {
    const how = (comment as string).replace(/\bclosed(?:\s+as)?\b/gi, ' ');
    if (statusFromValue(how) !== null) out.status = how;
  }
  return out.severity === null && out.status === null && out.id === null ? null : out;
}

function cells(text: string): string[] {
  return splitRow(text).map((c) => c.text.replace(/[*_`]/g, '').trim());
}

function isLabel(h: string): boolean {
  const l = h.toLowerCase();
  return SEVERITY_LABELS.includes(l) || STATUS_LABELS_READ.includes(l) || l === 'impact' || ID_LABELS.includes(l);
}

function isStatusLine(l: ScannedLine): boolean {
  if (l.kind !== 'text') return false;
  const fields = fieldsInLine(l.text, l.line);
  return fields.length === 1 && STATUS_LABELS_READ.includes(fields[0].label);
}
