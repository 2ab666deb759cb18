/**
 * A line-level block scan of a Markdown report: headings, list items, table rows and
 * fenced code. It decides the report's structure in one cheap pass so that only the
 * few lines that can carry a finding's title go through the full remark parse
 * (see inlineText.ts); quoted code and prose never do.
 */

export type LineKind =
  | 'blank'
  | 'heading'
  | 'setextUnderline'
  | 'listItem'
  | 'tableRow'
  | 'tableDelimiter'
  | 'fence'
  | 'code'
  | 'frontMatter'
  | 'html'
  | 'text';

export interface ScannedLine {
  /** 1-based line number. */
  line: number;
  /** The line's text without its line break. */
  text: string;
  kind: LineKind;
  /** Heading level (1-6) for headings; for list items, the column of the marker. */
  level: number;
  /** Heading text, or list item content after the marker (and checkbox). */
  content: string;
  /** For list items: the checkbox state, if any. */
  checkbox: 'checked' | 'unchecked' | null;
  /** For list items: column where the content starts (continuation lines indent to it). */
  contentColumn: number;
  /** True inside a blockquote (the `>` markers are stripped from `content`). */
  quoted: boolean;
}

// The optional closing `#`s are cut by `atxContent`, not by the pattern: a lazy `.*?` before an
// optional `[ \t]+#+` backtracks quadratically on long runs of spaces.
// `[^]` and not `.`: U+2028 and U+2029 are ordinary characters inside a Markdown line (GitHub shows them),
// but `.` does not match them.
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+([^]*))?$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})([^]*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)([^]*))?$/;
const CHECKBOX = /^\[([ xX])\][ \t]+/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** Splits text into lines, accepting \n, \r\n and lone \r. */
export function splitLines(text: string): string[] {
  // Most reports hold no carriage return: a split on one character is several times faster.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** A report's lines as the reader numbers them: a leading byte order mark is no part of line 1. */
export function reportLines(text: string): string[] {
  return splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function columnOf(indent: string): number {
  let col = 0;
  for (const ch of indent) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

function blank(line: number, text: string, kind: LineKind, quoted = false, content = ''): ScannedLine {
  return { line, text, kind, level: 0, content, checkbox: null, contentColumn: 0, quoted };
}

/** Whether a line may hold a fence: three backticks or tildes in a row (a cheap look before the patterns). */
function mayFence(text: string): boolean {
  return text.includes('```') || text.includes('~~~');
}

/** Whether a line may open with a blockquote marker: `>` after at most three spaces. */
function mayQuote(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 62; /* > */
}

export function scanLines(source: string): ScannedLine[] {
  const raw = reportLines(source);
  const out: ScannedLine[] = [];
  let fence: { char: string; length: number } | null = null;
  let i = 0;

  // YAML front matter only counts at the very top.
  if (raw[0] === '---') {
    const end = raw.indexOf('---', 1);
    const endDots = raw.indexOf('...', 1);
    const close = end > 0 ? end : endDots;
    if (close > 0) {
      for (; i <= close; i++) out.push(blank(i + 1, raw[i], 'frontMatter'));
    }
  }

  for (; i < raw.length; i++) {
    const original = raw[i];
    const lineNo = i + 1;
    let text = original;
    let quoted = false;
    // Blockquotes hold findings in some reports; strip the markers and scan the rest.
    const quote = fence === null && mayQuote(text) ? /^ {0,3}>[ ]?/.exec(text) : null;
    if (quote) {
      quoted = true;
      text = text.slice(quote[0].length);
    }

    if (fence !== null) {
      const close = mayFence(text) ? FENCE.exec(text) : null;
      if (close && close[2][0] === fence.char && close[2].length >= fence.length && close[3].trim() === '') {
        fence = null;
        out.push(blank(lineNo, original, 'fence', quoted));
      } else {
        out.push(blank(lineNo, original, 'code', quoted));
      }
      continue;
    }

    // A blank line opens nothing: the most common line of a long report is read first.
    if (text.trim() === '') {
      out.push(blank(lineNo, original, 'blank', quoted));
      continue;
    }

    const open = mayFence(text) ? FENCE.exec(text.replace(/^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+/, '$1')) : null;
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      fence = { char: open[2][0], length: open[2].length };
      // A fence opened on a list item line still starts the code; the item itself is kept.
      if (!/^ {0,3}(`|~)/.test(text)) {
        const item = LIST_ITEM.exec(text);
        if (item) {
          out.push(listItem(lineNo, original, item, quoted));
          continue;
        }
      }
      out.push(blank(lineNo, original, 'fence', quoted));
      continue;
    }

    const atx = ATX.exec(text);
    if (atx) {
      const heading = blank(lineNo, original, 'heading', quoted, atxContent(atx[2] ?? ''));
      heading.level = atx[1].length;
      out.push(heading);
      continue;
    }

    const prev = out[out.length - 1];
    const setext = SETEXT.exec(text);
    if (setext && prev && prev.kind === 'text' && !prev.quoted) {
      // `Title\n-----`: the previous paragraph line becomes the heading.
      prev.kind = 'heading';
      prev.level = setext[1][0] === '=' ? 1 : 2;
      prev.content = prev.text.trim();
      out.push(blank(lineNo, original, 'setextUnderline', quoted));
      continue;
    }

    if (isThematicBreak(text)) {
      out.push(blank(lineNo, original, 'html', quoted));
      continue;
    }

    const item = LIST_ITEM.exec(text);
    if (item && (item[4] !== undefined || item[3] !== undefined)) {
      out.push(listItem(lineNo, original, item, quoted));
      continue;
    }

    if (isTableDelimiter(text) && prev && (prev.kind === 'text' || prev.kind === 'tableRow') && prev.text.includes('|')) {
      prev.kind = 'tableRow';
      out.push(blank(lineNo, original, 'tableDelimiter', quoted));
      continue;
    }

    if (prev && (prev.kind === 'tableRow' || prev.kind === 'tableDelimiter') && text.includes('|')) {
      out.push(blank(lineNo, original, 'tableRow', quoted, text.trim()));
      continue;
    }

    if (/^ {0,3}<\/?[a-zA-Z!]/.test(text)) {
      out.push(blank(lineNo, original, 'html', quoted, text.trim()));
      continue;
    }

    out.push(blank(lineNo, original, 'text', quoted, text.trim()));
  }
  return out;
}

function listItem(lineNo: number, original: string, item: RegExpExecArray, quoted: boolean): ScannedLine {
  const markerColumn = columnOf(item[1]);
  let content = item[4] ?? '';
  let checkbox: ScannedLine['checkbox'] = null;
  const box = CHECKBOX.exec(content);
  if (box) {
    checkbox = box[1] === ' ' ? 'unchecked' : 'checked';
    content = content.slice(box[0].length);
  }
  const contentColumn = markerColumn + item[2].length + Math.max(1, Math.min(4, (item[3] ?? ' ').length));
  return {
    line: lineNo,
    text: original,
    kind: 'listItem',
    level: markerColumn,
    content: content.trim(),
    checkbox,
    contentColumn,
    quoted,
  };
}

/** A heading's text without its optional closing sequence (`## Title ##`), in one pass from the end. */
function atxContent(raw: string): string {
  const text = raw.trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35 /* # */) end--;
  // The closing `#`s count only after a space or tab, or when they are all there is.
  if (end === 0) return '';
  if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) return text.slice(0, end).trimEnd();
  return text;
}

// Thematic breaks and table delimiters are read by scanning, not by patterns: a repeated group over
// a 1.5 MB line of `-` overflows the regular-expression engine's stack.

/** `---`, `* * *`, `___`: three or more of one of `-*_`, with spaces and tabs between, indented at most 3. */
function isThematicBreak(text: string): boolean {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  const mark = text[i];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === mark) count++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return count >= 3;
}

/** `|---|:--:|`, `--- | ---`: cells of `-` with optional `:` ends, split by `|`. */
function isTableDelimiter(text: string): boolean {
  const indent = text.length - text.trimStart().length;
  if (indent > 3) return false;
  const t = text.trim();
  if (!t.includes('-')) return false;
  const cells = t.split('|');
  const piped = { lead: cells[0].trim() === '', trail: cells.length > 1 && cells[cells.length - 1].trim() === '' };
  if (piped.lead) cells.shift();
  if (piped.trail && cells.length > 0) cells.pop();
  if (cells.length === 0 || (cells.length === 1 && !(piped.lead && piped.trail))) return false;
  return cells.every((c) => DELIMITER_CELL.test(c.trim()));
}

const DELIMITER_CELL = /^:?-+:?$/;
