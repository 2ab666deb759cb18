import type { ScannedLine } from '../markdown/scanLines';
import type { LocationRef, Severity, Status } from '../types';

/** A finding a dialect reads out of lines the general reader does not weigh (tool output in fenced code). */
export interface CodeFinding {
  line: number;
  endLine: number;
  id: string | null;
  title: string;
  severity: Severity | null;
  locations: LocationRef[];
}

/**
 * The quirks of one report family, behind a fixed set of hooks. Each hook is optional; the
 * reader asks every dialect in `DIALECTS` order and takes the first answer.
 */
export interface Dialect {
  /** The family it serves, as `explain` names it. */
  name: string;
  /** Findings inside one fenced code block (its lines, fences excluded). */
  codeFindings?(code: readonly ScannedLine[]): CodeFinding[];
  /** A status the family writes in a finding's body (`lines` are the body, code included). */
  status?(body: readonly ScannedLine[]): Status | null;
}
