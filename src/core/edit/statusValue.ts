import { STATUS_LABELS, statusFromValue } from '../vocabulary/status';
import type { Status } from '../types';

const SEPARATOR = ' — previously: ';
const LABELS = Object.values(STATUS_LABELS).join('|');
// A value Audit Lens wrote: `Fixed`, `Fixed (2026-11-23)`, `Fixed (2026-11-23): note`, with the
// author's earlier words kept after ` — previously: `. A note is escaped (its `:` is `\:`), so the
// separator never comes from a note.
const OURS = new RegExp(`^(${LABELS})(?: \\((\\d{4}-\\d{2}-\\d{2})\\))?(?:: (.*?))?(?:${SEPARATOR}(.*))?$`, 'iu');

export interface StatusValueOptions {
  /** Already escaped with `escapeNote`. */
  note: string;
  date: string | undefined;
}

/**
 * The status value to write in place of `current` (null where the finding has no status
 * value yet). What the report's author wrote is never dropped: it is kept after
 * ` — previously: `, and setting the status it names again (without a note) brings it back
 * word for word. Only a bare label with an optional date, which says nothing more, is
 * replaced outright. Reopening writes a clean `Open`, with no date.
 */
export function composeStatusValue(next: Status, current: string | null, options: StatusValueOptions): string {
  const kept = authorsWords(current);
  if (kept !== null && options.note === '' && statusFromValue(kept) === next) return kept;
  let value = STATUS_LABELS[next];
  if (options.date && next !== 'open') value += ` (${options.date})`;
  if (options.note) value += `: ${options.note}`;
  return kept === null ? value : `${value}${SEPARATOR}${kept}`;
}

/** The words in a status value worth keeping: null for nothing or a bare label (and date) of ours. */
export function authorsWords(current: string | null): string | null {
  const v = current?.trim() ?? '';
  if (v === '') return null;
  const ours = OURS.exec(v);
  if (!ours) return v;
  if (ours[4] !== undefined) return ours[4];
  return ours[3] ? v : null;
}

/**
 * What a status value says beyond its status, for a SARIF justification: the note of a
 * value Audit Lens wrote, or the author's words as written; null when it says nothing more.
 */
export function statusNote(current: string | null): string | null {
  const v = current?.trim() ?? '';
  if (v === '') return null;
  const ours = OURS.exec(v);
  if (!ours) return unescapeMarkdown(v);
  const parts = [ours[3], ours[4]].filter((p): p is string => p !== undefined && p !== '');
  return parts.length === 0 ? null : unescapeMarkdown(parts.join(`${SEPARATOR.trimEnd()} `));
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
