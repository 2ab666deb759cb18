import type { Block } from '../markdown/blocks';
import { quickPlain } from '../markdown/plain';
import type { ScannedLine } from '../markdown/scanLines';
import { classifySection, type SectionKind } from '../vocabulary/sectionKind';
import { isGroupHeading } from '../vocabulary/groupHeading';
import { readTitle, type TitleParts } from './readTitle';
import { BODY_PART_HEADING } from '../vocabulary/findingWords';
import type { Severity, Status } from '../types';
import { fieldsInLine, SEVERITY_LABELS } from '../markdown/fields';
import { severityFromValue } from '../vocabulary/severity';

/** What a heading (or a label line before a list) says about the units beneath it. */
export interface SectionInfo {
  line: number;
  title: string;
  kind: SectionKind;
  /** The report's own title: its words say what the document is, not what a section holds. */
  docTitle: boolean;
  /** A label line (`**Remaining Issues:**`) rather than a heading. */
  label: boolean;
  /** The heading reads as a finding by itself (an id or a severity mark): it is no group for what it holds. */
  unit: boolean;
  /** The heading is a part of a finding's body (`#### Impact`, `### Recommendation`). */
  bodyPart: boolean;
  /** The heading's title read once (headings only), so the detector need not read it again. */
  parts?: TitleParts;
}

const NEUTRAL: SectionKind = { findings: false, procedural: false, summary: false, positive: false, severity: null, status: null };

export function sectionInfo(lines: readonly ScannedLine[], b: Block, firstHeading: Block | null): SectionInfo {
  const l = lines[b.index];
  const title = quickPlain(l.content);
  const group = isGroupHeading(title);
  const parts = readTitle(title);
  const marked = (parts.id !== null && !parts.numbered) || parts.severity !== null;
  // The first H1 names the report, unless it is a group ("# High Risk Findings") or a finding ("# Issue H-1: …").
  const docTitle = b === firstHeading && l.level === 1 && !group && !marked;
  // Copied: it is changed below, and classifySection's answers are shared.
  const kind = { ...(docTitle ? NEUTRAL : classifySection(title)) };
  // A heading that only names a group (`## Open`, `### LOW`, `## P1`) says its units are findings.
  if (group) kind.findings = true;
  const unit = !group && marked;
  const bodyPart = parts.id === null && BODY_PART_HEADING.test(parts.title);
  // `## arbitrary-send-eth` / `Impact: High` / `- [ ] ID-0` (Slither checklists), `## Group` / `**Severity:** Low`:
  // a severity field before the section's first block speaks for the units beneath it, and outranks a
  // word of the heading (`## low-level-calls` over `Impact: Informational`).
  if (!docTitle) kind.severity = leadingSeverity(lines, b) ?? kind.severity;
  return { line: l.line, title, kind, docTitle, label: false, unit, bodyPart, parts };
}

/**
 * A label line that introduces a list acts as its section heading (agent session logs, Spanish
 * reviews): `**Remaining Issues:**`, `C) Riesgos no bloqueantes`, `Still open:`. A sentence ending
 * in a colon ("All fixes were verified through:") is prose, not a label.
 */
export function labelInfo(lines: readonly ScannedLine[], p: Block): SectionInfo | null {
  const l = lines[p.endLine - 1];
  if (l.kind !== 'text' || /^\s/.test(l.text)) return null;
  const plain = quickPlain(l.content);
  const words = plain.split(/\s+/).length;
  const marked = /^(\*\*|__)[^\n]{1,200}(\*\*|__):?$/.test(l.content.trim()) || /^[A-Z]\)\s/.test(plain);
  if (!(marked && words <= 10) && !(plain.endsWith(':') && words <= 4)) return null;
  const title = plain.replace(/^[A-Z]\)\s*/, '').replace(/:$/, '');
  return { line: l.line, title, kind: classifySection(title), docTitle: false, label: true, unit: false, bodyPart: false };
}

/** Severity and status the nearest sections give their findings (the report's own title aside). */
export function contextOf(stack: readonly SectionInfo[]): { severity: Severity | null; status: Status | null } {
  let severity: Severity | null = null;
  let status: Status | null = null;
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].docTitle) continue;
    severity ??= stack[k].kind.severity;
    status ??= stack[k].kind.status;
  }
  return { severity, status };
}

/** A `Severity:` or `Impact:` field between a heading and its first list, table or sub-section. */
function leadingSeverity(lines: readonly ScannedLine[], b: Block): Severity | null {
  const stop = b.children.find((c) => c.kind !== 'paragraph')?.line ?? b.endLine + 1;
  for (let n = b.line + 1; n < stop && n <= b.line + 8; n++) {
    for (const f of fieldsInLine(lines[n - 1].text, n)) {
      if (SEVERITY_LABELS.includes(f.label) || f.label === 'impact') {
        const s = severityFromValue(f.value);
        if (s) return s;
      }
    }
  }
  return null;
}
