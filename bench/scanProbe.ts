// One measured run in a fresh process: `scan` (our CLI's scan, as `audit-lens scan` runs it)
// or `plain` (read every report and parse it with remark-parse + remark-gfm, nothing else).
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ScanCache } from '../src/cli/scanCache';
import { scanRoot } from '../src/cli/scanRoot';
import { walkRoot } from '../src/cli/walkRoot';

async function main(): Promise<void> {
  const [mode, root, cacheArg] = process.argv.slice(2);
  const t0 = performance.now();
  let count = 0;
  if (mode === 'plain') {
    const { reports } = await walkRoot(root);
    const processor = unified().use(remarkParse).use(remarkGfm);
    for (const rel of reports) {
      processor.parse(await fs.readFile(resolve(root, rel), 'utf8'));
      count++;
    }
  } else {
    const cache = cacheArg ? await ScanCache.load(cacheArg, 'bench') : undefined;
    const scan = await scanRoot({ root, cache });
    // As `scan --cache` does: without the save, every "warm" run would be another cold one.
    const failed = await cache?.save();
    if (failed) throw new Error(`the cache was not saved: ${failed}`);
    count = scan.reports.reduce((n, r) => n + r.findings.length, 0);
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, count }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
