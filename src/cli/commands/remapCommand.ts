import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { applyTextEdits, lineNumberEdits, type LineNumberUpdate } from '../../core';
import { CliError, EXIT } from '../cliError';
import { driftDetails } from '../driftStep';
import type { CliIo } from '../cliIo';
import { readReportFileSync } from '../../node/readReportFile';
import { withReportLock } from '../reportLock';
import { resolveRoot } from '../resolveRoot';
import { scanRoot } from '../scanRoot';
import { terminalSafe as t } from '../terminalText';
import { UsageError } from '../usageError';
import { isInside } from '../../node/walkTree';
import { toRelative } from '../walkRoot';
import { ReportChanged, writeReportIfUnchanged } from '../writeReportIfUnchanged';


/**
 * `remap REPORT [--write]` (#10): the line numbers of the report's `moved` locations, rewritten
 * to where the code is now. Without `--write` it prints the updates; with it, it writes them as
 * `set-status` does (atomic, and refused when the report changed meanwhile). The edits are the
 * core's `lineNumberEdits`, the same the editor's "Update line numbers" applies: only the digits,
 * never inside a SHA-pinned permalink.
 */
export async function remapCommand(argv: string[], _version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { root: { type: 'string' }, write: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('remap takes one REPORT.');
  const root = await resolveRoot(values.root);
  const real = await fs.realpath(resolve(positionals[0])).catch(() => null);
  if (real === null) throw new CliError(EXIT.usage, `Report not found: ${positionals[0]}`);
  if (!isInside(root, real)) throw new CliError(EXIT.usage, `${positionals[0]} is outside the root ${root}; nothing written.`);
  const rel = toRelative(root, real);

  const read = readReportFileSync(real, root);
  if (!read.ok) throw new CliError(EXIT.usage, `${positionals[0]}: ${read.message}`);
  const scan = await scanRoot({ root, files: [real] });
  const report = scan.reports[0];
  if (!report) throw new CliError(EXIT.usage, `${positionals[0]}: ${scan.errors[0]?.message ?? 'not read'}`);
  // The scan's drift step maps the report as read here (its findings are the scan's own).
  const [detail] = await driftDetails(scan, [read.text]);
  const updates: LineNumberUpdate[] = detail.flat().flatMap((d) => (d.text ? [{ text: d.text, tracked: d.tracked }] : []));
  const edits = lineNumberEdits(read.text, updates);
  if (edits.length === 0) {
    io.out(t(`${rel}: no moved location to update.`));
    return EXIT.ok;
  }
  for (const u of updates) {
    if (!lineNumberEdits(read.text, [u]).length) continue;
    const w = u.tracked.written;
    io.out(t(`${rel}:${u.text.line}: ${w.path}:${w.startLine}${w.endLine !== null && w.endLine !== w.startLine ? `-${w.endLine}` : ''} → ${u.tracked.resolved ?? w.path}:${u.tracked.current!.startLine}${u.tracked.current!.endLine !== u.tracked.current!.startLine ? `-${u.tracked.current!.endLine}` : ''}`));
  }
  if (!values.write) {
    io.out(`${edits.length} number${edits.length === 1 ? '' : 's'} to update; run again with --write to write them.`);
    return EXIT.ok;
  }
  const updated = applyTextEdits(read.text, edits);
  await withReportLock(real, async () => {
    try {
      await writeReportIfUnchanged(real, root, read, updated);
    } catch (err) {
      if (err instanceof ReportChanged) throw new CliError(EXIT.write, `${positionals[0]} changed while the line numbers were being written; nothing written. Try again.`);
      throw err;
    }
  });
  io.out(t(`${rel}: ${edits.length} number${edits.length === 1 ? '' : 's'} updated.`));
  return EXIT.ok;
}
