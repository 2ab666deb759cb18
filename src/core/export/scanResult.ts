import type { FileIndex } from '../locations/fileIndex';
import { statusNote } from '../edit/statusValue';
import { currentStatusValues } from '../edit/setFindingStatus';
import { scanLines } from '../markdown/scanLines';
import { readReport } from '../parseReport';
import type { LineRange, ParsedReport, Severity, Status } from '../types';
import type { Drift } from '../drift/driftTypes';

/** The CLI's `scan --json` shape (version 1); also the input of the SARIF export. */
export interface ScanResult {
  version: 1;
  root: string;
  reports: ScannedReport[];
  errors: ScanError[];
}

export interface ScannedReport {
  path: string;
  title: string;
  findings: ScannedFinding[];
}

export interface ScannedFinding {
  /** The report's own id as written (repeated ids stay as the report has them), else the derived key. */
  id: string;
  /** Unique in the report: what `set-status` and the editor address a finding by. */
  key: string;
  title: string;
  severity: Severity | null;
  status: Status;
  reportRange: LineRange;
  locations: ScannedLocation[];
  /** What the status value says beyond the status (a triage note, the author's words); null when nothing. */
  statusNote: string | null;
}

export interface ScannedLocation {
  path: string;
  startLine: number | null;
  endLine: number | null;
  /**
   * File the location points to now, relative to the root with `/` separators (after a rename,
   * the new path); null when not found, ambiguous, or deleted.
   */
  resolved: string | null;
  /** The lines it covers now (#10): null when gone or file-level. Absent when the scan did not map locations. */
  current?: LineRange | null;
  /** How the location relates to the revision it was written against (#10). Absent when the scan did not map locations. */
  drift?: Drift;
}

export interface ScanError {
  path: string;
  message: string;
}

/**
 * One parsed report in the scan shape, with each location resolved against the root's files.
 * `statusNotes` holds each finding's `statusNote`, in order (see `readForScan`).
 */
export function toScannedReport(relPath: string, fallbackTitle: string, parsed: ParsedReport, files: FileIndex, statusNotes: ReadonlyArray<string | null>): ScannedReport {
  return {
    path: relPath,
    title: parsed.title || fallbackTitle,
    findings: parsed.findings.map((f, i) => ({
      id: f.reportId ?? f.id,
      key: f.id,
      title: f.title,
      severity: f.severity,
      status: f.status,
      reportRange: { ...f.reportRange },
      statusNote: statusNotes[i] ?? null,
      locations: f.locations.map((l) => ({ path: l.path, startLine: l.startLine, endLine: l.endLine, resolved: files.resolve(l.path, relPath) })),
    })),
  };
}

/**
 * A report read for the scan: its findings and each one's `statusNote`, from one scan of its
 * lines (the notes are read from the lines the reader scanned, not from a second scan).
 */
export function readForScan(text: string): { report: ParsedReport; notes: Array<string | null> } {
  const lines = scanLines(text);
  const report = readReport(lines).report;
  return { report, notes: currentStatusValues(text, report.findings, lines).map(statusNote) };
}
