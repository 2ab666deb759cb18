// A sweep for super-linear reading (issue #8 §1): every token below, alone and in pairs, repeated
// in every place a report can hold it, is read at two sizes 4× apart; a shape whose time grows
// more than 8× (linear work grows 4×, quadratic 16×) is printed with its times. The fixed hostile
// set (hostileShapes.ts) holds what this found; run this after changing a pattern of the reader:
// `npm run bench:sweep` (a few minutes). Exits 1 when a shape grows too fast.
import { parseReport } from '../src/core';

const SINGLE = [
  ' ', '\t', '\u00a0', '\u2028', '\u2029', '\u3000', '\u200b', '\ufeff', '\v', '\f', '\r', '\n', '\n\n', '\r\n',
  '(', ')', '[', ']', '![', '`', '``', '*', '**', '***', '_', '__', '~', '~~', '<', '>', '{', '}', '"', "'",
  ':', ':1', '#', '#L1', '-', '--', '.', '..', '/', '../', '\\', '|', ',', '1,', '1-', 'L1-', '&#', '&amp;', '@', '$', '=', '+', '%', '!',
  'http://', 'https://github.com/a/b/blob/', 'a.ts:1 ', 'a.ts', 'src/a.ts ', 'line 1 ', 'lines 1-2 ', '(line 1)', 'at line ',
  '**a:** ', '**Status:** ', 'Status: ', ' · ', ' | ', ' — ', 'high ', 'fixed ', 'H-1 ', '[H-1]', 'F-1 ', '#1 ', 'CVE-2024-1 ', '✅', '🔴 ',
  'é', '中', '\u202e', 'x ', 'a_b', '\\_', '](', '[a](', 'f() ', 'a::', '[id]/', '(g)/',
  '\n- ', '\n  - ', '\n### ', '\n| ', '\n```\n', '\n> ', '\n    ',
];
const PAIRED = [' ', '\u2028', '\u00a0', '*', '_', '`', '[', ']', '(', ')', ':', '-', '.', '/', '|', '\\', 'a', '1', '#', '<', '>', '~', ',', '!', '"'];

const PLACES: ReadonlyArray<readonly [string, (x: string) => string]> = [
  ['heading', (x) => `# R\n\n## Findings\n\n### H1. ${x}\n\nBody.\n`],
  ['heading tail', (x) => `# R\n\n### H1. Title ${x} (Fixed)\n\nBody.\n`],
  ['item', (x) => `# R\n\n## Findings\n\n- ${x}\n`],
  ['bold lead', (x) => `# R\n\n## Findings\n\n- **${x}** title\n`],
  ['item tail', (x) => `# R\n\n## Findings\n\n- Title ${x} — High\n`],
  ['table cells', (x) => `# R\n\n| ID | Title | Severity | File |\n|---|---|---|---|\n| F-1 | ${x} | High | ${x} |\n`],
  ['fields', (x) => `# R\n\n### H1. T\n\n**File:** ${x}\n**Status:** ${x}\n`],
  ['prose', (x) => `# R\n\n### H1. T\n\n${x}\n`],
  ['code span', (x) => `# R\n\n### H1. T\n\nSee \`${x}\` here.\n`],
  ['link', (x) => `# R\n\n### H1. T\n\n[${x}](${x}) and [a](https://github.com/o/r/blob/abc/${x}#L1)\n`],
  ['quote', (x) => `# R\n\n### H1. T\n\n> ${x}\n`],
  ['label', (x) => `# R\n\n**Remaining ${x}:**\n\n- a\n- b\n`],
  ['front matter', (x) => `---\ntitle: ${x}\n---\n\n# R\n`],
  ['comment', (x) => `# R\n\n<!-- audit-lens: ${x} -->\n\n### H1. T\n`],
];

const SMALL = 12_000;
const GROWTH_LIMIT = 8;
/** Below this many milliseconds at the larger size, a ratio is timer noise, not growth. */
const FLOOR_MS = 30;

function timed(text: string): number {
  const t0 = performance.now();
  parseReport(text);
  return performance.now() - t0;
}

function repeated(token: string, bytes: number): string {
  return token.repeat(Math.max(1, Math.floor(bytes / token.length)));
}

function sweep(tokens: readonly string[]): string[] {
  const found: string[] = [];
  for (const [place, make] of PLACES) {
    for (const token of tokens) {
      const large = timed(make(repeated(token, SMALL * 4)));
      if (large < FLOOR_MS) continue;
      // Best of two at each size, so that one pause of the machine is not read as growth.
      const small = Math.min(timed(make(repeated(token, SMALL))), timed(make(repeated(token, SMALL))));
      const best = Math.min(large, timed(make(repeated(token, SMALL * 4))));
      const growth = best / Math.max(small, 0.5);
      if (growth <= GROWTH_LIMIT) continue;
      // Small times jump with the garbage collector: a shape that is still quick is read once more,
      // 4× larger again, and counts only if it grows as fast again.
      if (best < 2000) {
        const larger = timed(make(repeated(token, SMALL * 16)));
        if (larger / best <= GROWTH_LIMIT) continue;
      }
      found.push(`${place} × ${JSON.stringify(token)}: ${small.toFixed(1)} ms → ${best.toFixed(1)} ms for 4× the text (×${growth.toFixed(1)})`);
    }
  }
  return found;
}

parseReport(PLACES[0][1]('warm up'));
const pairs = PAIRED.flatMap((a) => PAIRED.filter((b) => b !== a).map((b) => a + b));
const found = [...sweep(SINGLE), ...sweep(pairs)];
console.log(`hostile sweep: ${SINGLE.length} tokens and ${pairs.length} pairs in ${PLACES.length} places, read at ${SMALL / 1000} KB and ${(SMALL * 4) / 1000} KB`);
console.log(found.length === 0 ? `no shape grew more than ${GROWTH_LIMIT}× for 4× the text` : found.join('\n'));
process.exitCode = found.length === 0 ? 0 : 1;
