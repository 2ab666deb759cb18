import type { LineRange, Severity, Status } from './types';

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
  id: string;
  title: string;
  severity: Severity | null;
  status: Status;
  reportRange: LineRange;
  locations: ScannedLocation[];
}

export interface ScannedLocation {
  path: string;
  startLine: number | null;
  endLine: number | null;
  /** File the location points to, relative to the root with `/` separators; null when not found or ambiguous. */
  resolved: string | null;
}

export interface ScanError {
  path: string;
  message: string;
}
