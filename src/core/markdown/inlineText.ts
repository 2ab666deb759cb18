import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { quickPlain } from './plain';
import { simpleInline } from './simpleInline';

/** Plain text of one line of inline Markdown, as remark reads it. */
export interface InlineText {
  text: string;
  /** Text of the struck-through (`~~…~~`) parts. */
  struck: string;
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * What can make remark's reading of a one-line snippet differ from the snippet itself: code spans,
 * emphasis, strikethrough, HTML and autolinks, backslash escapes, character references, images and
 * inline links. Brackets alone (`[F-1] Title`, `[x]`) are literal, since a snippet has no link
 * definitions; nor can a line start a block, behind the guard below. Text with none of these reads
 * as itself and never costs a parse (test/unit/inlineText.test.ts holds this against remark).
 */
export const INLINE_MARKUP = /[`*_~<\\]|&[#A-Za-z]|!\[|\]\(/;
/** The longest title or snippet read, in characters. */
export const MAX_TITLE = 1000;
/** The most characters of titles one report sends through remark. */
const REMARK_BUDGET = 200_000;

// A zero-width space keeps every snippet an ordinary paragraph: without it a title such
// as "1. Foo" or "# bar" would be read as a list or heading of its own. The space after it
// lets the snippet start as a line does: `**\`x\`** title` opens strong only after whitespace.
const GUARD = '\u200b ';

/**
 * Reads many one-line snippets (heading texts, list item leads, table cells) with a single
 * remark parse, so links, code spans, emphasis and strikethrough are read by the real
 * Markdown grammar at the cost of one parse of a few lines per report.
 */
export class InlineReader {
  // Of GFM, only strikethrough can matter inside a title (tables and task lists are read by
  // scanLines, literal autolinks do not change the text): only its parser is loaded, not the rest
  // of GFM nor any serializer, and it runs only where `~` occurs.
  private readonly commonmark = unified().use(remarkParse) as unknown as Processor<MdNode & import('mdast').Root>;
  private readonly gfm = unified().use(remarkParse).use(strikethrough) as unknown as Processor<MdNode & import('mdast').Root>;

  readAll(all: readonly string[]): InlineText[] {
    // A title longer than this is no title: only its start is read (remark's emphasis resolution is
    // quadratic in runs of `*`, so nothing longer may reach it).
    const snippets = all.map((s) => (s.length > MAX_TITLE ? s.slice(0, MAX_TITLE) : s));
    const out: InlineText[] = new Array(snippets.length);
    const marked: number[] = [];
    // remark costs several seconds per megabyte: past this many characters of titles in one report
    // (a report of 100,000 findings is an attack, not an audit), titles are read the plain way.
    let budget = REMARK_BUDGET;
    snippets.forEach((s, i) => {
      // Text with no Markdown punctuation reads as itself; only the rest costs a parse.
      const simple = INLINE_MARKUP.test(s) ? simpleInline(s) : s;
      if (simple !== null) out[i] = { text: clean(simple), struck: '' };
      else if ((budget -= s.length) >= 0) marked.push(i);
      else out[i] = fallbackInline(s);
    });
    if (marked.length === 0) return out;
    const read = this.readByRemark(marked.map((i) => snippets[i]));
    marked.forEach((i, k) => {
      out[i] = read[k];
    });
    return out;
  }

  /** Every snippet read by remark, with no fast path and no budget (for tests that hold the fast path to it). */
  readByRemark(snippets: readonly string[]): InlineText[] {
    // Link destinations do not change the text and are often long URLs: shorten them first.
    const doc = snippets.map((s) => GUARD + s.replace(/[\r\n]+/g, ' ').replace(/\]\([^()\s]*\)/g, '](u)')).join('\n\n');
    let paragraphs: MdNode[] = [];
    try {
      const processor = doc.includes('~') ? this.gfm : this.commonmark;
      paragraphs = (processor.parse(doc) as MdNode).children ?? [];
    } catch {
      paragraphs = [];
    }
    const matched = paragraphs.length === snippets.length && paragraphs.every((p) => p.type === 'paragraph');
    return snippets.map((s, k) => (matched ? readParagraph(paragraphs[k]) : fallbackInline(s)));
  }
}

/** A unified plugin for GFM strikethrough alone (what remark-gfm would add, less the rest). */
function strikethrough(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown());
}

function readParagraph(p: MdNode): InlineText {
  const parts: string[] = [];
  const struck: string[] = [];
  const walk = (node: MdNode, inDelete: boolean): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      parts.push(node.value ?? '');
      if (inDelete) struck.push(node.value ?? '');
    } else if (node.type === 'break') {
      parts.push(' ');
    } else if (node.type === 'image' || node.type === 'html') {
      return;
    }
    for (const child of node.children ?? []) walk(child, inDelete || node.type === 'delete');
  };
  walk(p, false);
  return { text: clean(parts.join('')), struck: clean(struck.join(' ')) };
}

function clean(s: string): string {
  return s.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
}

/** Used only if remark's paragraphs cannot be matched to the snippets one to one. */
/** The plain reading of a title (links to their text, markup dropped), in linear time. */
function fallbackInline(s: string): InlineText {
  const struck = [...s.matchAll(/~~([^~]+)~~/g)].map((m) => m[1]).join(' ');
  return { text: clean(quickPlain(s)), struck: clean(quickPlain(struck)) };
}
