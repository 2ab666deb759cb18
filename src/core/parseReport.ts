import { fieldsInLine, ITALIC_STATUS, LINE_LABELS, LOCATION_LABELS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS_READ, type Field } from './fields';
import { assignIds } from './assignIds';
import { InlineReader, type InlineText } from './inlineText';
import { dedupeLocations, locationsInText, orphanLines, proseLines } from './locations';
import { readTitle, type TitleParts } from './readTitle';
import { classifySection, type SectionKind } from './sectionKind';
import { isGroupHeading } from './sectionish';
import { scanLines, type ScannedLine } from './scanLines';
import { severityFromId, severityFromValue } from './severity';
import { statusFromValue } from './status';
import { readTable, type TableFinding } from './readTable';
import type { Finding, FindingKind, LocationRef, ParsedReport, Severity, Status } from './types';

/** A finding as found, before ids are made unique and titles read by remark. */
export interface Candidate {
  kind: FindingKind;
  startLine: number;
  endLine: number;
  /** Markdown of the title line, read with remark afterwards. */
  titleSource: string;
  parts: TitleParts;
  context: Context;
  checkbox: ScannedLine['checkbox'];
  table?: TableFinding;
  /** Plain text of the nearest section heading above the finding ('' at top level). */
  section: string;
  /** The title source is a whole sentence or more, to be cut to its first clause. */
  shorten: boolean;
}

export interface Context {
  severity: Severity | null;
  status: Status | null;
}

// Sub-headings that structure a finding's body; never findings themselves.
const BODY_HEADING = /^(impact|description|details?|technical details|recommendations?|recommended (mitigation|fix)|mitigations?|proof of concept|poc|fix(es)?( applied| required)?|code snippets?|found by|summary|vulnerability details?|tool used|discussion|developer response|root cause|problem|solution|severity|status|locations?|examples?|test cases?|references|lines of code|context|background|remediation|resolution|likelihood|risk|notes?|assessed type|exploit scenario|attack scenario|steps to reproduce|reproduction|evidence|analysis|verification|affected (code|files?)|scenario|explanation|suggested fix|proposed fix|current code|fixed code|before|after|why it matters|how to fix)\b/i;

const STATUS_MARKER = /\s*(?:\*\*|__)Status:(?:\*\*|__).*$/;

// Stateless between calls: one unified processor serves every parse.
const inlineReader = new InlineReader();

/** Reads the findings of one Markdown report. Never throws; lines are 1-based. */
export function parseReport(text: string): ParsedReport {
  const lines = scanLines(text);
  const candidates = findCandidates(lines);
  // A status marker written on an item or cell (`… **Status:** Fixed`) is not part of its title.
  const inline = inlineReader.readAll(candidates.map((c) => (c.kind === 'heading' ? c.titleSource : c.titleSource.replace(STATUS_MARKER, ''))));
  const findings = candidates.map((c, i) => buildFinding(c, inline[i], lines));
  assignIds(findings, candidates);
  return { title: reportTitle(lines), findings };
}

