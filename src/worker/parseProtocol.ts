import type { ParsedReport } from '../core';

/** What the extension host sends the parse worker: one report's text. */
export interface ParseRequest {
  id: number;
  text: string;
  /**
   * For a report open in an editor: the key (its URI) under which the worker keeps this parse,
   * so that the next text of the same report is re-read from it (`reparseReport`) rather than
   * from scratch. Without it the worker drops what it kept for `forget`, if anything: the
   * report was closed and is read from storage again.
   */
  keep?: string;
  forget?: string;
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
