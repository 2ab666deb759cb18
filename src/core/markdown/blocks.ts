import type { ScannedLine } from './scanLines';

/**
 * The block tree of a report, built from the line scan in one pass: sections under headings,
 * lists and their items (nested items are children of their item), tables and their rows,
 * paragraphs and fenced code. Syntax only: no audit words here. Every block knows its line
 * range and parent, so that the detector can judge a block with its siblings.
 */
export type BlockKind = 'root' | 'section' | 'list' | 'item' | 'table' | 'row' | 'paragraph' | 'code' | 'comment';

export interface Block {
  kind: BlockKind;
  /** 1-based first and last line (inclusive; trailing blank lines excluded). */
  line: number;
  endLine: number;
  /** Heading level for sections (root 0); marker column for lists and items. */
  level: number;
  /** Index into the scanned lines of the block's lead line. */
  index: number;
  parent: Block | null;
  children: Block[];
}

/**
 * Every list item's last line, in one pass: the open items form a stack (deeper items have larger
 * columns), so a line that ends an item ends every item opened inside it, and each line is pushed
 * and popped at most once. An item ends where a line at or left of its marker, a heading, or text
 * after a blank line left of its content begins; a fence opened inside it keeps its code in it.
 * Returns, per line index, the item's last line number (0 for lines that open no item).
 */
export function listItemEnds(lines: readonly ScannedLine[]): Int32Array {
  const ends = new Int32Array(lines.length);
  const open: number[] = [];
  let last = 0;
  let sawBlank = false;
  let fenceOpen = false;
  const closeWhile = (closes: (item: ScannedLine) => boolean): void => {
    while (open.length > 0 && closes(lines[open[open.length - 1]])) ends[open.pop()!] = last;
    if (open.length === 0) fenceOpen = false;
  };
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j];
    if (open.length === 0 && l.kind !== 'listItem') continue;
    if (l.kind === 'heading' || l.kind === 'tableDelimiter') {
      closeWhile(() => true);
      continue;
    }
    if (l.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    const indent = indentOf(l.text);
    if (l.kind === 'listItem') {
      closeWhile((item) => l.level <= item.level);
    } else if (l.kind === 'html' && COMMENT.test(l.text)) {
      // `<!-- … -->` at the marker's column or left of it speaks for what follows, not for this item.
      closeWhile((item) => indent <= item.level || (sawBlank && indent < item.contentColumn));
    } else if (l.kind === 'fence') {
      // A fence indented into the item (or opened right after its text) keeps its code in the item.
      if (!fenceOpen && sawBlank) closeWhile((item) => indent < item.contentColumn);
      fenceOpen = !fenceOpen;
    } else if (l.kind === 'code') {
      if (!fenceOpen) closeWhile((item) => indent < item.contentColumn);
    } else if (sawBlank) {
      closeWhile((item) => indent < item.contentColumn);
    }
    if (l.kind === 'listItem') open.push(j);
    if (open.length > 0) last = l.line;
    sawBlank = false;
  }
  for (const k of open) ends[k] = last;
  return ends;
}

function indentOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** A section's last non-blank line, without a trailing thematic break that only lays out the page. */
export function sectionEnd(lines: readonly ScannedLine[], i: number): number {
  const level = lines[i].level;
  let last = lines[i].line;
  // Comments right before the next heading are that heading's (`<!-- audit-lens: ignore -->`).
  let beforeComments = last;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'heading' && l.level <= level) {
      last = beforeComments;
      break;
    }
    if (l.kind === 'blank' || l.kind === 'setextUnderline') continue;
    if (!(l.kind === 'html' && COMMENT.test(l.text))) beforeComments = l.line;
    last = l.line;
  }
  while (last > lines[i].line && /^ {0,3}([-*_])[ \t]*\1[ \t]*\1[-*_ \t]*$/.test(lines[last - 1].text)) {
    last--;
    while (last > lines[i].line && lines[last - 1].kind === 'blank') last--;
  }
  return last;
}

