import { availableParallelism } from 'node:os';
import { BudgetedParser, type ParseKeeping, type ParseOutcome, type ReportParser } from './budgetedParser';
import { fnv1a } from '../fnv1a';
import { workerChannel } from './workerChannel';

/** A parser the pool owns: it parses, gets ready ahead, and is disposed with the pool. */
export interface PooledParser extends ReportParser {
  dispose(): void;
}

/**
 * Several parsers (each a worker with its own budget), so that a scan reads reports on as many
 * cores as the machine spares: one worker left the extension host idle most of a 1,000-report
 * scan, waiting for it. A report always goes to the same parser, chosen by its key, so that its
 * texts are still answered in the order they were sent and the parse kept for an open report is
 * in the worker that reads its next edit.
 */
export class ParserPool implements ReportParser {
  private readonly parsers: PooledParser[];

  constructor(make: () => PooledParser, size: number) {
    this.parsers = Array.from({ length: Math.max(1, size) }, make);
  }

  parse(text: string, keeping?: ParseKeeping, key?: string): Promise<ParseOutcome> {
    const k = key ?? keeping?.keep ?? keeping?.forget;
    return this.parsers[k === undefined ? 0 : slotOf(k, this.parsers.length)].parse(text, keeping);
  }

  prepare(): void {
    for (const p of this.parsers) p.prepare?.();
  }

  dispose(): void {
    for (const p of this.parsers) p.dispose();
  }
}

/** A stable slot for a key: the same report, the same parser, for the pool's lifetime. */
function slotOf(key: string, slots: number): number {
  return fnv1a(key) % slots;
}

/**
 * How many parse workers: the cores the machine has but one (the editor's and the language
 * servers' work goes on there), yet at least two, since the extension host itself mostly waits
 * while a scan runs, and at most four (each holds its own heap; more rarely pays).
 */
export function parseWorkerCount(cores: number): number {
  return Math.min(4, Math.max(2, cores - 1));
}

/** The parse workers the extension runs: the reader bundled at `workerFile`, `budgetMs` per report. */
export function workerPool(workerFile: string, budgetMs: () => number, size = parseWorkerCount(availableParallelism())): ParserPool {
  return new ParserPool(() => new BudgetedParser(workerChannel(workerFile), budgetMs), size);
}
