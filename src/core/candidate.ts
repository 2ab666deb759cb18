import type { TitleParts } from './readTitle';
import type { CodeFinding } from './dialects/dialect';
import type { TableFinding } from './readTable';
import type { ScannedLine } from './scanLines';
import type { SectionKind } from './sectionKind';
import type { FindingKind, Severity, Status } from './types';

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
  /** A finding a dialect read out of tool output in fenced code. */
  code?: CodeFinding;
}

export interface Context {
  severity: Severity | null;
  status: Status | null;
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
export interface Section {
  level: number;
  line: number;
  kind: SectionKind;
  title: string;
  /** The report's title heading: its words say what the document is, not what a section holds. */
  docTitle: boolean;
}

export function sectionTitle(stack: Section[]): string {
  return stack[stack.length - 1]?.title ?? '';
}
export function contextOf(stack: Section[]): Context {
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
/**
 * Whether the section or one around it (the report's own title aside) is procedural, or
 * with `summaries` a summary: a summary's lists repeat findings, its headings may be findings.
 */
export function inProcedure(stack: Section[], summaries: boolean): boolean {
  return stack.some((s, k) => !(k === 0 && s.docTitle) && (s.kind.procedural || (summaries && s.kind.summary)));
}
