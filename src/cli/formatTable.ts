import { isDerivedId, type ScanError, type ScannedFinding, type ScannedReport, type ScanResult } from '../core';
import { terminalSafe as t } from './terminalText';

/**
 * A readable listing of a scan, report by report. The id column shows the report's own ids
 * only: an id derived from the title would just repeat it, so such a row shows the title alone.
 * Every value from a report or a file name is made terminal-safe.
 */
export function formatTable(scan: ScanResult): string {
  const pieces: string[] = [];
  const table = new ScanTableWriter((s) => pieces.push(s));
  for (const r of scan.reports) table.report(r);
  table.end(scan.errors);
  return pieces.join('\n');
}

/** `formatTable` written report by report, each as soon as it is read; only counts are kept. */
export class ScanTableWriter {
  private reports = 0;
  private total = 0;
  private open = 0;

  constructor(private readonly out: (text: string) => void) {}

  report(r: ScannedReport): void {
    const out = [t(`${r.path} — ${r.title} (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'})`)];
    const rows = r.findings.map((f) => [isDerivedId(f) ? '' : f.id, f.severity ?? '-', f.status, where(f), f.title].map(t));
    // The location column is wider: it may say where the code moved from (#10).
    const widths = [0, 1, 2, 3].map((c) => Math.min(c === 3 ? 80 : 40, rows.reduce((m, row) => Math.max(m, row[c].length), 0)));
    for (const row of rows) {
      out.push(('  ' + row.map((cell, c) => (c < 4 ? pad(cell, widths[c]) : cell)).filter((_cell, c) => c > 0 || widths[0] > 0).join('  ')).trimEnd());
    }
    // A blank line after each report (`out` ends the piece with the line break).
    out.push('');
    this.out(out.join('\n'));
    this.reports++;
    this.total += r.findings.length;
    this.open += r.findings.filter((f) => f.status === 'open').length;
  }

  end(errors: readonly ScanError[]): void {
    const { reports, total, open } = this;
    const out = errors.map((e) => t(`error: ${e.path}: ${e.message}`));
    out.push(`${reports} report${reports === 1 ? '' : 's'}, ${total} finding${total === 1 ? '' : 's'}, ${open} open${errors.length ? `, ${errors.length} error${errors.length === 1 ? '' : 's'}` : ''}`);
    this.out(out.join('\n'));
  }
}

function where(f: ScannedFinding): string {
  const l = f.locations[0];
  if (!l) return '-';
  const more = f.locations.length > 1 ? ` (+${f.locations.length - 1})` : '';
  const written = `${l.path}${l.startLine === null ? '' : `:${l.startLine}`}`;
  // Where the code is now (#10): `src/helpers/util.ts:10 (moved from src/util.ts:10)`.
  switch (l.drift?.state) {
    case 'moved':
      return `${l.resolved ?? l.path}${l.current ? `:${l.current.startLine}` : ''} (moved from ${written})${more}`;
    case 'changed':
      return `${l.resolved ?? l.path}${l.current ? `:${l.current.startLine}` : ''} (changed)${more}`;
    case 'gone':
      return `${written} (gone)${more}`;
  }
  const path = l.resolved ?? `${l.path}?`;
  const lines = l.startLine === null ? '' : l.endLine !== null && l.endLine !== l.startLine ? `:${l.startLine}-${l.endLine}` : `:${l.startLine}`;
  return `${path}${lines}${more}`;
}

function pad(s: string, w: number): string {
  return s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w);
}
