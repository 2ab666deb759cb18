import type { ParsedReport } from '../core';

/** What the extension host sends the parse worker: one report's text. */
export interface ParseRequest {
  id: number;
  text: string;
}

/**
 * What the worker sends back. `ready` once, after it has loaded and warmed up the reader, so that
 * neither the load nor the first slow runs count against a report's time budget. The findings are
 * plain data (strings, numbers, arrays, null): they cross the thread by structured clone.
 */
export type ParseReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; report: ParsedReport }
  | { type: 'failed'; id: number; error: string };
