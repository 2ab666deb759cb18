import { assignIds } from './detect/assignIds';
import { buildFinding } from './detect/buildFinding';
import type { Candidate } from './detect/candidate';
import { quickPlain } from './markdown/plain';
import { detectFindings, type Detection, type SectionScope } from './detect/detectFindings';
import { dropRepeats } from './detect/dropRepeats';
import { buildBlocks } from './markdown/blocks';
import { InlineReader } from './markdown/inlineText';
import { scanLines, type ScannedLine } from './markdown/scanLines';
import type { ParsedReport } from './types';

// `(?<!\s)`: a match starts where its spaces start, so a long run of spaces is tried once, not
// from each of its characters (quadratic). `[^]` and not `.`: U+2028 is an ordinary character here.
const STATUS_MARKER = /(?<!\s)\s*(?:\*\*|__)Status:(?:\*\*|__)[^]*$/;

// Stateless between calls: one unified processor serves every parse.
const inlineReader = new InlineReader();

/** Reads the findings of one Markdown report. Never throws; lines are 1-based. */
export function parseReport(text: string): ParsedReport {
  return readReport(scanLines(text)).report;
}

/** A reading with what the detector saw on the way, for re-reading one section after an edit. */
export interface Reading {
  report: ParsedReport;
  detection: Detection;
  candidates: Candidate[];
}

/**
 * The reader's pipeline over scanned lines. With `within`, the lines are one heading section
 * judged alone in the scope it had in its report (see reparseReport).
 */
export function readReport(lines: ScannedLine[], within?: SectionScope): Reading {
  const detection = detectFindings(lines, buildBlocks(lines), within);
  const candidates = dropRepeats(detection.candidates);
  // A status marker written on an item or cell (`… **Status:** Fixed`) is not part of its title.
  const inline = inlineReader.readAll(candidates.map((c) => (c.kind === 'heading' ? c.titleSource : c.titleSource.replace(STATUS_MARKER, ''))));
  const findings = candidates.map((c, i) => buildFinding(c, inline[i], lines));
  assignIds(findings, candidates);
  return { report: { title: reportTitle(lines, new Set(candidates.map((c) => c.startLine))), findings }, detection, candidates };
}

/** Front matter's title, else the first H1 (or first heading) unless that is a finding; else ''. */
function reportTitle(lines: ScannedLine[], findingLines: Set<number>): string {
  // Front matter only opens a report: the walk stops at its end, not at the report's.
  let front: ScannedLine | undefined;
  for (let i = 0; i < lines.length && lines[i].kind === 'frontMatter' && !front; i++) if (/^title:\s*\S/.test(lines[i].text)) front = lines[i];
  if (front) return front.text.replace(/^title:\s*/, '').replace(/^["']|["']$/g, '').trim();
  const h1 = lines.find((l) => l.kind === 'heading' && l.level === 1) ?? lines.find((l) => l.kind === 'heading');
  return h1 && !findingLines.has(h1.line) ? quickPlain(h1.content) : '';
}
