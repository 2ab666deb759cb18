import type { ScanError, ScannedReport } from '../core';
import { terminalSafeJson } from './terminalText';

/**
 * `scan --json` written report by report: the same bytes as `JSON.stringify(scan, null, 2)` of
 * the whole `ScanResult` (`{ version, root, reports, errors }`, two-space indent), without
 * holding it. `out` ends each piece with a newline, so no piece carries its own last one; a
 * report is held back until the next one arrives, to know whether a comma follows it.
 */
export class ScanJsonWriter {
  private pending: string | null = null;

  constructor(
    private readonly root: string,
    private readonly out: (text: string) => void,
  ) {}

  report(report: ScannedReport): void {
    if (this.pending === null) this.out(terminalSafeJson(`${this.head()}[`));
    else this.out(this.pending + ',');
    this.pending = element(report);
  }

  end(errors: readonly ScanError[]): void {
    const errorsJson = errors.length === 0 ? '[]' : `[\n${errors.map(element).join(',\n')}\n  ]`;
    const reports = this.pending === null ? `${terminalSafeJson(this.head())}[]` : `${this.pending}\n  ]`;
    this.out(`${reports},\n  "errors": ${errorsJson}\n}`);
    this.pending = null;
  }

  private head(): string {
    return `{\n  "version": 1,\n  "root": ${JSON.stringify(this.root)},\n  "reports": `;
  }
}

/**
 * An element of a top-level array, indented as `JSON.stringify(…, null, 2)` indents it there:
 * the value stringified two arrays deep, which indents every line of it by four spaces, less
 * the two arrays' brackets (`[\n  [\n` before it, `\n  ]\n]` after). One pass, where
 * re-indenting a string afterwards copied every report's JSON once more.
 */
function element(value: unknown): string {
  return terminalSafeJson(JSON.stringify([[value]], null, 2).slice(6, -6));
}
