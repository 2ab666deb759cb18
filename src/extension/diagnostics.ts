import * as vscode from 'vscode';
import { pushAll } from '../core';
import { DIAGNOSTIC_SOURCE } from './commandIds';
import type { FindingIndex } from './findingIndex';
import { findingMessage, hasOwnId, reportShortName } from './findingText';
import { diagnosticsSignature } from './diagnosticSignature';
import type { IndexChange, IndexedFinding, IndexedReport } from './indexModel';
import { firstCodeLine, lineRange } from './lines';
import { openDocument } from './readReport';
import type { SettingsStore } from './settings';
import { uriAtLine } from './uris';
import { showsInCode } from './visibility';
import { codeDiagnosticSuffix, driftEntries } from './tracking/driftDiagnostics';
import type { LocationTracker } from './tracking/locationTracker';

/** How long typing in a report must pause before the links of the code's squiggles follow it. */
const RELINK_DELAY_MS = 500;

export interface DiagnosticsDeps {
  index: FindingIndex;
  settings: SettingsStore;
  /** Where each location is now (issue #10): ranges, the `changed` suffix, and the report's drift diagnostics. */
  tracker: LocationTracker;
}

/**
 * Squiggles: each open finding on the first non-blank line of its range in the source file (the
 * whole range is marked quietly by the range highlights), and in a report each location that
 * resolves to no file. Only the files an index change names are recomputed, each once per
 * change, and sent only when what they show differs from what was sent. While the index scans,
 * files no editor shows wait for the end of the scan: they are set once then, instead of once
 * per publication (a file cited by many reports is touched by most of them). Files whose
 * diagnostics differ only in where their links into an edited report point wait for typing to
 * pause.
 */
export function registerDiagnostics({ index, settings, tracker }: DiagnosticsDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('auditLens');
  /** Per file, the signature of the diagnostics it was last given. */
  const sent = new Map<string, string>();
  /** Files whose diagnostics changed during a scan while no editor showed them. */
  const waiting = new Map<string, vscode.Uri>();
  /** Files whose diagnostics differ only in where their links into a report point, until typing pauses. */
  const relinked = new Map<string, vscode.Uri>();
  let relinkTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (uri: vscode.Uri): void => {
    const key = uri.toString();
    waiting.delete(key);
    relinked.delete(key);
    const doc = openDocument(uri);
    const diagnostics = [...sourceDiagnostics(tracker.findingsInFile(uri), uri, settings, doc, tracker)];
    const report = index.report(uri);
    if (report) {
      for (const d of reportDiagnostics(report, settings, doc, tracker)) diagnostics.push(d);
      pushAll(diagnostics, driftEntries(report, tracker, doc, (f) => showsInCode(f.finding.status, settings.current)).map((e) => e.diagnostic));
    }
    if (diagnostics.length === 0) {
      if (sent.delete(key)) collection.delete(uri);
      return;
    }
    const signature = diagnosticsSignature(diagnostics);
    if (sent.get(key) === signature) return;
    sent.set(key, signature);
    collection.set(uri, diagnostics);
  };
  const updateAll = (): void => {
    const uris = new Map<string, vscode.Uri>();
    collection.forEach((uri) => void uris.set(uri.toString(), uri));
    for (const r of index.reports()) {
      uris.set(r.key, r.uri);
      for (const f of r.findings) for (const l of tracker.locations(f)) if (l.uri) uris.set(l.uri.toString(), l.uri);
    }
    for (const uri of uris.values()) update(uri);
  };
  const shownNow = (): Set<string> => new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
  const onChange = (change: IndexChange): void => {
    const uris = new Map<string, vscode.Uri>();
    for (const uri of change.reports) uris.set(uri.toString(), uri);
    for (const uri of change.files) uris.set(uri.toString(), uri);
    publish(uris);
    // Enter typed in a report moves every finding below it: the squiggles in code stay as they
    // are, only their links into the report now point a line off. Those files are set once the
    // typing pauses, not on every keystroke (in the 50 KB bench report, resending them was most
    // of an edit's time in the extension host: edit → diagnostics went from 21 to 5 ms).
    if (change.relinked.length === 0) return;
    for (const uri of change.relinked) relinked.set(uri.toString(), uri);
    if (relinkTimer) clearTimeout(relinkTimer);
    relinkTimer = setTimeout(() => {
      relinkTimer = undefined;
      publish(new Map(relinked));
    }, RELINK_DELAY_MS);
  };
  /** Sets each file once; while the index scans, files no editor shows wait for the end of the scan. */
  const publish = (uris: ReadonlyMap<string, vscode.Uri>): void => {
    const scanning = index.isScanning;
    const shown = scanning ? shownNow() : undefined;
    for (const [key, uri] of uris) {
      if (shown && !shown.has(key)) waiting.set(key, uri);
      else update(uri);
    }
    if (!scanning) for (const uri of [...waiting.values()]) update(uri);
  };

  const disposables = [
    collection,
    { dispose: () => relinkTimer && clearTimeout(relinkTimer) },
    index.onDidChange(onChange),
    // The code moved or changed: its files, and the reports whose findings point there.
    tracker.onDidChange((files) => {
      const uris = new Map<string, vscode.Uri>();
      for (const uri of files) {
        uris.set(uri.toString(), uri);
        for (const f of tracker.findingsInFile(uri)) uris.set(f.report.key, f.report.uri);
      }
      publish(uris);
    }),
    settings.onDidChange((e) => {
      if (e.affectsConfiguration('auditLens.severityMap') || e.affectsConfiguration('auditLens.showDeferred')) updateAll();
    }),
    // With the text at hand a range starts at the code, not at the indentation.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (index.findingsInFile(doc.uri).length > 0 || index.report(doc.uri)) update(doc.uri);
    }),
    // A file shown while the scan still runs gets what it has so far.
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const e of editors) {
        const uri = waiting.get(e.document.uri.toString());
        if (uri) update(uri);
      }
    }),
  ];
  updateAll();
  return vscode.Disposable.from(...disposables);
}

