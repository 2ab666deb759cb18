import { assignIds } from './detect/assignIds';
import { buildFinding } from './detect/buildFinding';
import { quickPlain } from './markdown/plain';
import { detectFindings } from './detect/detectFindings';
import { dropRepeats } from './detect/dropRepeats';
import { buildBlocks } from './markdown/blocks';
import { InlineReader } from './markdown/inlineText';
import { scanLines, type ScannedLine } from './markdown/scanLines';
import type { ParsedReport } from './types';

const STATUS_MARKER = /\s*(?:\*\*|__)Status:(?:\*\*|__).*$/;

// Stateless between calls: one unified processor serves every parse.
const inlineReader = new InlineReader();

/** Reads the findings of one Markdown report. Never throws; lines are 1-based. */
export function parseReport(text: string): ParsedReport {
  const lines = scanLines(text);
  const { candidates: found } = detectFindings(lines, buildBlocks(lines));
  const candidates = dropRepeats(found);
  // A status marker written on an item or cell (`… **Status:** Fixed`) is not part of its title.
  const inline = inlineReader.readAll(candidates.map((c) => (c.kind === 'heading' ? c.titleSource : c.titleSource.replace(STATUS_MARKER, ''))));
  const findings = candidates.map((c, i) => buildFinding(c, inline[i], lines));
  assignIds(findings, candidates);
  return { title: reportTitle(lines, new Set(candidates.map((c) => c.startLine))), findings };
}

/** Front matter's title, else the first H1 (or first heading) unless that is a finding; else ''. */
function reportTitle(lines: ScannedLine[], findingLines: Set<number>): string {
  const front = lines.find((l) => l.kind === 'frontMatter' && /^title:\s*\S/.test(l.text));
  if (front) return front.text.replace(/^title:\s*/, '').replace(/^["']|["']$/g, '').trim();
  const h1 = lines.find((l) => l.kind === 'heading' && l.level === 1) ?? lines.find((l) => l.kind === 'heading');
  return h1 && !findingLines.has(h1.line) ? quickPlain(h1.content) : '';
}


/**
 * A parse kept for re-reading the same report after an edit (the open report in the editor,
 * `set-status`'s verification). Treat it as opaque: pass it back to `reparseReport`.
 */
export interface ReportParseState {
  readonly text: string;
  readonly report: ParsedReport;
}

/** Parses a report and keeps what `reparseReport` needs to re-read it after an edit. */
export function parseReportState(text: string): ReportParseState {
  return { text, report: parseReport(text) };
}

/**
 * The parse of `text`, an edited version of `previous.text`. The result always equals
 * `parseReport(text)`; only the cost differs.
 */
export function reparseReport(previous: ReportParseState, text: string): ReportParseState {
  if (text === previous.text) return previous;
  return parseReportState(text);
}
