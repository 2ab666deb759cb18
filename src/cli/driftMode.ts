import type { ScannedReport } from '../core';
import { asWritten } from '../node/git';
import { CatFileBatch } from '../node/git/catFileBatch';
import { headOf } from '../node/git/gitQueries';

/**
 * How a scan maps its locations (#10). In a git repository every report is needed at once, so
 * that git runs once per base for all of them (applyDrift); otherwise (`--no-git`, or a root in no
 * repository) each location stays as written, with the reason, and reports stream one by one.
 */
export type DriftMode = { git: true } | { git: false; note: string };

export async function driftMode(root: string, useGit: boolean): Promise<DriftMode> {
  if (!useGit) return { git: false, note: 'mapping is off (--no-git); line numbers are as written' };
  // The same question, through the same process, that the tracker asks first (so the same note).
  const cat = new CatFileBatch(root);
  try {
    const opened = await headOf(cat);
    return 'error' in opened ? { git: false, note: `no git history: ${opened.error}; line numbers are as written` } : { git: true };
  } finally {
    cat.close();
  }
}

/** A report's locations as written, state `unknown` with the note: what applyDrift gives with no git. */
export function markAsWritten(r: ScannedReport, note: string): void {
  for (const f of r.findings) {
    for (const l of f.locations) {
      const t = asWritten(l, l.resolved, note);
      l.resolved = t.resolved;
      l.current = t.current;
      l.drift = t.drift;
    }
  }
}
