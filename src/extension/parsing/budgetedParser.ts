import type { ParsedReport } from '../../core';
import type { ParseReply, ParseRequest } from '../../worker/parseProtocol';

/** How one report's parse ended. */
export type ParseOutcome =
  | { kind: 'parsed'; report: ParsedReport }
  /** The reader threw, or its worker died or could not start; `reason` is one line. */
  | { kind: 'failed'; reason: string }
  /** The parse ran past the budget and its worker was stopped. */
  | { kind: 'overBudget'; budgetMs: number }
  /** The parser was disposed first (the extension is shutting down). */
  | { kind: 'stopped' };

/**
 * For a report open in an editor, `{ keep: uri }`: the parse is kept under that key, and the
 * report's next text is re-read from it (only what an edit touched, where the reader can).
 * `{ forget: uri }`: the report is read from storage again, what was kept for it goes.
 */
export type ParseKeeping = { keep: string; forget?: undefined } | { forget: string; keep?: undefined };

/** Reads a report's text into findings, somewhere the host's main thread is not blocked. */
export interface ReportParser {
  /** `key` names the report: parses of one report are answered in the order they were asked for. */
  parse(text: string, keeping?: ParseKeeping, key?: string): Promise<ParseOutcome>;
  /** Gets ready to parse (a worker loaded and warm) before the first report is at hand. */
  prepare?(): void;
}

/** One running worker, as the parser drives it. */
export interface ParseChannel {
  send(request: ParseRequest): void;
  /** A reply that has arrived but not been dispatched yet (the host's loop was busy), taken now. */
  takeArrived(): ParseReply | undefined;
  /** Stops the worker at once, whatever it is doing. */
  terminate(): void;
}

/** What a channel reports; the parser ignores whatever a channel it has let go of still says. */
export interface ParseChannelEvents {
  reply(message: ParseReply): void;
  /** The worker is gone (it crashed, ran out of memory, or could not load); one line. */
  exited(reason: string): void;
}

export type SpawnChannel = (events: ParseChannelEvents) => ParseChannel;

interface Job {
  id: number;
  text: string;
  keeping: ParseKeeping | undefined;
  resolve(outcome: ParseOutcome): void;
}

interface Running {
  channel: ParseChannel;
  ready: boolean;
}

/**
 * Parses reports one at a time in a worker, each within a time budget. The worker is started
 * on the first request; a parse over budget, or a worker that dies, costs that report only: the
 * worker is stopped and a fresh one takes the next report. Requests are answered in the order
 * they were made, so a later text of a report never loses to an earlier one.
 */
export class BudgetedParser implements ReportParser {
  private readonly queue: Job[] = [];
  private running: Running | undefined;
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private disposed = false;

  /** `budgetMs` is read for each report, so a changed setting applies to the next one. */
  constructor(
    private readonly spawn: SpawnChannel,
    private readonly budgetMs: () => number,
  ) {}

  parse(text: string, keeping?: ParseKeeping): Promise<ParseOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'stopped' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, text, keeping, resolve });
      this.pump();
    });
  }

  /**
   * Starts the worker now if none runs: a scan calls it before it lists the workspace's files,
   * so that loading the reader and warming it up overlap with the listing.
   */
  prepare(): void {
    if (this.disposed || this.running) return;
    try {
      this.running = this.start();
    } catch {
      // Said for the reports waiting when the first of them is parsed (pump tries again).
    }
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    this.finishCurrent({ kind: 'stopped' });
    for (const job of this.queue.splice(0)) job.resolve({ kind: 'stopped' });
  }

  /** Sends the next report when the worker is free (starting one if there is none). */
  private pump(): void {
    if (this.disposed || this.current || this.queue.length === 0) return;
    if (!this.running) {
      try {
        this.running = this.start();
      } catch (error) {
        this.failQueued(`the reader's worker could not start (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
    }
    if (!this.running.ready) return;
    const job = this.queue.shift()!;
    const budget = this.budgetMs();
    // The clock starts when the text is sent to a worker that is loaded, warm and idle.
    this.current = { job, timer: setTimeout(() => this.overBudget(job, budget), budget) };
    this.running.channel.send({ id: job.id, text: job.text, ...job.keeping });
  }

  private start(): Running {
    const running: Running = { channel: undefined!, ready: false };
    const mine = (): boolean => this.running === running;
    running.channel = this.spawn({
      reply: (message) => {
        if (mine()) this.onReply(message);
      },
      exited: (reason) => {
        if (mine()) this.onExit(reason);
      },
    });
    return running;
  }

  private onReply(message: ParseReply): void {
    if (message.type === 'ready') {
      this.running!.ready = true;
      this.pump();
      return;
    }
    if (this.current?.job.id !== message.id) return;
    this.finishCurrent(message.type === 'parsed' ? { kind: 'parsed', report: message.report } : { kind: 'failed', reason: message.error });
    this.pump();
  }

  private onExit(reason: string): void {
    const wasReady = this.running!.ready;
    this.running = undefined;
    if (this.current) this.finishCurrent({ kind: 'failed', reason: `the reader's worker stopped (${reason})` });
    else if (!wasReady) {
      // A worker that cannot even load would fail the same way for every report: say so for the
      // reports waiting now, and try again only on the next request.
      this.failQueued(`the reader's worker could not start (${reason})`);
    }
    this.pump();
  }

  private overBudget(job: Job, budget: number): void {
    if (this.current?.job !== job) return;
    // A result already here but not yet dispatched (the host was busy) was in time: keep it.
    for (let arrived = this.running?.channel.takeArrived(); arrived; arrived = this.running?.channel.takeArrived()) {
      this.onReply(arrived);
      if (this.current?.job !== job) return;
    }
    this.stopWorker();
    this.finishCurrent({ kind: 'overBudget', budgetMs: budget });
    this.pump();
  }

  private failQueued(reason: string): void {
    for (const job of this.queue.splice(0)) job.resolve({ kind: 'failed', reason });
  }

  private finishCurrent(outcome: ParseOutcome): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.timer);
    current.job.resolve(outcome);
  }

  private stopWorker(): void {
    const running = this.running;
    this.running = undefined;
    running?.channel.terminate();
  }
}
