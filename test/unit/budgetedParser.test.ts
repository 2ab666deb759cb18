import { deepStrictEqual, strictEqual } from 'node:assert';
import type { ParsedReport } from '../../src/core';
import { BudgetedParser, type ParseChannel, type ParseChannelEvents } from '../../src/extension/parsing/budgetedParser';
import { budgetReason } from '../../src/extension/parsing/budgetReason';
import type { ParseReply, ParseRequest } from '../../src/worker/parseProtocol';

/** The report a fake worker "reads" from a text: its title is the text. */
const reportOf = (text: string): ParsedReport => ({ title: text, findings: [] });

/**
 * A worker the test drives by hand: it says `ready` when told, records what it is sent, and
 * answers (or not) as the test says. Replies can also be left "arrived but not dispatched".
 */
class FakeWorker implements ParseChannel {
  readonly sent: ParseRequest[] = [];
  readonly arrived: ParseReply[] = [];
  terminated = false;
  constructor(readonly events: ParseChannelEvents) {}
  send(request: ParseRequest): void {
    this.sent.push(request);
  }
  takeArrived(): ParseReply | undefined {
    return this.arrived.shift();
  }
  terminate(): void {
    this.terminated = true;
  }
  ready(): void {
    this.events.reply({ type: 'ready' });
  }
  answer(request = this.sent[this.sent.length - 1]): void {
    this.events.reply({ type: 'parsed', id: request.id, report: reportOf(request.text) });
  }
}

