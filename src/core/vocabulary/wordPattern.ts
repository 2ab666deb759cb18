/**
 * Turns word lists into patterns. Every reader pattern over words is built here from the
 * vocabulary tables, so a new word or language is one entry that every reader sees at once.
 */

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]+');
}

/** Longest first, so that "not fixed" wins over "fixed" in an alternation. */
/** The words as one alternation, escaped, longest first. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/**
 * Matches any of the words as a whole word (Unicode-aware: letters and digits on either side
 * end a match, so "high" is not found in "highlight", and Cyrillic stems work as prefixes when
 * `stems` is set).
 */
export function wordsPattern(words: readonly string[], flags = 'iu', stems = false): RegExp {
  // Chinese and Japanese write words without spaces: no boundary applies to them.
  const cjk = words.filter((w) => CJK.test(w));
  const spaced = words.filter((w) => !CJK.test(w));
  const tail = stems ? '' : '(?![\\p{L}\\p{N}])';
  const parts = [`(?<![\\p{L}\\p{N}])(?:${alternation(spaced)})${tail}`];
  if (cjk.length > 0) parts.push(`(?:${alternation(cjk)})`);
  return new RegExp(parts.join('|'), flags);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;

/** Matches when the whole text (after trimming) is one of the words, optionally with a trailing colon. */
export function wholePattern(words: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`^(?:${alternation(words)})\\s*:?$`, flags);
}

/** Matches text that starts with one of the words as a whole word. */
export function leadPattern(words: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`^(?:${alternation(words)})(?![\\p{L}\\p{N}])`, flags);
}
