import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, gitCommand, type GitOptions } from './runGit';

/** One object as `git cat-file --batch` prints it. */
export interface GitObject {
  oid: string;
  type: string;
  content: Buffer;
}

interface Pending {
  count: number;
  answers: Array<GitObject | null>;
  resolve: (r: Array<GitObject | null> | { error: string }) => void;
}

/**
 * One long-lived `git cat-file --batch` for a whole drift run: HEAD, the commits a report names,
 * the reports' committed text and the cited paths at a base all go through it, so a run starts
 * one process for them instead of one per question (each spawn costs a fresh Node process about
 * 10 ms of its main thread, and git's own start-up). Questions are written as they become known;
 * answers come back in order. The same contract as `runGit`: no shell, the same environment,
 * one timeout for the process's life, an output cap. `close()` ends it; the caller must call it.
 */
export class CatFileBatch {
  private readonly child: ChildProcess;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private received = 0;
  private failure: string | null = null;
  private stderr = '';
  private readonly timer: NodeJS.Timeout;

  constructor(cwd: string, private readonly options: GitOptions = {}) {
    const { file, argv, env } = gitCommand(['cat-file', '--batch'], options);
    options.onSpawn?.(argv);
    this.child = spawn(file, argv, { cwd, env, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.timer = setTimeout(() => this.fail('git did not answer in time'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.child.stdout?.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    this.child.stdin?.on('error', () => undefined);
    this.child.on('error', (e: NodeJS.ErrnoException) => this.fail(e.code === 'ENOENT' ? `git was not found (${file})` : e.message));
    this.child.on('close', () => {
      const first = this.stderr.split('\n').find((l) => l.trim() !== '')?.trim();
      this.fail(first ?? 'git cat-file ended early');
    });
  }

  /**
   * The objects named (`HEAD`, `<sha>^{commit}`, `<sha>:./<path>`), in order; null for one git
   * does not have. A name with a line break cannot be asked (the protocol is line-based): null.
   */
  read(names: readonly string[]): Promise<Array<GitObject | null> | { error: string }> {
    if (this.failure !== null) return Promise.resolve({ error: this.failure });
    const asked = names.filter((n) => !/[\n\r]/.test(n));
    return new Promise((resolve) => {
      const done = (r: Array<GitObject | null> | { error: string }): void => {
        if ('error' in r || asked.length === names.length) return resolve(r);
        // Put the unaskable names back in their places, as null.
        let k = 0;
        resolve(names.map((n) => (/[\n\r]/.test(n) ? null : r[k++])));
      };
      if (asked.length === 0) return done([]);
      this.queue.push({ count: asked.length, answers: [], resolve: done });
      this.child.stdin?.write(asked.map((n) => `${n}\n`).join(''));
    });
  }

  /** Ends the process; questions still open get an error. */
  close(): void {
    clearTimeout(this.timer);
    this.child.stdin?.end();
    if (this.queue.length > 0) this.fail('git cat-file was closed');
  }

  private receive(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.received > (this.options.maxBytes ?? DEFAULT_MAX_BYTES)) return this.fail('git printed more than the output cap');
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let pos = 0;
    while (this.queue.length > 0) {
      const nl = this.buffer.indexOf(10, pos);
      if (nl < 0) break;
      const header = this.buffer.subarray(pos, nl).toString('utf8');
      const m = /^([0-9a-f]{40,64}) (\S+) (\d+)$/.exec(header);
      let answer: GitObject | null = null;
      if (m) {
        const size = Number(m[3]);
        // The content and the newline after it must be here before the answer is complete.
        if (this.buffer.length < nl + 1 + size + 1) break;
        answer = { oid: m[1], type: m[2], content: Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size)) };
        pos = nl + 1 + size + 1;
      } else pos = nl + 1; // `<name> missing` or `<name> ambiguous`
      const head = this.queue[0];
      head.answers.push(answer);
      if (head.answers.length === head.count) {
        this.queue.shift();
        head.resolve(head.answers);
      }
    }
    this.buffer = this.buffer.subarray(pos);
  }

  private fail(message: string): void {
    if (this.failure === null) this.failure = /not a git repository/i.test(message) ? 'not in a git repository' : message;
    clearTimeout(this.timer);
    for (const p of this.queue.splice(0)) p.resolve({ error: this.failure });
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
