import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/core';
import type { ParseKeeping, ParseOutcome } from '../../src/extension/parsing/budgetedParser';
import { parseWorkerCount, ParserPool, workerPool, type PooledParser } from '../../src/extension/parsing/parserPool';

const WORKER = join(__dirname, '../../../dist/parseWorker.js');
const FIXTURE = join(__dirname, '../../../test/fixtures/workspace/reviews/api-review.md');

/** A parser that records what it was given, answers on a later turn, and says whether it was prepared or disposed. */
class FakeParser implements PooledParser {
  readonly texts: string[] = [];
  readonly keepings: Array<ParseKeeping | undefined> = [];
  prepared = false;
  disposed = false;
  async parse(text: string, keeping?: ParseKeeping): Promise<ParseOutcome> {
    this.texts.push(text);
    this.keepings.push(keeping);
    await new Promise((r) => setTimeout(r, 0));
    return { kind: 'parsed', report: { title: text, findings: [] } };
  }
  prepare(): void {
    this.prepared = true;
  }
  dispose(): void {
    this.disposed = true;
  }
}

/** A pool of `size` fake parsers, and the parsers it made. */
function fakePool(size: number): { made: FakeParser[]; pool: ParserPool } {
  const made: FakeParser[] = [];
  const pool = new ParserPool(() => {
    const p = new FakeParser();
    made.push(p);
    return p;
  }, size);
  return { made, pool };
}

describe('ParserPool', () => {
  it('sends every text of one report to the same parser, whatever its keeping', async () => {
    const { made, pool } = fakePool(3);
    strictEqual(made.length, 3);
    const key = 'file:///w/audits/a.md';
    await pool.parse('v1', undefined, key);
    await pool.parse('v2', { keep: key }, key);
    await pool.parse('v3', { forget: key }, key);
    // A keeping without a key routes by the keeping's report.
    await pool.parse('v4', { keep: key });
    const holders = made.filter((p) => p.texts.length > 0);
    strictEqual(holders.length, 1, 'one parser read them all');
    deepStrictEqual(holders[0].texts, ['v1', 'v2', 'v3', 'v4']);
    deepStrictEqual(holders[0].keepings, [undefined, { keep: key }, { forget: key }, { keep: key }]);
  });

  it('spreads many reports over its parsers', async () => {
    const { made, pool } = fakePool(2);
    await Promise.all(Array.from({ length: 200 }, (_v, i) => pool.parse(`r${i}`, undefined, `file:///w/audits/r${i}.md`)));
    const counts = made.map((p) => p.texts.length);
    strictEqual(counts[0] + counts[1], 200);
    // An even split is 100/100; a hash of 200 names lands well within 60/140.
    ok(Math.min(...counts) >= 60, `split ${counts.join('/')}`);
  });

  it('prepares and disposes every parser', () => {
    const { made, pool } = fakePool(2);
    pool.prepare();
    pool.dispose();
    deepStrictEqual(made.map((p) => [p.prepared, p.disposed]), [[true, true], [true, true]]);
  });

  it('runs at least two workers and at most four', () => {
    deepStrictEqual([1, 2, 3, 4, 8, 64].map(parseWorkerCount), [2, 2, 2, 3, 4, 4]);
  });

  it('reads reports with real workers exactly as the core does in process', async function () {
    this.timeout(60_000);
    ok(existsSync(WORKER), `${WORKER} is missing: run node esbuild.config.mjs`);
    const pool = workerPool(WORKER, () => 10_000, 2);
    try {
      const text = readFileSync(FIXTURE, 'utf8');
      const texts = Array.from({ length: 6 }, (_v, i) => text.replace('# ', `# Copy ${i} of `));
      const outcomes = await Promise.all(texts.map((t, i) => pool.parse(t, undefined, `file:///w/r${i}.md`)));
      outcomes.forEach((o, i) => {
        strictEqual(o.kind, 'parsed');
        deepStrictEqual(o.kind === 'parsed' ? o.report : undefined, parseReport(texts[i]));
      });
    } finally {
      pool.dispose();
    }
  });
});
