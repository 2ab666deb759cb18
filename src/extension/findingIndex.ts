import * as vscode from 'vscode';
import { FileIndex, type ParsedReport } from '../core';
import { FolderFilter } from './folderFilter';
import { findingKey, type IndexChange, type IndexedFinding, type IndexedReport } from './indexModel';
import { displaySignature, fileSignatures, type FileSignature } from './indexSignatures';
import { listFolder } from './listFolder';
import { budgetReason } from './parsing/budgetReason';
import type { ParseKeeping, ReportParser } from './parsing/budgetedParser';
import { readingOrder } from './readingOrder';
import { isSkipped, oneLine, openDocument, readReport, type ReportSkipped, type ReportText } from './readReport';
import type { SettingsStore } from './settings';
import { addToSummary, emptySummary, type FindingSummary } from './summary';
import type { SkippedReport } from './treeModel';
import { displayPath, folderRoot, relativePath } from './uris';

interface ReportSignatures {
  files: Map<string, FileSignature>;
  display: string;
}

interface FolderState {
  folder: vscode.WorkspaceFolder;
  filter: FolderFilter;
  files: Set<string>;
  fileIndex: FileIndex;
}

/** Reports read in parallel during a scan. */
const READ_CONCURRENCY = 8;
/**
 * During a scan the first results are published at once, then at growing intervals: each
 * publication resends the diagnostics of the files it touches, so a large workspace is shown
 * early without being shown fifty times over.
 */
const FIRST_PUBLISH_MS = 50;
const MAX_PUBLISH_INTERVAL_MS = 1000;
/** File creations and deletions are gathered this long before locations are resolved again. */
const FILE_CHANGE_DELAY_MS = 200;

/**
 * The findings of every report in the workspace, per folder, with their locations resolved to
 * files. Lookups by report, by finding key and by source file are map lookups. Scans run in
 * the background and publish what they have read as they go; `onDidChange` says what changed.
 */
