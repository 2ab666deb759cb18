/**
 * The text of a one-line snippet whose only markup is code spans and `**strong**`, read by the
 * CommonMark rules for those two (https://spec.commonmark.org/0.31.2/#code-spans, #emphasis-and-strong-emphasis);
 * null for anything else, which remark reads. Most titles in audit reports carry just these
 * (`**[H-01]** \`withdraw()\` skips the check`), and reading them by hand spares remark's parse.
 * test/unit/inlineText.test.ts holds every reading this gives to remark's.
 */
export function simpleInline(s: string): string | null {
  if (s.includes(CODE)) return null;
  const out: string[] = [];
  let outside = '';
  // Code spans bind before emphasis: find them first; only single-backtick spans are read here.
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('`', i);
    if (open < 0) {
      outside += s.slice(i);
      break;
    }
    if (s[open + 1] === '`') return null;
    const close = s.indexOf('`', open + 1);
    if (close < 0 || s[close + 1] === '`') return null;
    outside += s.slice(i, open) + CODE;
    let code = s.slice(open + 1, close);
    if (code.length > 1 && code[0] === ' ' && code[code.length - 1] === ' ' && code.trim() !== '') code = code.slice(1, -1);
    out.push(code);
    i = close + 1;
  }
  if (OTHER_MARKUP.test(outside)) return null;
  const text = strongOnly(outside);
  if (text === null) return null;
  let k = 0;
  return text.replace(CODE_MARK, () => out[k++]);
}

// A stand-in for a code span while emphasis is read: punctuation, as the backtick it starts with.
const CODE = '\u0000';
const CODE_MARK = /\u0000/g;
/** Markup this reader leaves to remark (emphasis other than `**`, HTML, escapes, references, images, links). */
const OTHER_MARKUP = /[_~<\\]|&[#A-Za-z]|!\[|\]\(|(?<!\*)\*(?!\*)|\*\*\*/;
const PUNCTUATION = /[\p{P}\p{S}\u0000]/u;
const WHITESPACE = /[\p{Zs}\t\n\f\r]/u;

/** `text` without its `**` pairs, when each opens and closes unambiguously; else null. */
function strongOnly(text: string): string | null {
  if (!text.includes('**')) return text;
  const parts = text.split('**');
  // Runs alternate opener, closer: an odd number of runs leaves one unmatched.
  if (parts.length % 2 === 0) return null;
  let at = 0;
  for (let r = 1; r < parts.length; r++) {
    at += parts[r - 1].length;
    const before = at === 0 ? ' ' : text[at - 1];
    const after = at + 2 >= text.length ? ' ' : text[at + 2];
    const left = flanking(after, before);
    const right = flanking(before, after);
    const opener = r % 2 === 1;
    // Each run must be plainly an opener or plainly a closer, and no pair may be empty.
    if (opener ? !left || right : !right || left) return null;
    if (!opener && parts[r - 1] === '') return null;
    at += 2;
  }
  return parts.join('');
}

/** Whether a delimiter run with `inner` on its content side and `outer` on the other flanks that way. */
function flanking(inner: string, outer: string): boolean {
  if (WHITESPACE.test(inner)) return false;
  return !PUNCTUATION.test(inner) || WHITESPACE.test(outer) || PUNCTUATION.test(outer);
}
