import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/core';
import { BudgetedParser } from '../../src/extension/parsing/budgetedParser';
import { workerChannel } from '../../src/extension/parsing/workerChannel';

// The real worker as shipped: dist/parseWorker.js, built by `npm run test:unit` before the tests.
const WORKER = join(__dirname, '../../../dist/parseWorker.js');
const FIXTURE = join(__dirname, '../../../test/fixtures/workspace/reviews/api-review.md');

/** A report of many findings, a few MB: the reader takes far longer on it than on a fixture. */
function bigReport(findings: number): string {
  const parts = ['# Audit', ''];
  for (let i = 0; i < findings; i++) parts.push(`### [B${i}] Finding number ${i}`, '', '**Severity:** High', '**Location:** `src/a.ts:1`', '', 'Words.', '');
  return parts.join('\n');
}

describe('the parse worker (dist/parseWorker.js)', function () {
  this.timeout(60_000);
  let spawned = 0;
  let budget = 5000;
  let parser: BudgetedParser;
  const spawn = workerChannel(WORKER);

  beforeEach(() => {
    spawned = 0;
    budget = 5000;
    parser = new BudgetedParser((events) => {
      spawned++;
      return spawn(events);
    }, () => budget);
  });
  afterEach(() => parser.dispose());

  it('is built', () => ok(existsSync(WORKER), `${WORKER} is missing: run node esbuild.config.mjs`));

  it('reads a report exactly as the core does in process', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const outcome = await parser.parse(text);
    strictEqual(outcome.kind, 'parsed');
    deepStrictEqual(outcome.kind === 'parsed' && outcome.report, parseReport(text));
    ok(parseReport(text).findings.length > 0, 'the fixture has findings, so the comparison means something');
  });

  it('answers a text the reader throws on with the reason, and reads the next report in the same worker', async () => {
    // Not a string: the reader throws on it as it would on a bug, inside the worker.
    const outcome = await parser.parse(undefined as unknown as string);
    strictEqual(outcome.kind, 'failed');
    ok(outcome.kind === 'failed' && outcome.reason.length > 0 && !outcome.reason.includes('\n'), 'one line');
    const text = readFileSync(FIXTURE, 'utf8');
    deepStrictEqual(await parser.parse(text), { kind: 'parsed', report: parseReport(text) });
    strictEqual(spawned, 1, 'the worker survived the throw');
  });

  it('re-reads an open report from the parse it kept, with the same result as a fresh read, and drops it when told', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const key = 'file:///ws/reviews/api-review.md';
    // An edit: a line inserted in the middle, so every finding below it moves down one line.
    const lines = text.split('\n');
    const middle = Math.floor(lines.length / 2);
    const edited = [...lines.slice(0, middle), 'A sentence typed in the report.', ...lines.slice(middle)].join('\n');
    deepStrictEqual(await parser.parse(text, { keep: key }), { kind: 'parsed', report: parseReport(text) });
    deepStrictEqual(await parser.parse(edited, { keep: key }), { kind: 'parsed', report: parseReport(edited) });
    ok(JSON.stringify(parseReport(edited)) !== JSON.stringify(parseReport(text)), 'the edit moved findings, so the comparison means something');
    // Back to the text from storage: what was kept goes, and the read is a fresh one.
    deepStrictEqual(await parser.parse(text, { forget: key }), { kind: 'parsed', report: parseReport(text) });
    deepStrictEqual(await parser.parse(edited, { keep: key }), { kind: 'parsed', report: parseReport(edited) });
    strictEqual(spawned, 1);
  });

  it('stops a report over budget and reads the next one in a fresh worker', async () => {
    const big = bigReport(30_000); // about 3 MB: seconds for the reader, against a 1 ms budget
    const small = readFileSync(FIXTURE, 'utf8');
    budget = 1;
    const started = Date.now();
    const over = parser.parse(big);
    deepStrictEqual(await over, { kind: 'overBudget', budgetMs: 1 });
    ok(Date.now() - started < 20_000, 'stopped, not waited for');
    budget = 5000;
    deepStrictEqual(await parser.parse(small), { kind: 'parsed', report: parseReport(small) });
    strictEqual(spawned, 2, 'a fresh worker after the stopped one');
  });

  it('ends a worker that runs out of its heap, fails that report with the reason, and reads the next one in a fresh worker', async () => {
    // A 16 MB heap cannot hold the reading of a 3 MB report: the cap, not the host, ends the worker.
    const tiny = workerChannel(WORKER, 16);
    let started = 0;
    const capped = new BudgetedParser((events) => {
      started++;
      return tiny(events);
    }, () => 60_000);
    try {
      const result = await capped.parse(bigReport(30_000));
      strictEqual(result.kind, 'failed');
      ok(result.kind === 'failed' && /memory/i.test(result.reason), `the reason names memory: ${JSON.stringify(result)}`);
      const small = readFileSync(FIXTURE, 'utf8');
      deepStrictEqual(await capped.parse(small), { kind: 'parsed', report: parseReport(small) });
      strictEqual(started, 2, 'a fresh worker after the one that ran out');
    } finally {
      capped.dispose();
    }
  });
});
