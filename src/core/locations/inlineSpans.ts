/**
 * Code spans and link targets of one line, found in a single left-to-right pass. Regexes such
 * as ``(`+)([^`]+?)\1`` or `\[((?:[^[\]]|\[[^\]]*\])*)\]\(…\)` retry from every backtick or
 * bracket and go quadratic on runs of them; these scanners never look at a character twice
 * more than a constant number of times.
 */

export interface Span {
  /** Offset of the span's first character (the opening backtick or bracket). */
  start: number;
  /** Offset just past the span. */
  end: number;
}

export interface CodeSpan extends Span {
  /** The span's content between its backtick runs. */
  content: string;
}

/** CommonMark code spans: a run of n backticks closed by the next run of exactly n. */
export function codeSpans(text: string): CodeSpan[] {
  const runs: Array<[number, number]> = [];
  for (let i = text.indexOf('`'); i >= 0 && i < text.length; ) {
    if (text.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 96) j++;
    runs.push([i, j - i]);
    i = j;
  }
  // For each run, the index of the next run of the same length: one backward pass.
  const next = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = lastOfLength.get(runs[k][1]) ?? -1;
    lastOfLength.set(runs[k][1], k);
  }
  const out: CodeSpan[] = [];
  for (let k = 0; k < runs.length; k++) {
    const close = next[k];
    if (close < 0) continue;
    const [start, len] = runs[k];
    const end = runs[close][0] + len;
    out.push({ start, end, content: text.slice(start + len, runs[close][0]) });
    k = close;
  }
  return out;
}

export interface Link extends Span {
  /** The link's text between its brackets. */
  text: string;
  /** The link's target, without angle brackets or title. */
  url: string;
  /** Offset of the `(` that opens the target. */
  targetStart: number;
  image: boolean;
}

const MAX_TARGET = 2048;

/** Inline links `[text](target "title")` and images; brackets nest, as in `[a [b]](c)`. */
export function inlineLinks(text: string): Link[] {
  // Most lines hold no link: one native search spares them the walk below.
  if (!text.includes('](')) return [];
  const out: Link[] = [];
  const opens: number[] = [];
  // Where the last scan of a target stopped: a later `](` inside it ends at the same place.
  let scannedTo = -1;
  let scannedStop = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      if (opens.length < 64) opens.push(i);
      continue;
    }
    if (c !== 93 /* ] */ || opens.length === 0) continue;
    const open = opens.pop()!;
    if (text.charCodeAt(i + 1) !== 40 /* ( */) continue;
    // The target: optional spaces and `<`, then characters up to a space, `)` or `>`.
    let p = i + 2;
    while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
    const angle = text[p] === '<';
    if (angle) p++;
    let q: number;
    if (p <= scannedTo) {
      q = scannedStop;
    } else {
      q = p;
      while (q < text.length && q - p <= MAX_TARGET && !/[\s)>]/.test(text[q])) q++;
      scannedTo = q;
      scannedStop = q;
    }
    if (q === p || q - p > MAX_TARGET) continue;
    const url = text.slice(p, q);
    let r = q;
    if (angle && text[r] === '>') r++;
    while (r < text.length && (text[r] === ' ' || text[r] === '\t')) r++;
    if (text[r] === '"') {
      const inTitle = text.slice(r + 1, r + 1 + MAX_TARGET).indexOf('"');
      if (inTitle < 0) continue;
      r = r + 2 + inTitle;
      while (r < text.length && (text[r] === ' ' || text[r] === '\t')) r++;
    }
    if (text[r] !== ')') continue;
    const image = open > 0 && text[open - 1] === '!';
    out.push({ start: image ? open - 1 : open, end: r + 1, text: text.slice(open + 1, i), url, targetStart: i + 1, image });
    i = r;
  }
  return out;
}