function reportTitle(lines: ScannedLine[]): string {
  const front = lines.find((l) => l.kind === 'frontMatter' && /^title:\s*\S/.test(l.text));
  if (front) return front.text.replace(/^title:\s*/, '').replace(/^["']|["']$/g, '').trim();
  const h1 = lines.find((l) => l.kind === 'heading' && l.level === 1) ?? lines.find((l) => l.kind === 'heading');
  return h1 ? quickPlain(h1.content) : '';
}

/** Cheap plain text for deciding what is a finding; the final title goes through remark. */
export function quickPlain(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Section {
  level: number;
  line: number;
  kind: SectionKind;
  title: string;
  /** The report's title heading: its words say what the document is, not what a section holds. */
  docTitle: boolean;
}

function sectionTitle(stack: Section[]): string {
  return stack[stack.length - 1]?.title ?? '';
}

function findCandidates(lines: ScannedLine[]): Candidate[] {
  const out: Candidate[] = [];
  const stack: Section[] = [];
  const titleLine = lines.find((l) => l.kind === 'heading');
  let bodyUntil = 0; // lines up to here belong to the last finding
  let itemUntil = 0; // lines up to here are nested in a list item that is no finding
  // A label line that introduces a list (`**Remaining Issues:**`, `C) Riesgos no bloqueantes`)
  // acts as a section heading for that list.
  let label: Section | null = null;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.line <= bodyUntil) continue;
    if (l.kind === 'text' && l.line > itemUntil) {
      label = labelSection(l, lines[i + 1]);
      continue;
    }
    if (l.kind === 'heading') {
      label = null;
      while (stack.length > 0 && stack[stack.length - 1].level >= l.level) stack.pop();
      const end = sectionEnd(lines, i);
      const plain = quickPlain(l.content);
      const parts = readTitle(plain, struckText(l.content));
      if (isHeadingFinding(lines, i, end, plain, parts, stack)) {
        out.push({ kind: 'heading', startLine: l.line, endLine: end, titleSource: l.content, parts, context: contextOf(stack), checkbox: null, section: sectionTitle(stack), shorten: false });
        bodyUntil = end;
      } else {
        // The first H1 names the report, unless it is itself a group ("# High Risk Findings").
        const docTitle = l === titleLine && l.level === 1 && !isGroupHeading(plain);
        stack.push({ level: l.level, line: l.line, title: plain, docTitle, kind: docTitle ? { ...classifySection(plain), findings: false } : classifySection(plain) });
      }
      continue;
    }
    if (l.kind === 'listItem') {
      const end = listItemEnd(lines, i);
      const candidate = listItemCandidate(l, end, label ? [...stack, label] : stack, l.line <= itemUntil);
      if (candidate) {
        out.push(candidate);
        bodyUntil = end;
      } else if (l.line > itemUntil) {
        // Items nested in an item that is no finding are its body, unless severity-prefixed.
        itemUntil = end;
      }
      continue;
    }
    if (l.kind === 'tableRow' && lines[i + 1]?.kind === 'tableDelimiter') {
      const { rows, end } = readTable(lines, i);
      const nearest = stack[stack.length - 1]?.kind;
      if (!(nearest?.procedural && !nearest.findings)) {
        for (const row of rows) {
          const parts = readTitle(quickPlain(row.title), '');
          out.push({ kind: 'tableRow', startLine: row.line, endLine: row.line, titleSource: row.title, parts, context: contextOf(stack), checkbox: null, table: row, section: sectionTitle(stack), shorten: true });
        }
      }
      i = end - 1;
    }
  }
  return dropDuplicateTableRows(out);
}

function labelSection(l: ScannedLine, next: ScannedLine | undefined): Section | null {
  if (next?.kind !== 'listItem' || /^\s/.test(l.text)) return null;
  const plain = quickPlain(l.content);
  const words = plain.split(/\s+/).length;
  const marked = /^(\*\*|__).+(\*\*|__):?$/.test(l.content.trim()) || /^[A-Z]\)\s/.test(plain);
  // A sentence ending in a colon ("All fixes were verified through:") is prose, not a label.
  if (!(marked && words <= 10) && !(plain.endsWith(':') && words <= 4)) return null;
  const title = plain.replace(/^[A-Z]\)\s*/, '').replace(/:$/, '');
  return { level: 7, line: l.line, title, kind: classifySection(title), docTitle: false };
}

function struckText(md: string): string {
  return [...md.matchAll(/~~(.+?)~~/g)].map((m) => quickPlain(m[1])).join(' ');
}

function sectionEnd(lines: ScannedLine[], i: number): number {
  const level = lines[i].level;
  let last = lines[i].line;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'heading' && l.level <= level) break;
    if (l.kind !== 'blank' && l.kind !== 'setextUnderline') last = l.line;
    if (l.kind === 'setextUnderline' && lines[j - 1]?.kind === 'heading' && lines[j - 1].level <= level) break;
  }
  // A trailing thematic break (`---`) belongs to the layout, not to the finding.
  while (last > lines[i].line && /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(lines[last - 1].text)) {
    last--;
    while (last > lines[i].line && lines[last - 1].kind === 'blank') last--;
  }
  return last;
}

