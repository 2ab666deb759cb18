import { contextOf, inProcedure, quickPlain, sectionTitle, type Candidate, type Section } from './candidate';
import { fieldsInLine } from './fields';
import { listItemCandidate, listItemEnd } from './listItemCandidate';
import { readTable } from './readTable';
import { readTitle, type TitleParts } from './readTitle';
import type { ScannedLine } from './scanLines';
import { classifySection } from './sectionKind';
import { isGroupHeading } from './sectionish';

// Sub-headings that structure a finding's body; never findings themselves.
const BODY_HEADING = /^(impact|description|details?|technical details|recommendations?|recommended (mitigation|fix)|mitigations?|proof of concept|poc|fix(es)?( applied| required)?|code snippets?|found by|summary|vulnerability details?|tool used|discussion|developer response|root cause|problem|solution|severity|status|locations?|examples?|test cases?|references|lines of code|context|background|remediation|resolution|likelihood|risk|notes?|assessed type|exploit scenario|attack scenario|steps to reproduce|reproduction|evidence|analysis|verification|affected (code|files?)|scenario|explanation|suggested fix|proposed fix|current code|fixed code|before|after|why it matters|how to fix)\b/i;

/** Finds what in a scanned report is a finding: headings, list items, table rows. */
export function findCandidates(lines: ScannedLine[]): Candidate[] {
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
  return dropRepeats(out);
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
// A findings table or list that repeats findings written out under headings adds nothing:
// "- Issue #1: Request Body Company Override" under a summary is a cross-reference.
function dropRepeats(cands: Candidate[]): Candidate[] {
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
