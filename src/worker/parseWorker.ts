// The parse worker: runs the core reader on report texts off the extension host's main thread,
// so that a report the reader is slow on can be stopped (the host terminates this thread) instead
// of freezing the editor. Bundled by esbuild.config.mjs to dist/parseWorker.js.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseReport, parseReportState, reparseReport, type ReportParseState } from '../core';
import type { ParseReply, ParseRequest } from './parseProtocol';

/** Run a few times before `ready`: the first runs of the reader are many times slower (JIT). */
const WARM_UP = `# Security audit

## Findings

### [H-01] Session tokens are not rotated

**Severity:** High
**Status:** Open
**Location:** \`src/auth/sessions.ts:10-20\`

Tokens live forever.

| ID | Title | Severity | Status |
|---|---|---|---|
| M-01 | Missing rate limit in \`api/handler.ts:4\` | Medium | Fixed |

- [ ] **L-01** Logs hold emails (\`src/log.ts:3\`) — Low
`;
const WARM_UP_RUNS = 5;

// Replies go through the port the host handed over rather than parentPort: the host can then
// take a reply that has already arrived, synchronously, before it declares a report over budget.
const port = (workerData as { port: MessagePort }).port;

function reply(message: ParseReply): void {
  port.postMessage(message);
}

/** An error's first line: the host shows it as the reason a report was skipped. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/)[0].trim() || 'unknown error';
}

// The last parse of each report open in an editor, by key: its next edit is re-read from it.
// Lost when the host stops this worker (a report over budget): the next parse is then a full one.
const kept = new Map<string, ReportParseState>();

/** The report's findings; kept under `request.keep` for the next text of the same report. */
function read(request: ParseRequest): ReportParseState['report'] {
  if (request.forget !== undefined) kept.delete(request.forget);
  if (request.keep === undefined) return parseReport(request.text);
  // Dropped first: should the reader throw, no stale parse is left behind.
  const previous = kept.get(request.keep);
  kept.delete(request.keep);
  const state = previous ? reparseReport(previous, request.text) : parseReportState(request.text);
  kept.set(request.keep, state);
  return state.report;
}

port.on('message', (request: ParseRequest) => {
  try {
    reply({ type: 'parsed', id: request.id, report: read(request) });
  } catch (error) {
    // A throw costs this report only: the worker stays up for the next one.
    reply({ type: 'failed', id: request.id, error: firstLine(error) });
  }
});

for (let i = 0; i < WARM_UP_RUNS; i++) parseReport(WARM_UP);
reply({ type: 'ready' });