function* sourceDiagnostics(
  findings: readonly IndexedFinding[],
  uri: vscode.Uri,
  store: SettingsStore,
  doc: vscode.TextDocument | undefined,
  tracker: LocationTracker,
): Iterable<vscode.Diagnostic> {
  const settings = store.current;
  for (const f of findings) {
    const { finding } = f;
    if (!showsInCode(finding.status, settings)) continue;
    const severity = finding.status === 'deferred' ? vscode.DiagnosticSeverity.Hint : settings.severityMap[finding.severity ?? 'unknown'];
    // At the lines the code has now; a location whose code is gone has no squiggle in code.
    for (const l of tracker.locationsIn(f, uri)) {
      const range = diagnosticRange(l.tracked.current?.startLine ?? null, l.tracked.current?.endLine ?? null, doc);
      const d = new vscode.Diagnostic(range, findingMessage(finding) + (finding.status === 'deferred' ? ' (deferred)' : '') + codeDiagnosticSuffix(l), severity);
      d.source = DIAGNOSTIC_SOURCE;
      // The code links to the finding in its report (no related-information row repeats that
      // link). It reads as the report's own id, or the report's name when the id is a slug.
      d.code = { value: hasOwnId(finding) ? finding.id : reportShortName(f.report.relPath), target: uriAtLine(f.report.uri, finding.reportRange.startLine) };
      yield d;
    }
  }
}

/** Where a finding's squiggle goes: the first non-blank line of its range (line 1 for a whole file). */
export function diagnosticRange(startLine: number | null, endLine: number | null, doc: vscode.TextDocument | undefined): vscode.Range {
  if (startLine === null) return lineRange(1, 1, doc);
  const line = firstCodeLine(startLine, endLine, doc);
  return lineRange(line, line, doc);
}

/** A location that names no file of the folder: a warning where the report writes it. */
function* reportDiagnostics(report: IndexedReport, store: SettingsStore, doc: vscode.TextDocument | undefined, tracker: LocationTracker): Iterable<vscode.Diagnostic> {
  const settings = store.current;
  for (const f of report.findings) {
    if (!showsInCode(f.finding.status, settings)) continue;
    const reported = new Set<string>();
    // A path the tracker finds (a file renamed since the report) is no missing file.
    for (const { uri, tracked } of tracker.locations(f)) {
      const l = { uri, ref: tracked.written };
      if (l.uri || reported.has(l.ref.path)) continue;
      reported.add(l.ref.path);
      const range = whereWritten(f, l.ref.path, doc);
      const d = new vscode.Diagnostic(
        range,
        `${hasOwnId(f.finding) ? `[${f.finding.id}] ` : ''}File not found: "${l.ref.path}" matches no single file in the folder ${report.folder.name}.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'unresolved-location';
      yield d;
    }
  }
}

/**
 * The first line of the finding that contains the path (or its file name), else its first line.
 * Without the open document, the lines come from the finding's body (a heading's own line is
 * not in it: a path written there lands on the first line all the same).
 */
function whereWritten(f: IndexedFinding, path: string, doc: vscode.TextDocument | undefined): vscode.Range {
  const { startLine, endLine } = f.finding.reportRange;
  const texts = doc ? undefined : f.finding.body.split(/\r\n|\r|\n/);
  // The body starts on the line after a heading, and on the finding's own line otherwise.
  const bodyStart = f.finding.kind === 'heading' ? startLine + 1 : startLine;
  const lineText = (n: number): string | undefined => {
    if (doc) {
      const line = lineRange(n, n).start.line;
      return line < doc.lineCount ? doc.lineAt(line).text : undefined;
    }
    return n >= bodyStart ? texts![n - bodyStart] : undefined;
  };
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const needle of [path, base]) {
    for (let n = startLine; n <= endLine; n++) {
      const text = lineText(n);
      const col = text?.indexOf(needle) ?? -1;
      if (col >= 0) {
        const line = lineRange(n, n);
        return new vscode.Range(line.start.line, col, line.start.line, col + needle.length);
      }
    }
  }
  return lineRange(startLine, startLine, doc);
}
