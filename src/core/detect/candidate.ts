import type { TitleParts } from './readTitle';
import type { CodeFinding } from '../dialects/dialect';
import type { TableFinding } from './readTable';
import type { ScannedLine } from '../markdown/scanLines';
import type { FindingKind, Severity, Status } from '../types';

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
