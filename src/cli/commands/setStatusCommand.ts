import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyTextEdits, findingLabel, setFindingStatus, StatusEditError, STATUS_LABELS } from '../../core';
import { CliError, EXIT } from '../cliError';
import type { CliIo } from '../cliIo';
import { readReportFileSync } from '../../node/readReportFile';
import { withReportLock } from '../reportLock';
import { resolveRoot } from '../resolveRoot';
import { terminalSafe as t } from '../terminalText';
import { UsageError } from '../usageError';
import { isInside } from '../../node/walkTree';
import { toRelative } from '../walkRoot';
import { ReportChanged, writeReportIfUnchanged } from '../writeReportIfUnchanged';

/** How many times a write is recomputed when the report changed under it, before giving up. */
const ATTEMPTS = 5;


/**
 * Writes one finding's status into its report. Writers of the same report take turns
 * (`withReportLock`), and the report is compared with the text the edit was computed from
 * immediately before the rename: a change by anyone else (an editor saving meanwhile) makes
 * it start again from the new text, a bounded number of times, then refuse. No write ever
 * replaces a change it has not seen.
 */
export async function setStatusCommand(argv: string[], _version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, note: { type: 'string' }, 'no-date': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 3) throw new UsageError('set-status takes REPORT ID STATUS.');
  const [reportArg, id, status] = positionals;
  const root = await resolveRoot(values.root);
  const real = await fs.realpath(resolve(reportArg)).catch(() => null);
  if (real === null) throw new CliError(EXIT.usage, `Report not found: ${reportArg}`);
  if (!isInside(root, real)) throw new CliError(EXIT.usage, `${reportArg} is outside the root ${root}; nothing written.`);
  const rel = toRelative(root, real);
  const date = values['no-date'] ? undefined : today();

  return withReportLock(real, async () => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const read = readReportFileSync(real, root);
      if (!read.ok) throw new CliError(EXIT.usage, `${reportArg}: ${read.message}`);
      const result = statusEdit(read.text, id, status, values.note, date);
      const label = findingLabel(result.finding);
      if (result.edits.length === 0) {
        io.out(t(`${rel}: ${label} is already ${STATUS_LABELS[result.status].toLowerCase()}; nothing changed.`));
        return EXIT.ok;
      }
      const updated = applyTextEdits(read.text, result.edits);
      try {
        await writeReportIfUnchanged(real, root, read, updated);
      } catch (err) {
        if (err instanceof ReportChanged) continue;
        throw err;
      }
      io.out(t(`${rel}: ${label} ${result.previous} → ${result.status} (line ${result.finding.reportRange.startLine})`));
      return EXIT.ok;
    }
    throw new CliError(EXIT.write, `${reportArg} kept changing while the status was being written (${ATTEMPTS} tries); nothing written. Try again.`);
  });
}

function statusEdit(text: string, id: string, status: string, note: string | undefined, date: string | undefined): ReturnType<typeof setFindingStatus> {
  try {
    return setFindingStatus(text, id, status, { note, date });
  } catch (err) {
    if (err instanceof StatusEditError) throw new CliError(err.code === 'unwritable' ? EXIT.write : EXIT.usage, err.message);
    throw err;
  }
}

/** The local date, as written into the status line: `2026-11-23`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
