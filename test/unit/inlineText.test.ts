import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INLINE_MARKUP, InlineReader, MAX_TITLE } from '../../src/core/markdown/inlineText';

// Issue #9 §6: remark reads only the snippets whose reading it can change. The fast path's rule
// (INLINE_MARKUP) is held against remark itself, on every line of every fixture report and on
// snippets made to sit at the rule's edges.
const fixtures = join(__dirname, '../../../test/fixtures');
function fixtureLines(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.md')) out.push(...readFileSync(join(dir, e.name), 'utf8').split(/\r?\n/));
    }
  };
  walk(fixtures);
  // A snippet is a title: a heading's, an item's or a cell's text, never a whole paragraph.
  return [...new Set(out.map((l) => l.replace(/^\s*(?:#{1,6}|[-*+]|\d+[.)]|\|)\s+/, '').trim()).filter((l) => l !== '' && l.length <= MAX_TITLE))];
}

describe('inline text: the snippets that skip remark read as remark reads them', function () {
  this.timeout(60000);
  const reader = new InlineReader();

  it('on every line of the fixture reports that the fast path takes', () => {
    const plain = fixtureLines().filter((l) => !INLINE_MARKUP.test(l));
    assert.ok(plain.length > 1000, `only ${plain.length} plain lines`);
    const byRemark = reader.readByRemark(plain);
    const fast = reader.readAll(plain);
    const differ = plain.filter((_, i) => byRemark[i].text !== fast[i].text || byRemark[i].struck !== fast[i].struck);
    assert.deepEqual(differ, []);
  });

  it('on snippets at the edges of the rule', () => {
    const edges = ['[F-1] Unchecked input', '[H-01][M-02] Two ids', 'Costs 5 > 3 and 2 < x', 'R&D budget', 'a]b(c', '[x]: not a definition', '1. not a list', '# not a heading', '> not a quote', '---', 'tabs\tand   spaces ', 'Don’t — ok!', '[link] (spaced)', 'https://example.com/a_b'];
    const plain = edges.filter((l) => !INLINE_MARKUP.test(l));
    assert.ok(plain.length >= 10);
    assert.deepEqual(reader.readAll(plain).map((r) => r.text), reader.readByRemark(plain).map((r) => r.text));
  });

  it('sends what remark changes through remark', () => {
    const marked = ['`code` span', '**bold** title', 'a [link](https://x.y) here', '~~struck~~ text', 'x &amp; y', 'esc\\*aped', '![img](a.png) title', '<b>html</b>'];
    for (const m of marked) assert.ok(INLINE_MARKUP.test(m), m);
    assert.deepEqual(reader.readAll(marked).map((r) => r.text), ['code span', 'bold title', 'a link here', 'struck text', 'x & y', 'esc*aped', 'title', 'html']);
  });
});
