// C0 controls (tab and newline included: a value must stay on its line), DEL, C1 controls,
// the bidi embeddings, overrides and isolates, and the Unicode line separators. Any of them in
// a report's title or a file name could move the cursor, recolour or reorder a CI log, for
// example printing a fake `OK` over a `FAIL`.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// In JSON, C0 is escaped by JSON.stringify already; the rest is legal JSON but not safe on a terminal.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value (a title, a path, a message) made safe to print inside a line: every control shows as `\xNN`. */
export function terminalSafe(value: string): string {
  return value.replace(UNSAFE, visible);
}

/** A block of lines made safe to print: newlines kept, every other control shown as `\xNN`. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_EXCEPT_NEWLINE, visible);
}

/** JSON text with the characters a terminal would act on written as `\uXXXX` escapes: the same JSON value. */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