function setUp(budget: () => number = () => 1000): { parser: BudgetedParser; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const parser = new BudgetedParser((events) => {
    const w = new FakeWorker(events);
    workers.push(w);
    return w;
  }, budget);
  return { parser, workers };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('BudgetedParser (a fake worker)', () => {
  it('prepare() starts the worker before any report, once, and the first report goes to it when it is ready', async () => {
    const { parser, workers } = setUp();
    parser.prepare();
    parser.prepare();
    strictEqual(workers.length, 1, 'one worker, started ahead of the reports');
    workers[0].ready();
    const a = parser.parse('a');
    deepStrictEqual(workers[0].sent.map((r) => r.text), ['a']);
    workers[0].answer();
    deepStrictEqual(await a, { kind: 'parsed', report: reportOf('a') });
    strictEqual(workers.length, 1);
  });

  it('hands the worker what to keep or forget with each text, and nothing for a plain read', async () => {
    const { parser, workers } = setUp();
    const a = parser.parse('open report', { keep: 'file:///r.md' });
    const b = parser.parse('closed again', { forget: 'file:///r.md' });
    const c = parser.parse('other');
    workers[0].ready();
    for (let i = 0; i < 3; i++) workers[0].answer();
    await Promise.all([a, b, c]);
    deepStrictEqual(
      workers[0].sent.map(({ text, keep, forget }) => ({ text, keep, forget })),
      [
        { text: 'open report', keep: 'file:///r.md', forget: undefined },
        { text: 'closed again', keep: undefined, forget: 'file:///r.md' },
        { text: 'other', keep: undefined, forget: undefined },
      ],
    );
  });

  it('starts its worker on the first report, not before, and reads every report in one worker, in order', async () => {
    const { parser, workers } = setUp();
    strictEqual(workers.length, 0, 'nothing started before a report is asked for');
    const a = parser.parse('a');
    const b = parser.parse('b');
    strictEqual(workers.length, 1);
    strictEqual(workers[0].sent.length, 0, 'nothing is sent before the worker is ready');
    workers[0].ready();
    deepStrictEqual(workers[0].sent.map((r) => r.text), ['a'], 'one report at a time');
    workers[0].answer();
    deepStrictEqual(workers[0].sent.map((r) => r.text), ['a', 'b']);
    workers[0].answer();
    deepStrictEqual(await a, { kind: 'parsed', report: reportOf('a') });
    deepStrictEqual(await b, { kind: 'parsed', report: reportOf('b') });
    strictEqual(workers.length, 1, 'the same worker throughout');
    parser.dispose();
  });

  it('stops a worker that runs over budget, skips that report only, and reads the next one in a fresh worker', async () => {
    const { parser, workers } = setUp(() => 20);
    const slow = parser.parse('slow');
    const next = parser.parse('next');
    workers[0].ready();
    // The worker never answers 'slow'.
    deepStrictEqual(await slow, { kind: 'overBudget', budgetMs: 20 });
    strictEqual(workers[0].terminated, true, 'the stuck worker is stopped');
    strictEqual(workers.length, 2, 'a fresh worker for the rest');
    strictEqual(workers[1].sent.length, 0);
    workers[1].ready();
    deepStrictEqual(workers[1].sent.map((r) => r.text), ['next']);
    workers[1].answer();
    deepStrictEqual(await next, { kind: 'parsed', report: reportOf('next') });
    // A late answer from the stopped worker changes nothing.
    workers[0].answer(workers[0].sent[0]);
    parser.dispose();
  });

  it('keeps a result that had arrived, not yet dispatched, when the budget ran out', async () => {
    const { parser, workers } = setUp(() => 10);
    const done = parser.parse('in time');
    workers[0].ready();
    const [request] = workers[0].sent;
    workers[0].arrived.push({ type: 'parsed', id: request.id, report: reportOf('in time') });
    deepStrictEqual(await done, { kind: 'parsed', report: reportOf('in time') });
    strictEqual(workers[0].terminated, false, 'the worker did nothing wrong and stays');
    parser.dispose();
  });

  it('reads the budget for each report, so a changed setting applies to the next one', async () => {
    let budget = 1000;
    const { parser, workers } = setUp(() => budget);
    const first = parser.parse('first');
    workers[0].ready();
    workers[0].answer();
    deepStrictEqual(await first, { kind: 'parsed', report: reportOf('first') });
    budget = 5;
    deepStrictEqual(await parser.parse('second'), { kind: 'overBudget', budgetMs: 5 });
    parser.dispose();
  });

  it('passes the reader\'s own failure on, and keeps the worker for the next report', async () => {
    const { parser, workers } = setUp();
    const bad = parser.parse('bad');
    const good = parser.parse('good');
    workers[0].ready();
    workers[0].events.reply({ type: 'failed', id: workers[0].sent[0].id, error: 'Maximum call stack size exceeded' });
    deepStrictEqual(await bad, { kind: 'failed', reason: 'Maximum call stack size exceeded' });
    workers[0].answer();
    deepStrictEqual(await good, { kind: 'parsed', report: reportOf('good') });
    strictEqual(workers.length, 1);
    parser.dispose();
  });

  it('fails the report whose worker died under it, and reads the next one in a fresh worker', async () => {
    const { parser, workers } = setUp();
    const killed = parser.parse('killed');
    const next = parser.parse('next');
    workers[0].ready();
    workers[0].events.exited('exit code 134');
    deepStrictEqual(await killed, { kind: 'failed', reason: 'the reader\'s worker stopped (exit code 134)' });
    strictEqual(workers.length, 2);
    workers[1].ready();
    workers[1].answer();
    deepStrictEqual(await next, { kind: 'parsed', report: reportOf('next') });
    parser.dispose();
  });

  it('fails the waiting reports at once when the worker cannot start, and tries again on the next request', async () => {
    const { parser, workers } = setUp();
    const waiting = [parser.parse('a'), parser.parse('b')];
    workers[0].events.exited('Cannot find module dist/parseWorker.js');
    const reason = 'the reader\'s worker could not start (Cannot find module dist/parseWorker.js)';
    deepStrictEqual(await Promise.all(waiting), [{ kind: 'failed', reason }, { kind: 'failed', reason }]);
    strictEqual(workers.length, 1, 'no restart loop while nobody asks');
    const later = parser.parse('later');
    strictEqual(workers.length, 2, 'a later request tries again');
    workers[1].ready();
    workers[1].answer();
    deepStrictEqual(await later, { kind: 'parsed', report: reportOf('later') });
    parser.dispose();
  });

  it('says a worker that cannot even be constructed cannot start', async () => {
    const parser = new BudgetedParser(() => {
      throw new Error('worker threads are not available');
    }, () => 1000);
    deepStrictEqual(await parser.parse('x'), { kind: 'failed', reason: 'the reader\'s worker could not start (worker threads are not available)' });
  });

  it('on dispose stops the worker and answers every waiting report with stopped', async () => {
    const { parser, workers } = setUp();
    const running = parser.parse('running');
    const queued = parser.parse('queued');
    workers[0].ready();
    parser.dispose();
    strictEqual(workers[0].terminated, true);
    deepStrictEqual(await Promise.all([running, queued]), [{ kind: 'stopped' }, { kind: 'stopped' }]);
    deepStrictEqual(await parser.parse('after'), { kind: 'stopped' });
    await tick();
    strictEqual(workers.length, 1, 'nothing started after dispose');
  });
});

describe('budgetReason', () => {
  it('names the budget in ms under a second, in seconds from one second, and the setting', () => {
    strictEqual(budgetReason(1), 'Skipped: took longer than 1 ms to read (auditLens.parseTimeoutMs).');
    strictEqual(budgetReason(750), 'Skipped: took longer than 750 ms to read (auditLens.parseTimeoutMs).');
    strictEqual(budgetReason(2000), 'Skipped: took longer than 2 s to read (auditLens.parseTimeoutMs).');
    strictEqual(budgetReason(2500), 'Skipped: took longer than 2.5 s to read (auditLens.parseTimeoutMs).');
  });
});
