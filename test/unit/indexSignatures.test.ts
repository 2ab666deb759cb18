import { deepStrictEqual, notStrictEqual, strictEqual } from 'node:assert';
import type * as vscode from 'vscode';
import { parseReport } from '../../src/core';
import type { IndexedReport } from '../../src/extension/indexModel';
import { fileSignatures } from '../../src/extension/indexSignatures';

/** A report indexed as the extension indexes it, every location resolved to a URI named after its path (only `toString` is read). */
function indexed(text: string): IndexedReport {
  const uri = (s: string): vscode.Uri => ({ toString: () => `file:///w/${s}` }) as unknown as vscode.Uri;
  const findings = parseReport(text).findings.map((finding) => ({
    key: finding.id,
    finding,
    report: undefined as unknown as IndexedReport,
    locations: finding.locations.map((ref) => ({ ref, uri: uri(ref.path) })),
  }));
  return { uri: uri('AUDIT.md'), key: 'file:///w/AUDIT.md', folder: undefined as unknown as vscode.WorkspaceFolder, relPath: 'AUDIT.md', title: '', version: undefined, findings };
}

const REPORT = [
  '# Audit',
  '',
  '### [H1] Token compared with ==',
  '',
  '**Severity:** High',
  '**Location:** `src/auth/login.ts:6-7`',
  '',
  '### [M1] No rate limit',
  '',
  '**Severity:** Medium',
  '**Location:** `src/api/handler.ts:3`',
  '',
].join('\n');

describe('fileSignatures: what a report shows in each source file, and where its links point', () => {
  it('a line typed above the findings changes only where the links point', () => {
    const before = fileSignatures(indexed(REPORT));
    const after = fileSignatures(indexed(REPORT.replace('# Audit\n', '# Audit\nA line typed here.\n')));
    deepStrictEqual([...after.keys()].sort(), ['file:///w/src/api/handler.ts', 'file:///w/src/auth/login.ts']);
    for (const [file, sig] of before) {
      strictEqual(after.get(file)!.shown, sig.shown, `${file}: the squiggles are the same`);
      notStrictEqual(after.get(file)!.links, sig.links, `${file}: the links point one line lower`);
    }
  });

  it('a changed title, severity or cited line changes what the file shows', () => {
    const before = fileSignatures(indexed(REPORT));
    const retitled = fileSignatures(indexed(REPORT.replace('No rate limit', 'No rate limit at all')));
    strictEqual(retitled.get('file:///w/src/auth/login.ts')!.shown, before.get('file:///w/src/auth/login.ts')!.shown, 'the other file is untouched');
    notStrictEqual(retitled.get('file:///w/src/api/handler.ts')!.shown, before.get('file:///w/src/api/handler.ts')!.shown);
    const moved = fileSignatures(indexed(REPORT.replace('login.ts:6-7', 'login.ts:8-9')));
    notStrictEqual(moved.get('file:///w/src/auth/login.ts')!.shown, before.get('file:///w/src/auth/login.ts')!.shown);
    const severity = fileSignatures(indexed(REPORT.replace('**Severity:** High', '**Severity:** Low')));
    notStrictEqual(severity.get('file:///w/src/auth/login.ts')!.shown, before.get('file:///w/src/auth/login.ts')!.shown);
  });
});
