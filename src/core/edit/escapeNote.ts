// Controls and bidi overrides have no place in a one-line note.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// Every ASCII character that can start Markdown syntax or a field (`Label:`), a location
// (`a.ts:12`, `#L12`, `(lines 3-4)`), a link, an HTML tag, an entity or a table cell.
const MARKUP = /[\\`*_[\]()<>#|~!:{}&+=^$]/g;

/**
 * A user's note made into inert text for a status value: on one line, with every character
 * that Markdown or the reader could take as syntax backslash-escaped. It reads the same on
 * GitHub (a `\:` shows as `:`), but cannot be read as a field, a status marker or a location.
 */
export function escapeNote(note: string | undefined): string {
  return (note ?? '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().replace(MARKUP, '\\$&');
}
