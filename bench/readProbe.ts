// The baselines of the monorepo bench, each in a fresh process like the CLI it is compared with:
// `read` reads every listed report (a plain read loop), `markdown-it` reads each and parses it
// with markdown-it (a full CommonMark parse of the same files). The list is one root-relative
// path a line. Timed by exitStats.js, like the CLI.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';

const [mode, root, listFile] = process.argv.slice(2);
const md = mode === 'markdown-it' ? new MarkdownIt() : null;
let chars = 0;
for (const rel of readFileSync(listFile, 'utf8').split('\n')) {
  if (rel === '') continue;
  const text = readFileSync(resolve(root, rel), 'utf8');
  chars += md ? md.parse(text, {}).length : text.length;
}
// Printed so that no step can be optimized away.
process.stdout.write(`${chars}\n`);
