import { PLAIN_FIELD_LABELS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS_READ } from '../vocabulary/fieldLabels';
import { alternation } from '../vocabulary/wordPattern';
/**
 * Labelled fields inside a finding: `**Status:** Fixed`, `- **Severity**: High`,
 * `Severity: Medium`, `**Severity:** Medium · **Status:** Fixed`. Positions are kept so
 * that the write-back can replace exactly the value of a status field.
 */
export interface Field {
  /** Lower-cased label without markup, e.g. `status`, `severity`, `file`. */
  label: string;
  value: string;
  line: number;
  /** 0-based column range of the value in the line's text. */
  valueStart: number;
  valueEnd: number;
}

// `**Label:** value` and `**Label**: value` (also with __), several per line, split by · or |.
// The colon may be full-width (`**位置**：`, Chinese and Japanese reports).
const BOLD_FIELD = /(\*\*|__)([^*_:：\n]{2,40}?)(?:[:：]\1|\1\s*[:：])[ \t]*/g;
// A plain `Label: value` line (optionally a list item), for a few well-known labels only.
const PLAIN_FIELD = new RegExp(
  `^([ \\t]*(?:[-*+][ \\t]+)?)(${alternation([...STATUS_LABELS_READ, ...SEVERITY_LABELS, ...PRIORITY_LABELS, ...PLAIN_FIELD_LABELS])})[ \\t]*[:：][ \\t]*`,
  'iu',
);
// `**Resolution — Fixed**`: a label and its value inside one strong span.
const DASH_FIELD = /(\*\*|__)(resolution|status)\s*[—–-]\s*([^*_]+?)\1/i;
// `_Resolved_` alone on a line right under a heading (Pashov reports).
export const ITALIC_STATUS = /^[ \t]*([_*])([A-Za-z' ]{3,30})\1[ \t]*$/;

export function fieldsInLine(text: string, line: number): Field[] {
  const out: Field[] = [];
  // Every field has a colon, or (`**Resolution — Fixed**`) strong markers: most prose lines have neither.
  const strong = text.includes('**') || text.includes('__');
  if (!strong && !text.includes(':') && !text.includes('：')) return out;
  const dash = strong ? DASH_FIELD.exec(text) : null;
  if (dash) {
    const valueStart = dash.index + dash[0].indexOf(dash[3], dash[1].length + dash[2].length);
    out.push({ label: dash[2].toLowerCase(), value: dash[3].trim(), line, valueStart, valueEnd: valueStart + dash[3].trimEnd().length });
    return out;
  }
  BOLD_FIELD.lastIndex = 0;
  const starts: Array<{ label: string; valueStart: number; labelStart: number }> = [];
  let m: RegExpExecArray | null;
  while (strong && (m = BOLD_FIELD.exec(text)) !== null) {
    starts.push({ label: m[2].trim().toLowerCase(), valueStart: m.index + m[0].length, labelStart: m.index });
  }
  if (starts.length === 0) {
    const plain = PLAIN_FIELD.exec(text);
    if (plain) starts.push({ label: plain[2].toLowerCase(), valueStart: plain[0].length, labelStart: plain[1].length });
  }
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const limit = i + 1 < starts.length ? starts[i + 1].labelStart : text.length;
    let end = limit;
    // `(?<!\s)`: tried once per run of spaces, not from each of them (quadratic on a long run).
    const sep = /(?<!\s)\s+[·|]\s+/.exec(text.slice(s.valueStart, limit));
    if (sep) end = s.valueStart + sep.index;
    while (end > s.valueStart && /\s/.test(text[end - 1])) end--;
    out.push({ label: s.label, value: text.slice(s.valueStart, end), line, valueStart: s.valueStart, valueEnd: end });
  }
  return out;
}


export { LINE_LABELS, LOCATION_LABELS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS_READ } from '../vocabulary/fieldLabels';
