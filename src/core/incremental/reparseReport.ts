import type { Judgement, SectionScope } from '../detect/detectFindings';
import { reportLines, scanLines } from '../markdown/scanLines';
import { readReport, type Reading } from '../parseReport';
import type { Finding, ParsedReport } from '../types';
import { changedLines } from './changedLines';
import { assumeHomeRepository } from '../locations/findingLocations';
import { mostLinked, permalinkCounts } from '../locations/homeRepository';

/**
 * A parse kept for re-reading the same report after an edit (the open report in the editor,
 * `set-status`'s check). Treat it as opaque: pass it back to `reparseReport` with the new text.
 */
export interface ReportParseState {
  readonly text: string;
  readonly report: ParsedReport;
  /** What re-reading needs; internal to the core. */
  readonly memo: ReparseMemo;
}

interface ReparseMemo {
  /** The text's lines, as the reader splits them. */
  readonly raw: readonly string[];
  /** Per finding, in the order of `report.findings`: what a heading finding was judged with; null for others. */
  readonly sections: ReadonlyArray<SectionMemo | null>;
  /** The report's first heading, which the reader may take for the document's title. */
  readonly firstHeading: number;
  /** Permalinks per repository, and the one linked most (homeRepository): the report's own, which a section alone cannot tell. */
  readonly links: ReadonlyMap<string, number>;
  readonly home: string | null | undefined;
}

interface SectionMemo {
  readonly within: SectionScope;
  /** The judgement that made it a finding, as its siblings and parent see it (see `signatureOf`). */
  readonly signature: string;
  /**
   * Whether the section read alone, in its scope, gives the finding it gives in its report: false
   * when its siblings, a report comment above it or the report's permalinks shape it. Checked on
   * the first edit inside it.
   */
  alone?: boolean;
}

/** Parses a report and keeps what `reparseReport` needs to re-read it after an edit. */
export function parseReportState(text: string): ReportParseState {
  const lines = scanLines(text);
  const reading = readReport(lines);
  const firstHeading = lines.find((l) => l.kind === 'heading')?.line ?? 0;
  const raw = lines.map((l) => l.text);
  const links = permalinkCounts(raw);
  return { text, report: reading.report, memo: { raw, sections: sectionMemos(reading), firstHeading, links, home: mostLinked(links) } };
}

/**
 * The parse of `text`, an edited version of `previous.text`; it always equals `parseReport(text)`.
 * An edit below a heading finding's heading line and inside its section re-reads that section
 * alone, in the scope it was judged in, and shifts the findings below it; the whole report is
 * read again whenever that could differ from reading it whole (see `rereadSection`).
 */
export function reparseReport(previous: ReportParseState, text: string): ReportParseState {
  if (text === previous.text) return previous;
  return rereadSection(previous, text) ?? parseReportState(text);
}

// An ATX heading line: a section the reader bounds by the next heading of its level or above.
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
// A thematic break; after a blank line (else `---` underlines the line above as a heading).
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function rereadSection(previous: ReportParseState, text: string): ReportParseState | null {
  const { memo, report } = previous;
  const raw = reportLines(text);
  const change = changedLines(memo.raw, raw);
  if (change === null) return { text, report, memo: { ...memo, raw } };
  // The last heading finding that starts above the edit: the edit must lie in its section.
  let k = -1;
  report.findings.forEach((f, i) => {
    if (f.kind === 'heading' && f.reportRange.startLine < change.first) k = i;
  });
  const section = k >= 0 ? memo.sections[k] : null;
  if (!section) return null;
  const old = report.findings[k];
  const start = old.reportRange.startLine;
  const level = ATX.exec(memo.raw[start - 1])?.[1].length;
  if (level === undefined || start === memo.firstHeading) return null;
  // The section runs on over the blank lines and rules (`---` between findings) after the finding,
  // to what ends it: a heading of its level or above, or the end of the report.
  let end = old.reportRange.endLine;
  while (end < memo.raw.length && (memo.raw[end].trim() === '' || (RULE.test(memo.raw[end]) && memo.raw[end - 1].trim() === ''))) end++;
  if (change.lastOld > end) return null;
  const after = memo.raw[end];
  const afterLevel = after === undefined ? 0 : ATX.exec(after)?.[1].length;
  if (afterLevel === undefined || afterLevel > level) return null;
  const delta = raw.length - memo.raw.length;
  const before = memo.raw.slice(start - 1, end);
  const now = raw.slice(start - 1, end + delta);
  // A report comment as the section's last block speaks for the block after it, outside the section.
  if (endsWithComment(before) || endsWithComment(now)) return null;
  // Permalinks anywhere in a report decide which repository is its own: the edit may not change it.
  let links = memo.links;
  if (before.some(hasPermalink) || now.some(hasPermalink)) {
    links = permalinkCounts(now, permalinkCounts(before, new Map(links), -1));
    if (mostLinked(links) !== memo.home) return null;
  }
  if (section.alone === undefined) {
    const alone = readAlone(before, after, level, section.within, memo.home);
    section.alone = alone !== null && alone.signature === section.signature && sameFinding(alone.finding, old, start - 1);
  }
  if (!section.alone) return null;
  const next = readAlone(now, after, level, section.within, memo.home);
  if (next === null || next.signature !== section.signature) return null;
  const finding = shifted(next.finding, start - 1);
  // Other findings see a heading finding only through its title, id and severity (repeats, unique ids).
  if (finding.title !== old.title || finding.reportId !== old.reportId || finding.severity !== old.severity) return null;
  finding.id = old.id;
  const findings = report.findings.map((f, i) => (i < k ? f : i === k ? finding : delta === 0 ? f : shifted(f, delta)));
  // Memos are per finding, in order, and a scope holds only the headings above its section: they stand.
  return { text, report: { title: report.title, findings }, memo: { ...memo, raw, links } };
}

