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
const BOLD_FIELD = /(\*\*|__)([^*_:\n]{2,40}?)(?::\1|\1\s*:)[ \t]*/g;
// A plain `Label: value` line (optionally a list item), for a few well-known labels only.
const PLAIN_FIELD = /^([ \t]*(?:[-*+][ \t]+)?)(status|severity|priority|file|files|location|locations|lines?|impact|likelihood|resolution)[ \t]*:[ \t]*/i;
// `**Resolution — Fixed**`: a label and its value inside one strong span.
const DASH_FIELD = /(\*\*|__)(resolution|status)\s*[—–-]\s*([^*_]+?)\1/i;
// `_Resolved_` alone on a line right under a heading (Pashov reports).
export const ITALIC_STATUS = /^[ \t]*([_*])([A-Za-z' ]{3,30})\1[ \t]*$/;

export function fieldsInLine(text: string, line: number): Field[] {
  const out: Field[] = [];
  const dash = DASH_FIELD.exec(text);
  if (dash) {
    const valueStart = dash.index + dash[0].indexOf(dash[3], dash[1].length + dash[2].length);
    out.push({ label: dash[2].toLowerCase(), value: dash[3].trim(), line, valueStart, valueEnd: valueStart + dash[3].trimEnd().length });
    return out;
  }
  BOLD_FIELD.lastIndex = 0;
  const starts: Array<{ label: string; valueStart: number; labelStart: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = BOLD_FIELD.exec(text)) !== null) {
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
    const sep = /\s+[·|]\s+/.exec(text.slice(s.valueStart, limit));
    if (sep) end = s.valueStart + sep.index;
    while (end > s.valueStart && /\s/.test(text[end - 1])) end--;
    out.push({ label: s.label, value: text.slice(s.valueStart, end), line, valueStart: s.valueStart, valueEnd: end });
  }
  return out;
}

export const STATUS_LABELS_READ = ['status', 'resolution', 'fix status', 'remediation status', 'current status', 'estado', 'статус', 'situação', 'state'];
export const SEVERITY_LABELS = ['severity', 'severidad', 'severidade', 'критичность', 'серьезность', 'risk', 'risk level', 'impact level', 'sévérité'];
export const PRIORITY_LABELS = ['priority', 'prioridade', 'prioridad', 'приоритет'];
export const LOCATION_LABELS = [
  'file', 'files', 'location', 'locations', 'path', 'paths', 'source', 'affected file', 'affected files', 'affected',
  'where', 'evidence', 'evidencia', 'evidência', 'arquivo', 'arquivos', 'archivo', 'archivos', 'файл', 'файлы',
  'fichier', 'fichiers', 'files modified', 'modified files', 'files changed', 'code', 'code location', 'component',
  'affected code', 'affected component', 'affected components', 'found in', 'lines changed',
];
export const LINE_LABELS = ['line', 'lines', 'lines changed', 'line numbers', 'line number'];
