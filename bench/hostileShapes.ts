/**
 * Report shapes an attacker can commit (issue #8 §1–2), each built to about `bytes` bytes. The
 * benchmark times the reader on each at 5 MB; none may take over a second.
 */
export const HOSTILE_SHAPES: ReadonlyArray<readonly [string, (bytes: number) => string]> = [
  ['one long line of text', (n) => 'a'.repeat(n)],
  ['one long heading line', (n) => `### H1. ${'x '.repeat(n / 2)}`],
  ['one long line of `-`', (n) => '-'.repeat(n)],
  ['one long line of `*`', (n) => '*'.repeat(n)],
  ['`***` runs in a title', (n) => `### H1. ${'***a'.repeat(n / 4)}`],
  ['`|-` table delimiter run', (n) => `| a |\n${'|-'.repeat(n / 2)}`],
  ['thousands of `|` cells per row', (n) => lines(n, `| ${'c | '.repeat(2000)}`, (row, i) => (i === 1 ? row.replace(/c /g, '- ') : row))],
  ['deep `>` nesting', (n) => lines(n, `${'>'.repeat(1000)} x`)],
  ['deep list indentation', (n) => lines(n, '', (_r, i) => `${' '.repeat(2 * (i % 5000))}- item ${i}`)],
  ['runs of `[` and `![`', (n) => `### H1. ${'[!['.repeat(n / 3)}`],
  ['runs of `<` and `(`', (n) => `- **HIGH:** ${'<('.repeat(n / 2)}`],
  ['nested emphasis pairs', (n) => `### H1. ${'*_'.repeat(n / 4)}x${'_*'.repeat(n / 4)}`],
  ['code span with inner spaces', (n) => `### H1. \`a${' '.repeat(n)}x\` `],
  ['U+2028 / U+2029 on heading and item lines', (n) => lines(n, '', (_r, i) => (i % 2 ? `### H${i}.\u2028Title\u2029 more` : `- **HIGH:** item\u2028${i}`))],
  ['blank lines in a finding', (n) => `### H1. Finding\n${'\n'.repeat(n)}end`],
  ['headings, one finding each', (n) => lines(n, '', (_r, i) => `### H${i}. Finding number ${i}\n\nBody \`src/a.ts:${i}\`.`)],
  ['a findings table of many rows', (n) => `| ID | Title | Severity | File |\n|---|---|---|---|\n${lines(n, '', (_r, i) => `| F-${i} | Finding ${i} | High | \`src/a.ts:${i}\` |`)}`],
  // Every row the same title and section: ids tie all the way down to their counters.
  ['one title repeated in a table', (n) => `| ID | Title | Severity | File |\n|---|---|---|---|\n${lines(n, '| | Same title | High | `src/a.ts:1` |')}`],
  ['dots and `:1` after a title', (n) => `# x (${'.'.repeat(n / 2)}${':1'.repeat(n / 4)}`],
  // Found by a sweep of tokens × places (session 16): a separator search tried from every space of a run.
  ['U+2028 and no-break space runs in field values', (n) => `### H1. T\n\n**File:** ${'\u2028'.repeat(n / 2)}\n**Status:** ${'\u00a0'.repeat(n / 2)}`],
  ['spaces inside an item\'s bold lead', (n) => `- **${' '.repeat(n)}** title`],
  // The most findings a byte can buy: four bytes each, 1.3 million at 5 MB.
  ['one-letter items under a Findings heading', (n) => `## Findings\n\n${'- a\n'.repeat(n / 4)}`],
];

/** Lines of `make(template, i)` until `bytes` is reached. */
function lines(bytes: number, template: string, make: (row: string, i: number) => string = (r) => r): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = make(template, i);
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}
