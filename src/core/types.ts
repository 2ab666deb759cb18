/** Normalized severity of a finding; `null` on a finding means the report gives none. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Normalized triage status. `accepted` covers won't fix and accepted risk. */
export type Status = 'open' | 'fixed' | 'deferred' | 'false_positive' | 'accepted';
export const STATUSES: readonly Status[] = ['open', 'fixed', 'deferred', 'false_positive', 'accepted'];

/** Lines are 1-based and inclusive throughout the core. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** A reference from a finding to code, as written in the report (normalized). */
export interface LocationRef {
  /** Path as written, with `/` separators and no leading `./`. */
  path: string;
  /** Null for a file-level reference. */
  startLine: number | null;
  endLine: number | null;
}

/** How the finding is laid out in the report; the write-back needs it. */
export type FindingKind = 'heading' | 'listItem' | 'tableRow' | 'paragraph' | 'codeLine';

export interface Finding {
  /** Unique in its report: the report's own id, qualified when the report repeats it, else a slug of the title. */
  id: string;
  /** The id exactly as the report writes it (`H-01`, `#12`), repeated or not; null when the report gives none. */
  reportId: string | null;
  title: string;
  severity: Severity | null;
  status: Status;
  kind: FindingKind;
  /** The finding's own lines in the report (heading to end of its section, the item, or the row). */
  reportRange: LineRange;
  locations: LocationRef[];
  /** Markdown source of the finding's body, for hovers (shortened by the consumer). */
  body: string;
}

export interface ParsedReport {
  title: string;
  findings: Finding[];
}

/** A replacement of whole lines [startLine, endLine] (1-based, inclusive) by `lines`. */
export interface LineEdit {
  startLine: number;
  /** endLine = startLine - 1 inserts before startLine without removing anything. */
  endLine: number;
  lines: string[];
}

/** A character-offset edit on the original text, for adapters that apply offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}