export class FindingIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly reportMap = new Map<string, IndexedReport>();
  private readonly byFile = new Map<string, IndexedFinding[]>();
  private readonly byKey = new Map<string, IndexedFinding>();
  private readonly skipped = new Map<string, SkippedReport>();
  /** The counts of every indexed finding, kept as reports come and go. */
  private readonly counts = emptySummary();
  private readonly signatures = new WeakMap<IndexedReport, ReportSignatures>();
  /**
   * Per report, a count bumped by every reading outside a scan (a file event, an edit): a scan's
   * reading of a report read again since then is stale, and neither publishes nor lists it as
   * skipped (a report deleted while the scan parsed it stayed listed as skipped for good).
   */
  private readonly rereads = new Map<string, number>();
  /** Per report, a count bumped when it leaves the index (its file is gone): a parse under way for it is stale. */
  private readonly removals = new Map<string, number>();
  /** Reports whose last parse the parser keeps (open in an editor). */
  private readonly keptParses = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.emitter.event;

  private generation = 0;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private scanDone: Promise<void> = Promise.resolve();
  private ready = false;
  private scanning = false;
  private readonly changedFolders = new Set<string>();
  private fileTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /**
   * @param parser the reader, off the main thread and within a time budget per report. A public
   * field so that a test can hand in one whose result makes indexing throw: whatever goes wrong
   * with one report costs that report only (it is listed as skipped), never the rest of its folder.
   */
  constructor(
    private readonly settings: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    public parser: ReportParser,
  ) {}

  /** True once the first scan of every folder has finished. */
  get isReady(): boolean {
    return this.ready;
  }

  /**
   * True while a scan runs. The change that ends it is published with this already false, so
   * that what waited for the end of the scan can go then.
   */
  get isScanning(): boolean {
    return this.scanning;
  }

  /** Settles when the scan under way (if any) has finished. */
  whenReady(): Promise<void> {
    return this.scanDone;
  }

  reports(): IndexedReport[] {
    return [...this.reportMap.values()];
  }

  get reportCount(): number {
    return this.reportMap.size;
  }

  /** The counts of every indexed finding (a copy): the cost of a report's own findings to keep. */
  summary(): FindingSummary {
    return { ...this.counts, openBySeverity: { ...this.counts.openBySeverity }, byStatus: { ...this.counts.byStatus } };
  }

  report(uri: vscode.Uri): IndexedReport | undefined {
    return this.reportMap.get(uri.toString());
  }

  *findings(): IterableIterator<IndexedFinding> {
    for (const r of this.reportMap.values()) yield* r.findings;
  }

  /** Reports that could not be read (unreadable, too large, binary, or the reader failed), with why. */
  skippedReports(): SkippedReport[] {
    return [...this.skipped.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  findingByKey(key: string): IndexedFinding | undefined {
    return this.byKey.get(key);
  }

  /** The findings with a location in this file (each once). */
  findingsInFile(uri: vscode.Uri): readonly IndexedFinding[] {
    return this.byFile.get(uri.toString()) ?? [];
  }

  /** Whether the file is a report under its folder's settings (indexed or not yet). */
  isReport(uri: vscode.Uri): boolean {
    if (this.reportMap.has(uri.toString())) return true;
    const at = this.folderOf(uri);
    return at !== undefined && at.state.filter.isReport(at.rel);
  }

  /** Re-reads everything in the background; resolves when done. A newer call supersedes it. */
  reindex(): Promise<void> {
    this.scanCancel?.cancel();
    this.scanCancel?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    this.scanCancel = cancel;
    const generation = ++this.generation;
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.scanning = true;
    this.parser.prepare?.();
    const done = (async () => {
      const wanted = new Set(folders.map((f) => f.uri.toString()));
      for (const key of [...this.folders.keys()]) if (!wanted.has(key)) this.dropFolder(key);
      // A folder that fails to scan (its file search throws) costs that folder only.
      await Promise.all(
        folders.map((f) => this.scanFolder(f, generation, cancel.token).catch((error: unknown) => this.log.error(`Folder ${f.name} could not be scanned: ${oneLine(error)}`))),
      );
      if (generation === this.generation && !this.disposed) {
        this.ready = true;
        this.scanning = false;
        // Readiness is news for the tree (its welcome view) even when nothing else changed.
        this.emitter.fire(treeOnly());
      }
    })();
    this.scanDone = done.catch((error: unknown) => {
      this.log.error(`Indexing failed: ${oneLine(error)}`);
      if (generation !== this.generation || this.disposed) return;
      // What waited for the end of the scan goes now, with what was read.
      this.scanning = false;
      this.emitter.fire(treeOnly());
    });
    return this.scanDone;
  }

  /** Reads one report again (from its buffer if open); drops it if it is gone or no report any more. */
  async refreshReport(uri: vscode.Uri): Promise<void> {
    const generation = this.generation;
    const read = this.isReport(uri) ? preferBuffer(uri, await readReport(uri)) : undefined;
    if (generation !== this.generation || this.disposed) return;
    // Counted only now: a refresh that a newer scan supersedes leaves that scan's reading standing.
    this.reread(uri);
    if (isSkipped(read)) this.markSkipped(uri, read.skipped);
    else if (read) await this.updateReportText(uri, read.text, read.version);
    else this.removeReport(uri);
  }

  /**
   * Parses a report's current text (an edit in its open editor, say) and publishes the result.
   * Texts of one report are parsed in the order given, so the last one given is the one shown.
   */
  async updateReportText(uri: vscode.Uri, text: string, version: number | undefined): Promise<void> {
    const before = this.folderOf(uri);
    if (!before || !before.state.filter.isReport(before.rel)) return;
    this.reread(uri);
    // A report removed while this text was parsed stays removed (nor is it listed as skipped).
    // Only a removal counts: a newer edit's text is parsed after this one and shown after it.
    const key = uri.toString();
    const removals = this.removals.get(key) ?? 0;
    const current = (): boolean => (this.removals.get(key) ?? 0) === removals;
    // No skipping by version: a document closed and opened again counts its versions afresh.
    const parsed = await this.parseOrSkip(uri, text, version, current);
    // The folder may have gone, or its settings changed, while the worker read.
    const at = this.folderOf(uri);
    if (!parsed || !at || !at.state.filter.isReport(at.rel) || !current()) return;
    try {
      const report = this.buildReport(at.state, uri, at.rel, parsed, version);
      this.clearSkipped(uri);
      this.publish(this.replaceReports([report], []));
    } catch (error) {
      this.markSkipped(uri, readerFailed(oneLine(error)));
    }
  }

  /** A reading outside a scan starts: what a scan under way read of this report is stale. */
  private reread(uri: vscode.Uri): void {
    const key = uri.toString();
    this.rereads.set(key, (this.rereads.get(key) ?? 0) + 1);
  }

  removeReport(uri: vscode.Uri): void {
    const key = uri.toString();
    this.removals.set(key, (this.removals.get(key) ?? 0) + 1);
    this.reread(uri);
    this.clearSkipped(uri);
    if (!this.reportMap.has(uri.toString())) return;
    this.publish(this.replaceReports([], [uri.toString()]));
  }

  /**
   * A file or a folder appeared. A new folder's files are listed: a watcher may report only
   * the folder when it arrives with its contents (a checkout, an unpacked archive).
   */
  async pathCreated(uri: vscode.Uri): Promise<void> {
    const at = this.folderOf(uri);
    if (!at) return;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again
    }
    const created = stat.type & vscode.FileType.Directory
      ? at.state.filter.isExcludedFolder(at.rel)
        ? []
        : (await listFolder(at.state.folder, this.settings.forFolder(at.state.folder.uri), undefined, uri)).map((rel) => vscode.Uri.joinPath(at.state.folder.uri, rel))
      : [uri];
    for (const file of created) {
      this.fileCreated(file);
      if (this.isReport(file)) void this.refreshReport(file);
    }
  }

  /** A file appeared or went away: locations are resolved again shortly after. */
  fileCreated(uri: vscode.Uri): void {
    const at = this.folderOf(uri);
    if (!at || at.state.filter.isExcluded(at.rel) || at.state.files.has(at.rel)) return;
    at.state.files.add(at.rel);
    this.scheduleResolve(at.state);
  }

  fileDeleted(uri: vscode.Uri): void {
    const at = this.folderOf(uri);
    if (!at) return;
    // A deleted folder arrives as one event: every file under it goes.
    const prefix = at.rel + '/';
    let changed = at.state.files.delete(at.rel);
    for (const f of at.state.files) {
      if (f.startsWith(prefix)) {
        at.state.files.delete(f);
        changed = true;
      }
    }
    if (changed) this.scheduleResolve(at.state);
  }

  dispose(): void {
    this.disposed = true;
    this.scanCancel?.cancel();
    this.scanCancel?.dispose();
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.emitter.dispose();
  }

  private folderOf(uri: vscode.Uri): { state: FolderState; rel: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const state = folder && this.folders.get(folder.uri.toString());
    const rel = folder && relativePath(folder.uri, uri);
    return state && rel !== undefined ? { state, rel } : undefined;
  }

  private async scanFolder(folder: vscode.WorkspaceFolder, generation: number, token: vscode.CancellationToken): Promise<void> {
    const settings = this.settings.forFolder(folder.uri);
    const filter = new FolderFilter(settings);
    const files = await listFolder(folder, settings, token);
    if (generation !== this.generation || this.disposed) return;
    const state: FolderState = { folder, filter, files: new Set(files), fileIndex: new FileIndex(files, folderRoot(folder.uri)) };
    const folderKey = folder.uri.toString();
    this.folders.set(folderKey, state);

    // A report inside a nested workspace folder belongs to that folder.
    // What the editors show is read first: their diagnostics need not wait for the whole scan.
    const shown = vscode.window.visibleTextEditors.map((e) => relativePath(folder.uri, e.document.uri)).filter((rel) => rel !== undefined);
    const reportUris = readingOrder(files.filter((rel) => filter.isReport(rel)), shown)
      .map((rel) => vscode.Uri.joinPath(folder.uri, rel))
      .filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folderKey);
    const seen = new Set(reportUris.map((u) => u.toString()));
    // Reports of this folder that are gone (or excluded now) leave at once.
    const stale = [...this.reportMap.values()].filter((r) => r.folder.uri.toString() === folderKey && !seen.has(r.key)).map((r) => r.key);
    for (const s of [...this.skipped.values()]) if (vscode.workspace.getWorkspaceFolder(s.uri)?.uri.toString() === folderKey && !seen.has(s.uri.toString())) this.clearSkipped(s.uri);

    let pending: IndexedReport[] = [];
    let lastPublish = Date.now();
    let interval = FIRST_PUBLISH_MS;
    const flush = (): void => {
      if (pending.length === 0 && stale.length === 0) return;
      this.publish(this.replaceReports(pending, stale.splice(0)));
      pending = [];
      lastPublish = Date.now();
      interval = Math.min(interval * 2, MAX_PUBLISH_INTERVAL_MS);
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < reportUris.length) {
        const uri = reportUris[next++];
        const key = uri.toString();
        const rereads = this.rereads.get(key) ?? 0;
        const current = (): boolean => (this.rereads.get(key) ?? 0) === rereads;
        // Whatever happens to one report (unreadable, the reader throws or runs over its budget,
        // building its findings throws) is that report's alone: the loop goes on to the next.
        const read = preferBuffer(uri, await readReport(uri).catch((error: unknown) => ({ skipped: `Skipped: cannot be read (${oneLine(error)}).` })));
        if (generation !== this.generation || this.disposed) return;
        if (!read || !current()) continue;
        if (isSkipped(read)) {
          this.markSkipped(uri, read.skipped);
          stale.push(uri.toString());
          continue;
        }
        const parsed = await this.parseOrSkip(uri, read.text, read.version, current);
        if (generation !== this.generation || this.disposed) return;
        if (!current()) continue;
        let report: IndexedReport | undefined;
        try {
          report = parsed && this.buildReport(state, uri, relativePath(folder.uri, uri)!, parsed, read.version);
        } catch (error) {
          this.markSkipped(uri, readerFailed(oneLine(error)));
        }
        if (!report) {
          stale.push(uri.toString());
          continue;
        }
        this.clearSkipped(uri);
        pending.push(report);
        if (Date.now() - lastPublish >= interval) flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, reportUris.length) }, worker));
    if (generation !== this.generation || this.disposed) return;
    flush();
  }

  /**
   * The parsed report; undefined, with the report listed as skipped, when the reader throws or
   * runs past its time budget; undefined alone when the index or the parser is shutting down.
   */
  private async parseOrSkip(uri: vscode.Uri, text: string, version: number | undefined, current: () => boolean = () => true): Promise<ParsedReport | undefined> {
    const outcome = await this.parser.parse(text, this.keeping(uri.toString(), version), uri.toString()).catch((error: unknown) => ({ kind: 'failed', reason: oneLine(error) }) as const);
    if (this.disposed || !current()) return undefined;
    switch (outcome.kind) {
      case 'parsed':
        return outcome.report;
      case 'failed':
        this.markSkipped(uri, readerFailed(outcome.reason));
        return undefined;
      case 'overBudget':
        this.markSkipped(uri, budgetReason(outcome.budgetMs));
        return undefined;
      case 'stopped':
        return undefined;
    }
  }

  /**
   * A text from an open editor's buffer (it has a version) is parsed with the previous parse of
   * the same report kept, so that the next edit re-reads only what it touched; a text read from
   * storage (the editor was closed) lets what was kept go.
   */
  private keeping(key: string, version: number | undefined): ParseKeeping | undefined {
    if (version !== undefined) {
      this.keptParses.add(key);
      return { keep: key };
    }
    return this.keptParses.delete(key) ? { forget: key } : undefined;
  }

  /** Lists a report as skipped (output channel and tree); its findings, if it had any, leave. */
  private markSkipped(uri: vscode.Uri, reason: string): void {
    const key = uri.toString();
    const known = this.skipped.get(key);
    if (known?.reason === reason) return;
    this.skipped.set(key, { uri, reason });
    this.log.warn(`${displayPath(uri)}: ${reason}`);
    if (this.reportMap.has(key)) this.publish(this.replaceReports([], [key]));
    else this.publish(treeOnly());
  }

  private clearSkipped(uri: vscode.Uri): void {
    if (!this.skipped.delete(uri.toString())) return;
    this.log.info(`${displayPath(uri)}: read again.`);
    this.publish(treeOnly());
  }

  private buildReport(state: FolderState, uri: vscode.Uri, relPath: string, parsed: ParsedReport, version: number | undefined): IndexedReport {
    const report: IndexedReport = {
      uri,
      key: uri.toString(),
      folder: state.folder,
      relPath,
      title: parsed.title || relPath.slice(relPath.lastIndexOf('/') + 1),
      version,
      findings: [],
    };
    // A report cites few files many times: each path is looked up once per report.
    const resolved = new Map<string, vscode.Uri | undefined>();
    const resolve = (path: string): vscode.Uri | undefined => {
      if (resolved.has(path)) return resolved.get(path);
      const rel = state.fileIndex.resolve(path, relPath);
      const uri = rel === null ? undefined : vscode.Uri.joinPath(state.folder.uri, rel);
      resolved.set(path, uri);
      return uri;
    };
    report.findings = parsed.findings.map((finding) => ({
      key: findingKey(report.key, finding.id),
      finding,
      report,
      locations: finding.locations.map((ref) => ({ ref, uri: resolve(ref.path) })),
    }));
    return report;
  }

  /**
   * Swaps reports in and out of every map. Returns what changed: the reports, the source files
   * whose diagnostics differ, and whether what the tree shows differs.
   */
  private replaceReports(added: IndexedReport[], removedKeys: string[]): IndexChange {
    const files = new Map<string, vscode.Uri>();
    const relinked = new Map<string, vscode.Uri>();
    const reports: vscode.Uri[] = [];
    let findingsChanged = false;
    const touched = new Set<string>();
    const unlink = (old: IndexedReport): void => {
      this.reportMap.delete(old.key);
      addToSummary(this.counts, old.findings, -1);
      for (const f of old.findings) {
        if (this.byKey.get(f.key) === f) this.byKey.delete(f.key);
        for (const l of f.locations) if (l.uri) touched.add(l.uri.toString());
      }
    };
    const filesOf = (r: IndexedReport): void => {
      for (const f of r.findings) for (const l of f.locations) if (l.uri) files.set(l.uri.toString(), l.uri);
    };
    for (const key of removedKeys) {
      const old = this.reportMap.get(key);
      if (!old) continue;
      unlink(old);
      filesOf(old);
      reports.push(old.uri);
      findingsChanged = true;
    }
    for (const report of added) {
      const old = this.reportMap.get(report.key);
      if (old) {
        unlink(old);
        // Only the files where what the diagnostics show differs.
        const { files: before, display: shownBefore } = this.signaturesOf(old);
        const { files: after, display: shownAfter } = this.signaturesOf(report);
        // Once per file (a file's signature is as long as its findings are many).
        for (const [key, sig] of [...before, ...after]) {
          const [b, a] = [before.get(key), after.get(key)];
          if (b?.shown !== a?.shown) files.set(key, sig.uri);
          else if (b?.links !== a?.links) relinked.set(key, sig.uri);
        }
        if (shownBefore !== shownAfter) findingsChanged = true;
      } else {
        filesOf(report);
        findingsChanged = true;
      }
      this.reportMap.set(report.key, report);
      addToSummary(this.counts, report.findings);
      reports.push(report.uri);
    }
    // The by-file lists lose the old reports' findings (once per file), then gain the new ones.
    for (const fileKey of touched) {
      const kept = (this.byFile.get(fileKey) ?? []).filter((f) => this.reportMap.get(f.report.key) === f.report);
      if (kept.length > 0) this.byFile.set(fileKey, kept);
      else this.byFile.delete(fileKey);
    }
    for (const report of added) {
      for (const f of report.findings) {
        this.byKey.set(f.key, f);
        const listed = new Set<string>();
        for (const l of f.locations) {
          if (!l.uri) continue;
          const fileKey = l.uri.toString();
          if (listed.has(fileKey)) continue;
          listed.add(fileKey);
          const list = this.byFile.get(fileKey);
          if (list) list.push(f);
          else this.byFile.set(fileKey, [f]);
        }
      }
    }
    for (const key of files.keys()) relinked.delete(key);
    return { reports, files: [...files.values()], relinked: [...relinked.values()], findingsChanged };
  }

  /**
   * A report's signatures, kept for the next version of it: a report replaced once (an open one,
   * being edited) is likely replaced again, and its signatures then cost nothing. Reports read
   * once by a scan never have theirs computed.
   */
  private signaturesOf(report: IndexedReport): ReportSignatures {
    let sigs = this.signatures.get(report);
    if (!sigs) this.signatures.set(report, (sigs = { files: fileSignatures(report), display: displaySignature(report) }));
    return sigs;
  }

  private publish(change: IndexChange): void {
    if (this.disposed || (change.reports.length === 0 && change.files.length === 0 && change.relinked.length === 0 && !change.findingsChanged)) return;
    this.emitter.fire(change);
  }

  private dropFolder(folderKey: string): void {
    this.folders.delete(folderKey);
    for (const s of [...this.skipped.values()]) if (!vscode.workspace.getWorkspaceFolder(s.uri)) this.clearSkipped(s.uri);
    const keys = [...this.reportMap.values()].filter((r) => r.folder.uri.toString() === folderKey).map((r) => r.key);
    this.publish(this.replaceReports([], keys));
  }

  private scheduleResolve(state: FolderState): void {
    this.changedFolders.add(state.folder.uri.toString());
    if (this.fileTimer) return;
    this.fileTimer = setTimeout(() => {
      this.fileTimer = undefined;
      for (const key of this.changedFolders) this.resolveFolderAgain(key);
      this.changedFolders.clear();
    }, FILE_CHANGE_DELAY_MS);
  }

  /** The folder's files changed: its reports' locations are resolved again (no re-parse). */
  private resolveFolderAgain(folderKey: string): void {
    const state = this.folders.get(folderKey);
    if (!state || this.disposed) return;
    state.fileIndex = new FileIndex(state.files, folderRoot(state.folder.uri));
    const rebuilt = [...this.reportMap.values()]
      .filter((r) => r.folder.uri.toString() === folderKey)
      .map((r) => this.buildReport(state, r.uri, r.relPath, { title: r.title, findings: r.findings.map((f) => f.finding) }, r.version));
    this.publish(this.replaceReports(rebuilt, []));
  }
}

/** A report opened while its file was being read: its buffer is newer than what was read. */
function preferBuffer(uri: vscode.Uri, read: ReportText | ReportSkipped | undefined): ReportText | ReportSkipped | undefined {
  const doc = openDocument(uri);
  return doc ? { text: doc.getText(), version: doc.version } : read;
}

/** Why a report the reader threw on is listed as skipped. */
function readerFailed(reason: string): string {
  return `Skipped: the reader failed on it (${reason}).`;
}

/** A change that touches no file's diagnostics, only what the tree shows (readiness, skipped reports). */
function treeOnly(): IndexChange {
  return { reports: [], files: [], relinked: [], findingsChanged: true };
}
