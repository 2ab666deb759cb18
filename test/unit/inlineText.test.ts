import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INLINE_MARKUP, InlineReader, MAX_TITLE } from '../../src/core/markdown/inlineText';
import { simpleInline } from '../../src/core/markdown/simpleInline';

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

  it('reads code spans and strong by hand as remark does, on the fixture lines it takes', () => {
    const marked = fixtureLines().filter((l) => INLINE_MARKUP.test(l));
    const simple = marked.filter((l) => simpleInline(l) !== null);
    // Most marked titles carry only these two; if the hand reader took few, it would be dead weight.
    assert.ok(simple.length > marked.length / 2, `${simple.length} of ${marked.length}`);
    const byRemark = reader.readByRemark(simple);
    const fast = reader.readAll(simple);
    const differ = simple.flatMap((l, i) => (byRemark[i].text === fast[i].text ? [] : [`${l} → ${fast[i].text} / ${byRemark[i].text}`]));
    assert.deepEqual(differ, []);
  });

  it('leaves to remark what the hand reader cannot read for sure', () => {
    const hard = ['``double`` ticks', 'odd ` tick', '**unclosed', 'a**b**c', '** spaced **', '*one*', '***three***', '_under_', '**a** and *b*', 'x`a\`y`'];
    const taken = hard.filter((h) => simpleInline(h) !== null);
    // What it does take must read as remark reads it.
    assert.deepEqual(reader.readAll(taken).map((r) => r.text), reader.readByRemark(taken).map((r) => r.text));
    assert.deepEqual(['``double`` ticks', 'odd ` tick', '**unclosed', '** spaced **', '*one*', '***three***', '_under_', '**a** and *b*'].filter((h) => simpleInline(h) !== null), []);
  });

  it('sends what remark changes through remark', () => {
    const marked = ['`code` span', '**bold** title', 'a [link](https://x.y) here', '~~struck~~ text', 'x &amp; y', 'esc\\*aped', '![img](a.png) title', '<b>html</b>'];
    for (const m of marked) assert.ok(INLINE_MARKUP.test(m), m);
    assert.deepEqual(reader.readAll(marked).map((r) => r.text), ['code span', 'bold title', 'a link here', 'struck text', 'x & y', 'esc*aped', 'title', 'html']);
  });
});
