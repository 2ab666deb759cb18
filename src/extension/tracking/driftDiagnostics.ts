import * as vscode from 'vscode';
import { locationText } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../commandIds';
import { hasOwnId } from '../findingText';
import type { IndexedFinding, IndexedReport } from '../indexModel';
import { lineRange } from '../lines';
import { diagnosticSuffix, goneMessage, movedMessage, shortSha, writtenText } from './driftText';
import type { LiveLocation, LocationTracker } from './locationTracker';

/** Codes of the report diagnostics about drift; the quick fixes key on them. */
export const DRIFT_CODES = {
  gone: 'location-gone',
  moved: 'location-moved',
  changed: 'location-changed',
} as const;

/** A drift diagnostic in a report, with the finding and location it is about. */
export interface DriftEntry {
  diagnostic: vscode.Diagnostic;
  finding: IndexedFinding;
  location: LiveLocation;
}

/** What a finding's diagnostic in code adds for its location: ` (code changed since 0da54fe)`, or ''. */
export function codeDiagnosticSuffix(l: LiveLocation): string {
  return diagnosticSuffix(l.tracked.drift);
}

/**
 * The report's diagnostics about its locations' code, on the location where it is written:
 * `gone` (the code was deleted: the finding may be fixed), `moved` (a hint, with Update line
 * numbers) and `changed` against a known base. `shows` says which findings count (open ones, and
 * deferred ones when shown).
 */
export function driftEntries(report: IndexedReport, tracker: LocationTracker, doc: vscode.TextDocument | undefined, shows: (f: IndexedFinding) => boolean): DriftEntry[] {
  // The report's lines, split only once a location has drifted (most updates find none); without
  // an open report, each finding's body stands in, built once per finding.
  let docLines: string[] | undefined;
  const out: DriftEntry[] = [];
  for (const f of report.findings) {
    if (!shows(f)) continue;
    let ownLines: string[] | undefined;
    const linesOf = (): string[] => (doc ? (docLines ??= doc.getText().split('\n')) : (ownLines ??= bodyLines(f)));
    for (const l of tracker.locations(f)) {
      const t = l.tracked;
      const { state, base } = t.drift;
      let message: string;
      let severity: vscode.DiagnosticSeverity;
      if (state === 'gone') {
        message = goneMessage(t);
        severity = vscode.DiagnosticSeverity.Information;
      } else if (state === 'moved') {
        message = movedMessage(t);
        severity = vscode.DiagnosticSeverity.Hint;
      } else if (state === 'changed' && base) {
        message = `The code at ${writtenText(t)} changed since ${shortSha(base)}.`;
        severity = vscode.DiagnosticSeverity.Information;
      } else continue;
      const d = new vscode.Diagnostic(whereWritten(f, l, linesOf(), doc), `${hasOwnId(f.finding) ? `[${f.finding.id}] ` : ''}${message}`, severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = DRIFT_CODES[state];
      out.push({ diagnostic: d, finding: f, location: l });
    }
  }
  return out;
}

/** The location's text in the report (`src/a.ts:10-12`), else the finding's first line. */
function whereWritten(f: IndexedFinding, l: LiveLocation, lines: readonly string[], doc: vscode.TextDocument | undefined): vscode.Range {
  const token = locationText(lines, f.finding, l.tracked.written);
  if (!token) return lineRange(f.finding.reportRange.startLine, f.finding.reportRange.startLine, doc);
  return new vscode.Range(token.line - 1, token.startCol, token.line - 1, token.endCol);
}

/**
 * The report's lines as far as the finding's body gives them, when the report is not open: the
 * body starts on the line after a heading, on the finding's own line otherwise.
 */
function bodyLines(f: IndexedFinding): string[] {
  const { kind, reportRange, body } = f.finding;
  const first = kind === 'heading' ? reportRange.startLine + 1 : reportRange.startLine;
  return [...(new Array<string>(first - 1).fill('')), ...body.split(/\r\n|\r|\n/)];
}