function contextOf(stack: Section[]): Context {
  let severity: Severity | null = null;
  let status: Status | null = null;
  // The report's own title ("Critical Bug Fixes") describes the document, not each finding.
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].docTitle) continue;
    severity ??= stack[k].kind.severity;
    status ??= stack[k].kind.status;
  }
  return { severity, status };
}

function isHeadingFinding(lines: ScannedLine[], i: number, end: number, plain: string, parts: TitleParts, stack: Section[]): boolean {
  if (plain === '' || isGroupHeading(plain)) return false;
  if (BODY_HEADING.test(parts.title) && parts.id === null) return false;
  const ownTitle = classifySection(parts.title);
  const inPraise = stack.some((s) => s.kind.positive);
  if (parts.id !== null && !parts.numbered) return !inPraise;
  if (inPraise || inProcedure(stack, false)) return false;
  const findingsContext = stack.some((s) => s.kind.findings || s.kind.severity !== null);
  if (parts.numbered) {
    // Under a findings or severity section a numbered heading is a finding whatever its words;
    // elsewhere ("## 1. Executive Summary") it needs marks or finding fields of its own.
    if (findingsContext) return !ownTitle.positive;
    if (parts.strong) return true;
    return !ownTitle.procedural && !ownTitle.summary && hasFindingFields(lines, i, end);
  }
  if (ownTitle.procedural || ownTitle.positive) return false;
  if (hasFindingSubheadings(lines, i, end)) return false;
  if (parts.severity !== null) return true;
  if (parts.status !== null && (findingsContext || hasFindingFields(lines, i, end))) return true;
  // A plain heading directly under a "Findings" section.
  const parent = stack[stack.length - 1];
  return parent !== undefined && parent.kind.findings && !parent.kind.summary && lines[i].level === parent.level + 1 && hasFindingFields(lines, i, end);
}

function hasFindingFields(lines: ScannedLine[], i: number, end: number): boolean {
  for (let j = i + 1; j < lines.length && lines[j].line <= end; j++) {
    const l = lines[j];
    if (l.kind === 'code' || l.kind === 'heading') continue;
    for (const f of fieldsInLine(l.text, l.line)) {
      if (/^(severity|status|file|files|location|locations|impact|likelihood|priority|risk|problem|issue|fix|recommendation|description)$/.test(f.label)) return true;
    }
    if (/`[^`\s]+\.[a-z]{1,6}:\d+/.test(l.text)) return true;
  }
  return false;
}

function hasFindingSubheadings(lines: ScannedLine[], i: number, end: number): boolean {
  for (let j = i + 1; j < lines.length && lines[j].line <= end; j++) {
    if (lines[j].kind !== 'heading') continue;
    const p = readTitle(quickPlain(lines[j].content));
    if ((p.id !== null && !p.numbered) || p.severity !== null || (p.numbered && !BODY_HEADING.test(p.title))) return true;
  }
  return false;
}

function listItemEnd(lines: ScannedLine[], i: number): number {
  const item = lines[i];
  let last = item.line;
  let sawBlank = false;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'heading' || l.kind === 'tableDelimiter') break;
    if (l.kind === 'listItem' && l.level <= item.level) break;
    if (l.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    const indent = /^[ \t]*/.exec(l.text)![0].replace(/\t/g, '    ').length;
    if ((l.kind === 'code' || l.kind === 'fence') && indent < item.contentColumn && !insideItemFence(lines, j, item)) break;
    if (sawBlank && l.kind !== 'code' && l.kind !== 'fence' && l.kind !== 'listItem' && indent < item.contentColumn) break;
    last = l.line;
    sawBlank = false;
  }
  return last;
}

// A fence opened by a line of the item keeps its code lines in the item.
function insideItemFence(lines: ScannedLine[], j: number, item: ScannedLine): boolean {
  for (let k = j; k >= 0 && lines[k].line > item.line; k--) {
    if (lines[k].kind === 'fence') {
      const indent = /^[ \t]*/.exec(lines[k].text)![0].length;
      return indent >= item.contentColumn || lines[k].kind === 'fence';
    }
  }
  return false;
}

