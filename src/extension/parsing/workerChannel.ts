import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ParseReply } from '../../worker/parseProtocol';
import type { SpawnChannel } from './budgetedParser';

/**
 * The parse worker's heap, in MB. A report is at most 5 MB, and the reader's worst shapes at that
 * size (a 200,000-row findings table) stay under half of this, with the parses it keeps for open
 * reports.
 */
export const WORKER_HEAP_MB = 1024;

/**
 * Starts the parse worker bundled at `workerFile` (dist/parseWorker.js). Replies come on a port
 * of our own rather than the worker's default one, because only a port can be read
 * synchronously (`receiveMessageOnPort`): the parser looks there before it declares a report
 * over budget.
 */
export function workerChannel(workerFile: string, heapMb = WORKER_HEAP_MB): SpawnChannel {
  return (events) => {
    const { port1, port2 } = new MessageChannel();
    // A worker shares the extension host's process: its own heap cap makes a parse that runs away
    // with memory end that worker (ERR_WORKER_OUT_OF_MEMORY, the report skipped with that reason)
    // instead of the whole host.
    const worker = new Worker(workerFile, { workerData: { port: port2 }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let gone = false;
    const exited = (reason: string): void => {
      if (gone) return;
      gone = true;
      port1.close();
      events.exited(reason);
    };
    port1.on('message', (message: ParseReply) => events.reply(message));
    // An uncaught error is followed by `exit`: the first of the two says why.
    worker.on('error', (error) => exited(error.message.split(/\r?\n/)[0]));
    worker.on('exit', (code) => exited(`exit code ${code}`));
    return {
      send: (request) => port1.postMessage(request),
      takeArrived: () => (gone ? undefined : (receiveMessageOnPort(port1)?.message as ParseReply | undefined)),
      terminate: () => {
        gone = true;
        port1.close();
        void worker.terminate();
      },
    };
  };
}