/** The one finding a section's lines give read alone, and the signature of its judgement. */
function readAlone(lines: readonly string[], after: string | undefined, level: number, within: SectionScope, home: string | null | undefined): { finding: Finding; signature: string } | null {
  const scanned = scanLines(after === undefined ? lines.join('\n') : `${lines.join('\n')}\n${after}`);
  // An open fence or comment would run on past the section in the report.
  if (after !== undefined && scanned.pop()?.kind !== 'heading') return null;
  // A heading of its level or above (`---` under a line makes one) would end the section inside the lines.
  if (scanned.some((l, i) => i > 0 && l.kind === 'heading' && l.level <= level)) return null;
  assumeHomeRepository(scanned, home);
  const reading = readReport(scanned, within);
  const [finding, ...more] = reading.report.findings;
  if (!finding || more.length > 0 || finding.kind !== 'heading' || finding.reportRange.startLine !== 1) return null;
  const signature = sectionMemos(reading)[0]?.signature;
  return signature === undefined ? null : { finding, signature };
}

function sectionMemos(reading: Reading): Array<SectionMemo | null> {
  const judged = new Map(reading.detection.judgements.filter((j) => j.kind === 'heading').map((j) => [j.line, j]));
  return reading.report.findings.map((f) => {
    const within = f.kind === 'heading' ? reading.detection.scopes.get(f.reportRange.startLine) : undefined;
    const j = judged.get(f.reportRange.startLine);
    if (!within || !j) return null;
    return { within, signature: signatureOf(j) };
  });
}

/**
 * What a heading's judgement shares with its siblings and parent. A heading that is a finding by
 * its own score (no sibling or report comment made it one) shows them its verdict alone: the rest
 * they read (an id, a severity, a location in the title) comes from its heading line, which an
 * edit re-read here never changes. What they give it is its context's status (a verdict heading
 * above it, `### ✅ FIXED - 9 bugs`, lends its status to later siblings): that is part of the
 * signature, so a section that took one is never read alone. So a status line written or changed
 * under a finding (set-status, the editor's quick fix) keeps its section re-readable alone. Any
 * other verdict shows every cue.
 */
function signatureOf(j: Judgement): string {
  if (j.verdict === 'finding' && j.because === undefined) return `finding\n${j.candidate?.context.status ?? ''}`;
  return [j.verdict, ...j.cues.map((c) => `${c.name}:${c.weight}:${c.detail ?? ''}`)].join('\n');
}

/** Whether the last line that is not blank opens or closes an HTML comment (a report comment, `<!-- audit-lens: … -->`). */
function endsWithComment(lines: readonly string[]): boolean {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i].trim();
    if (t !== '') return t.startsWith('<!--') || t.endsWith('-->');
  }
  return false;
}

function hasPermalink(line: string): boolean {
  return line.includes('/blob/');
}

function shifted(f: Finding, by: number): Finding {
  return { ...f, reportRange: { startLine: f.reportRange.startLine + by, endLine: f.reportRange.endLine + by } };
}

/** `alone` (lines counted from 1) is `inReport` read at `offset`, its id aside (ids are the report's). */
function sameFinding(alone: Finding, inReport: Finding, offset: number): boolean {
  const a = shifted(alone, offset);
  return JSON.stringify({ ...a, id: '' }) === JSON.stringify({ ...inReport, id: '' });
}
