import { readReportFileSync } from '../node/readReportFile';
import { writeFileAtomic } from './writeFileAtomic';

/** The report changed on disk between its read and the write: nothing was written. */
export class ReportChanged extends Error {}

/**
 * Replaces a report with `updated` in one atomic rename, unless its bytes differ from `read` by
 * then (another writer came first): then nothing is written and ReportChanged is thrown.
 */
export async function writeReportIfUnchanged(real: string, root: string, read: { bytes: Buffer }, updated: string): Promise<void> {
  await writeFileAtomic(real, updated, {
    mustExist: true,
    beforeRename: async () => {
      const now = readReportFileSync(real, root);
      if (!now.ok || !now.bytes.equals(read.bytes)) throw new ReportChanged();
    },
  });
}
