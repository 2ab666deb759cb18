import type * as vscode from 'vscode';
import type { IndexedReport } from './indexModel';

// A report re-read after an edit usually differs only in a finding's body: these signatures
// say which files' diagnostics and whether the tree need redoing, so typing in a report
// whose findings point into a hundred files does not resend a hundred files' diagnostics.

const SEP = '\u0001';

/**
 * Per source file, what its diagnostics show of this report's findings there (`shown`), and
 * the report lines their code links point at (`links`), kept apart: Enter typed in a report
 * moves the findings below it, which changes no squiggle in code, only where those links go.
 */
export interface FileSignature {
  uri: vscode.Uri;
  shown: string;
  links: string;
}

export function fileSignatures(report: IndexedReport): Map<string, FileSignature> {
  const out = new Map<string, FileSignature>();
  for (const f of report.findings) {
    const { id, title, severity, status, reportRange } = f.finding;
    for (const l of f.locations) {
      if (!l.uri) continue;
      const key = l.uri.toString();
      const sig = out.get(key) ?? { uri: l.uri, shown: '', links: '' };
      sig.shown += [id, title, severity, status, l.ref.startLine, l.ref.endLine].join(SEP) + '\n';
      sig.links += `${reportRange.startLine}\n`;
      out.set(key, sig);
    }
  }
  return out;
}

/** What the tree and the status bar show of a report's findings (not their bodies or lines in the report). */
export function displaySignature(report: IndexedReport): string {
  return report.findings
    .map((f) => {
      const { id, title, severity, status } = f.finding;
      const where = f.locations.map((l) => `${l.uri?.toString() ?? l.ref.path}:${l.ref.startLine}`).join(',');
      return [id, title, severity, status, where].join(SEP);
    })
    .join('\n');
}