// `**CRITICAL: title**`, `[HIGH] title`, `MED - title`, `CRITICO - title`; a capitalised word in a
// sentence ("Critical bugs fixed: 2") is no prefix.
const PREFIX_MARKED = /^\W{0,4}(?:\[(critical|high|medium|med|low|info)\]|(critical|high|medium|med|low|info|informational|cr[ií]tico|alto|medio|bajo|baixo|m[ée]dio)\s*[:\-–—]\s)/iu;
const PREFIX_UPPER = /^\W{0,4}(CRITICAL|HIGH|MEDIUM|MED|LOW|INFO|CR[IÍ]TICO|ALTO|MEDIO|BAJO)\s(?=\S)/u;

function severityPrefix(text: string): string | null {
  const m = PREFIX_MARKED.exec(text) ?? PREFIX_UPPER.exec(text);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Whether the section or one around it (the report's own title aside) is procedural, or
 * with `summaries` a summary: a summary's lists repeat findings, its headings may be findings.
 */
function inProcedure(stack: Section[], summaries: boolean): boolean {
  return stack.some((s, k) => !(k === 0 && s.docTitle) && (s.kind.procedural || (summaries && s.kind.summary)));
}

function listItemCandidate(l: ScannedLine, end: number, stack: Section[], nested: boolean): Candidate | null {
  const lead = l.content;
  const plain = quickPlain(lead);
  let strongLead = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(lead);
  // `**HIGH:** Issue title`: the bold part is only the severity; the title follows it.
  if (strongLead && /^\W*\w+\W*$/.test(quickPlain(strongLead[1])) && severityPrefix(quickPlain(strongLead[1]) + ' ') !== null) strongLead = null;
  const titleText = strongLead ? quickPlain(strongLead[1]) : plain;
  const prefix = severityPrefix(titleText) ?? severityPrefix(plain);
  const nearest = stack[stack.length - 1]?.kind;
  const anyPositive = stack.some((s) => s.kind.positive);
  if (anyPositive) return null;
  // A field line such as `- **Status:** Fixed` or `- **Bugs Fixed**: 14` is metadata.
  if (/^\s*(?:\*\*|__)[^*_]{1,40}(?::(?:\*\*|__)|(?:\*\*|__)\s*:)/.test(lead) && !prefix) return null;
  let parts = readTitle(titleText, '');
  let titleSource = strongLead ? strongLead[1] : lead;
  // `**CODE-6** (216 any): prioritize …` or `**[OPTIONAL]** …`: the bold part is an id or a
  // tag, and the title follows it.
  const idOnly = /^\[?(?:[A-Z][A-Z0-9]*-?\d+[a-z]?|#\d+)\]?$/.test(titleText);
  if (strongLead && (idOnly || /^\[[A-Z][A-Z ]{1,20}\]$/.test(titleText))) {
    titleSource = lead.slice(lead.indexOf(strongLead[0]) + strongLead[0].length).replace(/^[\s\]:.—–-]+/u, '');
    const id = idOnly ? titleText.replace(/[[\]]/g, '') : null;
    const idSeverity = id ? severityFromId(id) : null;
    parts = { ...readTitle(quickPlain(titleSource), ''), id, numbered: false, idSeverity };
    parts.strong = parts.strong || idSeverity !== null;
  }
  // "- Medium: 2 issues" counts findings; it is none.
  const isCount = /^\W*\w+\W+\d+\s+(issues?|findings?|bugs?|items?)\b/i.test(plain);
  if (isCount) return null;
  const procedure = inProcedure(stack, true);
  const isPrefixed = prefix !== null && !isCount && !procedure;
  const inFindingSection = nearest !== undefined && (nearest.findings || nearest.severity !== null) && !procedure;
  if (!isPrefixed && !inFindingSection) return null;
  if (!isPrefixed && (l.level > 3 || nested)) return null;
  const severity = prefix ? severityFromValue(prefix) : null;
  return {
    kind: 'listItem',
    startLine: l.line,
    endLine: end,
    titleSource,
    parts: { ...parts, severity: severity ?? parts.severity, strong: parts.strong || severity !== null },
    context: contextOf(stack),
    checkbox: l.checkbox,
    section: sectionTitle(stack),
    shorten: titleSource !== (strongLead?.[1] ?? null),
  };
}

// A findings table or list that repeats findings written out under headings adds nothing:
// "- Issue #1: Request Body Company Override" under a summary is a cross-reference.
function dropDuplicateTableRows(cands: Candidate[]): Candidate[] {
  const headingIds = new Set(cands.filter((c) => c.kind === 'heading' && c.parts.id).map((c) => normId(c.parts.id!)));
  const headingTitles = cands.filter((c) => c.kind === 'heading').map((c) => normTitle(c.parts.title)).filter((t) => t.length >= 8);
  cands = cands.filter((c) => {
    if (c.kind !== 'listItem') return true;
    if (c.parts.id !== null && headingIds.has(normId(c.parts.id))) return false;
    // "arbitrary-send-erc20 (1 result)" in a list of the findings written out below.
    const t = normTitle(c.parts.title);
    return !headingTitles.some((h) => t === h || t.startsWith(h + ' '));
  });
  const ids = new Set(cands.filter((c) => c.kind !== 'tableRow' && c.parts.id).map((c) => normId(c.parts.id!)));
  const titles = new Set(cands.filter((c) => c.kind !== 'tableRow').map((c) => normTitle(c.parts.title)));
  const hasOthers = cands.some((c) => c.kind !== 'tableRow');
  return cands.filter((c) => {
    if (c.kind !== 'tableRow') return true;
    if (c.table!.id !== null) return !ids.has(normId(c.table!.id));
    if (c.parts.id !== null && ids.has(normId(c.parts.id))) return false;
    if (titles.has(normTitle(c.parts.title))) return false;
    // A table without ids next to findings written out in full is a summary of them.
    return !hasOthers;
  });
}

function normId(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9.]/g, '').replace(/([A-Z])0+(\d)/g, '$1$2');
}

function normTitle(t: string): string {
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function buildFinding(c: Candidate, inline: InlineText, lines: ScannedLine[]): Finding {
  const readParts = readTitle(inline.text, inline.struck);
  const parts: TitleParts = {
    ...readParts,
    id: c.kind === 'heading' ? (readParts.id ?? c.parts.id) : (c.table?.id ?? c.parts.id ?? readParts.id),
    severity: c.parts.severity ?? readParts.severity,
    idSeverity: c.parts.idSeverity ?? readParts.idSeverity,
  };
  const body = bodyLines(c, lines);
  const fields = body.flatMap((l) => (l.kind === 'code' || l.kind === 'fence' ? [] : fieldsInLine(l.text, l.line)));
  // A table row's own fields are the markers written into its title cell.
  const own = c.kind === 'tableRow' ? fieldsInLine(c.table!.title, c.startLine) : fields;

  const severity =
    severityField(own, SEVERITY_LABELS) ??
    parts.severity ??
    c.table?.severity ??
    severityField(own, PRIORITY_LABELS) ??
    parts.idSeverity ??
    c.context.severity;

  const status = readStatus(c, parts, own, inline, lines) ?? 'open';
  const locations = findingLocations(c, body, lines);
  let title = parts.title;
  if (c.shorten) title = shortTitle(title);
  return {
    id: parts.id ?? '',
    title,
    severity,
    status,
    kind: c.kind,
    reportRange: { startLine: c.startLine, endLine: c.endLine },
    locations,
    body: body.map((l) => l.text).join('\n'),
  };
}

/** The first sentence or clause of an item with no bold title. */
function shortTitle(t: string): string {
  const cut = /^(.{8,}?)(?:\s[—–]\s|\.\s|\s-\s|:\s(?=[A-Z])|\s+(?:Evidencia|Evidence|Evidência|File|Location)\s*:)/u.exec(t);
  let s = (cut ? cut[1] : t).trim();
  // Never stop inside parentheses: "Update vite (test thoroughly - breaking changes)".
  if ((s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length) {
    const close = t.indexOf(')', s.length);
    if (close > 0) s = t.slice(0, close + 1);
  }
  return s.length > 140 ? s.slice(0, 137).trimEnd() + '…' : s;
}

function bodyLines(c: Candidate, lines: ScannedLine[]): ScannedLine[] {
  // lines[k] is line k + 1; a heading's body starts below it, an item's at its lead line.
  return lines.slice(c.kind === 'heading' ? c.startLine : c.startLine - 1, c.endLine);
}

function severityField(fields: Field[], labels: string[]): Severity | null {
  for (const f of fields) if (labels.includes(f.label)) {
    const s = severityFromValue(f.value);
    if (s) return s;
  }
  return null;
}

function readStatus(c: Candidate, parts: TitleParts, fields: Field[], inline: InlineText, lines: ScannedLine[]): Status | null {
  for (const f of fields) if (STATUS_LABELS_READ.includes(f.label)) {
    const s = statusFromValue(f.value);
    if (s) return s;
  }
  if (c.kind === 'tableRow') return c.table!.status ?? parts.status ?? c.context.status;
  if (c.kind === 'heading') {
    const next = lines.slice(c.startLine, c.endLine).find((l) => l.kind !== 'blank');
    const italic = next ? ITALIC_STATUS.exec(next.text) : null;
    if (italic) {
      const s = statusFromValue(italic[2]);
      if (s) return s;
    }
  }
  if (parts.status) return parts.status;
  if (c.kind === 'heading') {
    const sub = statusSubheading(lines, c);
    if (sub) return sub;
  }
  if (inline.struck !== '' && inline.struck.length >= inline.text.length * 0.5) return 'fixed';
  if (c.checkbox) return c.checkbox === 'checked' ? 'fixed' : 'open';
  return c.context.status;
}

/** `## Issue #3: …` followed by `### ✅ FIXED - 9 bugs` or `### ✅ INVESTIGATED - Cannot Reproduce`. */
function statusSubheading(lines: ScannedLine[], c: Candidate): Status | null {
  const sub = lines.slice(c.startLine, c.endLine).find((l) => l.kind === 'heading');
  if (!sub) return null;
  const text = quickPlain(sub.content);
  const m = /^\W*(?:✅|⏭️?|❌)?\s*(FIXED|RESOLVED|DONE|DEFERRED|INVESTIGATED|NOT FIXED|WON'?T FIX|FALSE POSITIVE|ACCEPTED|ACKNOWLEDGED|OPEN)\b(.*)$/u.exec(text);
  if (!m) return null;
  return statusFromValue(`${m[1]}${m[2]}`.replace(/^INVESTIGATED\b/, '')) ?? statusFromValue(text);
}

function findingLocations(c: Candidate, body: ScannedLine[], lines: ScannedLine[]): LocationRef[] {
  const refs: LocationRef[] = [];
  const orphans: Array<[number, number]> = [];
  if (c.table) {
    refs.push(...locationsInText(c.table.location, true), ...locationsInText(c.table.title, false));
  } else {
    refs.push(...locationsInText(lines[c.startLine - 1].text, true));
  }
  let filesListLevel = -1;
  for (const l of body) {
    if (l.line === c.startLine || l.kind === 'code' || l.kind === 'fence' || l.kind === 'frontMatter') continue;
    const fields = fieldsInLine(l.text, l.line);
    const locField = fields.find((f) => LOCATION_LABELS.includes(f.label));
    if (filesListLevel >= 0 && !(l.kind === 'listItem' && l.level > filesListLevel) && l.kind !== 'blank') filesListLevel = -1;
    if (locField && locField.value.replace(/[*_`\s]/g, '') === '') {
      filesListLevel = l.kind === 'listItem' ? l.level : -0.5;
    }
    const fileLevel = locField !== undefined || filesListLevel !== -1 && l.kind === 'listItem';
    refs.push(...locationsInText(l.text, fileLevel));
    for (const f of fields) if (LINE_LABELS.includes(f.label)) orphans.push(...orphanLines(f.value));
    orphans.push(...proseLines(l.text));
  }
  const unique = dedupeLocations(refs);
  const paths = new Set(unique.map((r) => r.path));
  if (orphans.length > 0 && paths.size === 1 && unique.every((r) => r.startLine === null)) {
    const path = unique[0].path;
    return dedupeLocations(orphans.map(([s, e]) => ({ path, startLine: s, endLine: e })));
  }
  return unique;
}