function block(kind: BlockKind, l: ScannedLine, index: number, parent: Block, endLine = l.line, level = l.level): Block {
  const b: Block = { kind, line: l.line, endLine, level, index, parent, children: [] };
  parent.children.push(b);
  return b;
}

/** Builds the block tree. Linear in the number of lines (each line is visited a bounded number of times, list items aside). */
export function buildBlocks(lines: readonly ScannedLine[]): Block {
  const root: Block = { kind: 'root', line: 1, endLine: lines.length, level: 0, index: -1, parent: null, children: [] };
  const itemEnds = listItemEnds(lines);
  const sections: Block[] = [root];
  // Open list items, innermost last; each with the list it belongs to.
  let items: Array<{ item: Block; list: Block }> = [];
  let paragraph: Block | null = null;

  const container = (l: ScannedLine): Block => {
    while (items.length > 0 && items[items.length - 1].item.endLine < l.line) items.pop();
    return items.length > 0 ? items[items.length - 1].item : sections[sections.length - 1];
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'text') paragraph = null;
    switch (l.kind) {
      case 'heading': {
        items = [];
        while (sections.length > 1 && sections[sections.length - 1].level >= l.level) sections.pop();
        const s = block('section', l, i, sections[sections.length - 1], sectionEnd(lines, i));
        sections.push(s);
        break;
      }
      case 'listItem': {
        const parent = container(l);
        const list = lastListIn(parent, l.level) ?? block('list', l, i, parent);
        const item = block('item', l, i, list, itemEnds[i]);
        list.endLine = Math.max(list.endLine, item.endLine);
        items.push({ item, list });
        break;
      }
      case 'tableRow': {
        if (lines[i + 1]?.kind !== 'tableDelimiter') break;
        const parent = container(l);
        const table = block('table', l, i, parent);
        let j = i + 2;
        while (j < lines.length && lines[j].kind === 'tableRow') {
          block('row', lines[j], j, table);
          j++;
        }
        table.endLine = lines[j - 1].line;
        i = j - 1;
        break;
      }
      case 'fence':
      case 'code': {
        const parent = container(l);
        const last = parent.children[parent.children.length - 1];
        if (last?.kind === 'code' && last.endLine === l.line - 1) last.endLine = l.line;
        else block('code', l, i, parent);
        break;
      }
      case 'html': {
        if (COMMENT.test(l.text)) block('comment', l, i, commentParent(lines, i, container(l), sections));
        break;
      }
      case 'text': {
        if (paragraph !== null && paragraph.endLine === l.line - 1) {
          paragraph.endLine = l.line;
        } else {
          paragraph = block('paragraph', l, i, container(l));
        }
        break;
      }
      default:
        break;
    }
  }
  return root;
}

const COMMENT = /^\s*<!--/;

/**
 * Where a comment belongs: with the heading or list item that follows it (after blank lines
 * only), so that a report comment speaks for the next block, as written; else where it stands.
 */
function commentParent(lines: readonly ScannedLine[], i: number, here: Block, sections: readonly Block[]): Block {
  let j = i + 1;
  while (j < lines.length && (lines[j].kind === 'blank' || (lines[j].kind === 'html' && COMMENT.test(lines[j].text)))) j++;
  const next = lines[j];
  if (next?.kind === 'heading') {
    let k = sections.length - 1;
    while (k > 0 && sections[k].level >= next.level) k--;
    return sections[k];
  }
  // Between two items of one list: the comment joins that list, just before the item.
  if (next?.kind === 'listItem') return lastListIn(here, next.level) ?? here;
  return here;
}

/** The list a new item at `level` continues: the container's last child, when it is a list at that column. */
function lastListIn(parent: Block, level: number): Block | null {
  const last = parent.children[parent.children.length - 1];
  return last?.kind === 'list' && last.level === level ? last : null;
}

/** The block's section ancestors, outermost first (the root excluded). */
export function sectionsAbove(b: Block): Block[] {
  const out: Block[] = [];
  for (let p = b.parent; p !== null; p = p.parent) if (p.kind === 'section') out.unshift(p);
  return out;
}
