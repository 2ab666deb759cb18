import * as vscode from 'vscode';
import type { TrackedLocation } from '../../core';
import type { FindingIndex } from '../findingIndex';
import type { IndexedFinding, IndexedReport } from '../indexModel';
import { fnv1a } from '../fnv1a';
import { isSkipped, oneLine, openDocument, readReport } from '../readReport';
import { KeyedThrottle } from '../throttle';
import { relativePath } from '../uris';
import { locationKey, NoBaseMapper, unmapped, type BaseMapper } from './baseMapper';
import { diskToBufferChanges } from './diskDiff';
import { effectiveFollowCode, type FollowCode } from './followCode';
import { lineChangeOf, shiftThrough, type LineChange, type LiveRange } from './liveShift';
import { liveStart, withLive } from './withLive';

/** One location of a finding as every surface shows it: the file it is in now and its lines there. */
export interface LiveLocation {
  /** Its place in the finding's list of locations. */
  index: number;
  /** The file it points to now (after a rename); undefined when it names no file. */
  uri: vscode.Uri | undefined;
  tracked: TrackedLocation;
}

/** Whether a location covers a 1-based line as it stands now; a whole-file location covers line 1. */
export function coversLine(l: LiveLocation, line: number): boolean {
  const c = l.tracked.current;
  return c === null ? line === 1 : line >= c.startLine && line <= c.endLine;
}

/** The editor's edits to one document since the text its findings' lines are relative to. */
interface DocEdits {
  changes: LineChange[];
  /** How many of `changes` are saved: closing without saving drops the rest. */
  saved: number;
  /** Bumped whenever `changes` is cut back, so that cached ranges are recomputed. */
  epoch: number;
  /**
   * Why the edits cannot be followed (the unsaved changes of a file opened with them could not
   * be compared with the file in time, or too many edits were logged): lines as mapped, state
   * unknown, with this note. False when they can.
   */
  capped: string | false;
  /** The fingerprint of the text as last saved. */
  savedPrint?: string;
}

interface LiveCache {
  base: TrackedLocation;
  epoch: number;
  applied: number;
  range: LiveRange;
}

/** Edits logged per document before the oldest are given up (and its findings show `unknown`). */
const MAX_LOGGED_CHANGES = 50_000;
const TOO_MANY_EDITS = 'too many edits since the file was opened to follow them; save and reopen it';
/** Edits are announced to the surfaces at most this often per file while the user types. */
const EDIT_NOTIFY_MS = 50;
/** A saved code file is mapped again (git) after this quiet time. */
const SAVE_REMAP_MS = 300;

/**
 * The one tracker every surface reads (issue #10): per finding location, where it is now.
 * Three maps composed: base → disk (a `BaseMapper`: git, or none), disk → buffer (an in-process
 * diff of a file opened with unsaved changes) and buffer → live (the editor's change events).
 * Live ranges are computed lazily: an edit event only logs the change, and a surface that reads
 * a location applies the changes it has not seen yet.
 */
export class LocationTracker implements vscode.Disposable {
  /** Per report (its key), its locations' mappings by `locationKey`: a report's are replaced at once. */
  private readonly mapped = new Map<string, Map<string, TrackedLocation>>();
  private readonly docs = new Map<string, DocEdits>();
  /**
   * A fingerprint of the text each open file's log starts from (its file when opened): a save
   * of that same text again (edits typed and taken back by hand, a paste of the whole file)
   * leaves no edit to carry.
   */
  private readonly anchors = new Map<string, string>();
  private readonly live = new Map<string, LiveCache>();
  /** Per file, the findings with a location there now, by report: a report's change touches only its own. */
  private readonly byFile = new Map<string, Map<string, IndexedFinding[]>>();
  /** The files each report has findings in (its entries in `byFile`). */
  private readonly filesOf = new Map<string, Set<string>>();
  /** `findingsInFile`'s answers, until the file's findings change. */
  private readonly flat = new Map<string, readonly IndexedFinding[]>();
  private readonly running = new Map<string, AbortController>();
  /** `auditLens.followCode` per folder, as it applies (trust included); cleared when either changes. */
  private readonly modes = new Map<string, FollowCode>();
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** Files whose findings' places or states changed. */
  readonly onDidChange = this.emitter.event;
  private readonly notify: KeyedThrottle<string>;
  private readonly remapSaved: KeyedThrottle<string>;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** The one `remapAll` of this turn, while it has not started. */
  private remapAllQueued: Promise<void> | undefined;

  /**
   * @param gitMapper the base → disk mapper that runs git; none where git is not wired (in
   * Restricted Mode, say: then `git` mode maps nothing, as `edits` does).
   */
  constructor(
    private readonly index: FindingIndex,
    private readonly log: vscode.LogOutputChannel,
    private gitMapper: BaseMapper | undefined = undefined,
  ) {
    this.notify = new KeyedThrottle(EDIT_NOTIFY_MS, (key) => this.fire([vscode.Uri.parse(key)]));
    this.remapSaved = new KeyedThrottle(SAVE_REMAP_MS, (key) => this.remapFile(key));
    this.disposables.push(
      this.emitter,
      this.notify,
      this.remapSaved,
      // Registered before the surfaces' own listeners (the tracker is built first), so that
      // they read the new places when the index changes.
      index.onDidChange((change) => {
        for (const uri of change.reports) {
          const report = index.report(uri);
          if (report) {
            this.placeFindings(report.key, report.findings);
            void this.remap(report);
          } else {
            this.forget(uri.toString());
          }
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidOpenTextDocument((doc) => void this.opened(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('auditLens.followCode')) return;
        this.modes.clear();
        void this.remapAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.modes.clear();
        void this.remapAll();
      }),
    );
    for (const doc of vscode.workspace.textDocuments) void this.opened(doc);
    for (const r of index.reports()) {
      this.placeFindings(r.key, r.findings);
      void this.remap(r);
    }
  }

  /** Hands in the git mapper (or takes it away: Restricted Mode, `followCode`) and maps everything again. */
  setGitMapper(mapper: BaseMapper | undefined): Promise<void> {
    this.gitMapper = mapper;
    return this.remapAll();
  }

  /** Every location of a finding, where it is now. */
  locations(f: IndexedFinding): LiveLocation[] {
    const mode = this.modeOf(f.report.folder.uri);
    return f.locations.map((l, i) => {
      const key = locationKey(f.key, i);
      const fallback = unmapped(l.ref, l.uri ? (relativePath(f.report.folder.uri, l.uri) ?? null) : null);
      const kept = mode === 'off' ? undefined : this.mapped.get(f.report.key)?.get(key);
      // A mapping of the same written place stands until the next one arrives.
      const base = kept && sameWritten(kept.written, fallback.written) ? kept : fallback;
      const uri = base.resolved === fallback.resolved || base.resolved === null ? l.uri : vscode.Uri.joinPath(f.report.folder.uri, base.resolved);
      const tracked = mode === 'off' || !uri ? base : this.withEdits(key, base, uri);
      return { index: i, uri, tracked };
    });
  }

  /** The locations of a finding that are in this file's code now (not gone). */
  locationsIn(f: IndexedFinding, uri: vscode.Uri): LiveLocation[] {
    const key = uri.toString();
    return this.locations(f).filter((l) => l.uri?.toString() === key && l.tracked.drift.state !== 'gone');
  }

  /** The findings with a location in this file now (after renames). */
  findingsInFile(uri: vscode.Uri): readonly IndexedFinding[] {
    const key = uri.toString();
    let list = this.flat.get(key);
    if (list === undefined) {
      const byReport = this.byFile.get(key);
      list = byReport ? [...byReport.values()].flat() : [];
      if (byReport) this.flat.set(key, list);
    }
    return list;
  }

  /** Whether the document's unsaved edits are part of what the tracker shows (it is open and dirty). */
  isDirty(uri: vscode.Uri): boolean {
    return openDocument(uri)?.isDirty === true;
  }

  dispose(): void {
    this.disposed = true;
    for (const c of this.running.values()) c.abort();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private modeOf(folder: vscode.Uri): FollowCode {
    const key = folder.toString();
    let mode = this.modes.get(key);
    if (mode === undefined) this.modes.set(key, (mode = effectiveFollowCode(folder)));
    return mode;
  }

  private withEdits(key: string, base: TrackedLocation, uri: vscode.Uri): TrackedLocation {
    const doc = this.docs.get(uri.toString());
    if (!doc || base.current === null) return base;
    if (doc.capped) return { ...base, drift: { ...base.drift, state: 'unknown', note: doc.capped } };
    let cache = this.live.get(key);
    if (!cache || cache.base !== base || cache.epoch !== doc.epoch || cache.applied > doc.changes.length) {
      cache = { base, epoch: doc.epoch, applied: 0, range: liveStart(base)! };
    }
    if (cache.applied < doc.changes.length) {
      cache.range = shiftThrough(cache.range, doc.changes, cache.applied);
      cache.applied = doc.changes.length;
    }
    this.live.set(key, cache);
    return withLive(base, cache.range);
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || e.document.uri.scheme !== 'file') return;
    const key = e.document.uri.toString();
    let doc = this.docs.get(key);
    if (!doc) this.docs.set(key, (doc = { changes: [], saved: 0, epoch: 0, capped: false }));
    // Undo or redo back to a text already seen (the file as opened, or as last saved): the edits
    // since then are gone. The text says so, not `isDirty`, which the extension host may learn
    // of only after the change event.
    const back = e.reason !== undefined ? this.knownText(key, doc, e.document.getText()) : undefined;
    if (back !== undefined) {
      this.cutBack(doc, back);
      doc.saved = Math.min(doc.saved, back);
    } else {
      const single = e.contentChanges.length === 1;
      for (const c of e.contentChanges) {
        doc.changes.push(lineChangeOf(lineOf(c.range.start), lineOf(c.range.end), c.text, single && atLineEnd(e.document, c)));
      }
      if (doc.changes.length > MAX_LOGGED_CHANGES) doc.capped = TOO_MANY_EDITS;
    }
    if (this.byFile.has(key)) this.notify.schedule(key);
  }

  /** How many logged changes make up this text when it is the anchor (0) or the saved text; else undefined. */
  private knownText(key: string, doc: DocEdits, text: string): number | undefined {
    const print = fingerprint(text);
    if (this.anchors.get(key) === print) return 0;
    return doc.savedPrint === print ? doc.saved : undefined;
  }

  private saved(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const edits = this.docs.get(key);
    const print = fingerprint(doc.getText());
    if (edits && this.anchors.get(key) === print) {
      // Saved back to the text the log starts from: no edit to carry.
      this.cutBack(edits, 0);
      edits.saved = 0;
      if (this.byFile.has(key)) this.fire([doc.uri]);
    } else if (edits) {
      edits.saved = edits.changes.length;
      edits.savedPrint = print;
    }
    // With git the saved file is mapped again from its new text on disk; a saved report, its locations.
    if (this.byFile.has(key) && this.gitMapper) this.remapSaved.schedule(key);
    const report = this.gitMapper ? this.index.report(doc.uri) : undefined;
    if (report) void this.remap(report, true);
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const edits = this.docs.get(key);
    if (!edits || edits.saved === 0) this.anchors.delete(key);
    if (!edits) return;
    // Closed without saving: what counts again is the file.
    if (edits.saved === 0) this.docs.delete(key);
    else this.cutBack(edits, edits.saved);
    this.live.clear();
    if (this.byFile.has(key)) this.fire([doc.uri]);
  }

  /** A document that opens with unsaved changes is compared with its file. */
  private async opened(doc: vscode.TextDocument): Promise<void> {
    if (doc.uri.scheme !== 'file') return;
    if (!doc.isDirty && !this.docs.has(doc.uri.toString())) this.anchors.set(doc.uri.toString(), fingerprint(doc.getText()));
    if (!doc.isDirty || this.docs.has(doc.uri.toString())) return;
    let disk: string;
    try {
      disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
    } catch {
      return; // a new file: nothing on disk to compare with
    }
    if (this.disposed || doc.isClosed) return;
    // The diff is of the text now: edits logged while the file was read are part of it.
    const changes = diskToBufferChanges(disk, doc.getText());
    const key = doc.uri.toString();
    this.anchors.set(key, fingerprint(disk));
    this.docs.set(key, { changes: changes ?? [], saved: 0, epoch: (this.docs.get(key)?.epoch ?? 0) + 1, capped: changes === undefined ? 'its unsaved changes were too large to compare with the file in time' : false });
    if (changes === undefined) this.log.info(`${vscode.workspace.asRelativePath(doc.uri)}: its unsaved changes were too large to compare with the file in time; findings there show their mapped lines.`);
    if (this.byFile.has(key)) this.fire([doc.uri]);
  }

  private cutBack(doc: DocEdits, length: number): void {
    doc.changes.length = length;
    doc.epoch++;
    if (doc.capped === TOO_MANY_EDITS && doc.changes.length <= MAX_LOGGED_CHANGES) doc.capped = false;
  }

  /**
   * Maps every report again, once for all the calls made in one turn: granting trust or changing
   * `followCode` reaches both this tracker's listener and the git switch (which hands in a new
   * mapper), and the reports are mapped once, by the mapper in place after both.
   */
  private remapAll(): Promise<void> {
    return (this.remapAllQueued ??= Promise.resolve().then(() => {
      this.remapAllQueued = undefined;
      return Promise.all(this.index.reports().map((r) => this.remap(r))).then(() => undefined);
    }));
  }

  private remapFile(key: string): void {
    for (const r of this.byFile.get(key)?.keys() ?? []) {
      const report = this.index.report(vscode.Uri.parse(r));
      if (report) void this.remap(report);
    }
  }

  /**
   * Maps a report's locations from its base to the disk; the surfaces show the written lines until
   * it answers. `saved`: the report was just saved, so git is asked even if nothing it cites changed.
   */
  private async remap(report: IndexedReport, saved = false): Promise<void> {
    const mode = this.modeOf(report.folder.uri);
    const mapper: BaseMapper =
      mode === 'git' && this.gitMapper
        ? this.gitMapper
        : new NoBaseMapper(readsGit(report.folder.uri) && !vscode.workspace.isTrusted ? 'git is off in Restricted Mode' : undefined);
    const locations = report.findings.flatMap((f) =>
      f.locations.map((l, i) => ({ key: locationKey(f.key, i), ref: l.ref, resolved: l.uri ? (relativePath(report.folder.uri, l.uri) ?? null) : null })),
    );
    // Typing in a report re-reads it at every pause. While its buffer is unsaved and every location
    // is written as when git last mapped it, git would answer the same: it is asked again on save.
    // A mapping under way (a save's) goes on.
    if (!saved && mapper.usesGit && this.isDirty(report.uri) && this.mappedAsWritten(report.key, locations)) return;
    this.running.get(report.key)?.abort();
    const abort = new AbortController();
    this.running.set(report.key, abort);
    let result: ReadonlyMap<string, TrackedLocation>;
    try {
      const findings = report.findings.map((f) => ({ reportRange: f.finding.reportRange, keys: f.locations.map((_l, i) => locationKey(f.key, i)) }));
      result = await mapper.map({ root: report.folder.uri.fsPath, reportPath: report.relPath, locations, findings, text: () => reportText(report.uri) }, abort.signal);
    } catch (error) {
      if (!abort.signal.aborted) this.log.error(`${report.relPath}: its locations could not be mapped to the code (${oneLine(error)}); they show their written lines.`);
      return;
    } finally {
      if (this.running.get(report.key) === abort) this.running.delete(report.key);
    }
    if (abort.signal.aborted || this.disposed || this.index.report(report.uri) !== report) return;
    // The files announced: where the locations were said to be, where they are now, and the
    // report itself (its drift and missing-file diagnostics).
    const touched = new Set<string>([report.key]);
    for (const f of report.findings) for (const l of this.locations(f)) if (l.uri) touched.add(l.uri.toString());
    // Only files whose findings' places or states differ are announced: a report re-read on
    // every keystroke must not republish every file it points to.
    const before = this.mapped.get(report.key) ?? new Map<string, TrackedLocation>();
    let differs = before.size !== result.size;
    for (const [key, t] of result) {
      if (differs) break;
      const was = before.get(key);
      differs = was === undefined || JSON.stringify(was) !== JSON.stringify(t);
    }
    this.mapped.set(report.key, new Map(result));
    if (mapper.usesGit) {
      // Git read the files as saved: the saved edits are in its answer, the unsaved ones stay on top.
      for (const l of locations) {
        const t = result.get(l.key);
        const file = t?.resolved ? vscode.Uri.joinPath(report.folder.uri, t.resolved).toString() : undefined;
        const doc = file ? this.docs.get(file) : undefined;
        if (doc && doc.saved > 0) {
          doc.changes.splice(0, doc.saved);
          doc.saved = 0;
          doc.epoch++;
          // The log now starts from the saved text, which is not at hand here.
          if (file) this.anchors.delete(file);
        }
      }
    }
    if (!differs && !mapper.usesGit) return;
    this.placeFindings(report.key, report.findings);
    for (const f of report.findings) for (const l of this.locations(f)) if (l.uri) touched.add(l.uri.toString());
    this.fire([...touched].map((k) => vscode.Uri.parse(k)));
  }

  /** Whether each location has a mapping of the place it is written at now. */
  private mappedAsWritten(reportKey: string, locations: ReadonlyArray<{ key: string; ref: TrackedLocation['written'] }>): boolean {
    const mapped = this.mapped.get(reportKey);
    return mapped !== undefined && locations.every((l) => {
      const t = mapped.get(l.key);
      return t !== undefined && sameWritten(t.written, l.ref);
    });
  }

  private forget(reportKey: string): void {
    this.running.get(reportKey)?.abort();
    this.mapped.delete(reportKey);
    this.placeFindings(reportKey, []);
  }

  /**
   * Files a report's findings are in now, replacing what it had: the cost is the report's own
   * findings, not the workspace's, so that indexing 1,000 reports one after another stays linear.
   */
  private placeFindings(reportKey: string, findings: readonly IndexedFinding[]): void {
    const now = new Map<string, IndexedFinding[]>();
    for (const f of findings) {
      const seen = new Set<string>();
      for (const l of this.locations(f)) {
        const key = l.uri?.toString();
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const list = now.get(key);
        if (list) list.push(f);
        else now.set(key, [f]);
      }
    }
    for (const file of this.filesOf.get(reportKey) ?? []) {
      if (now.has(file)) continue;
      const byReport = this.byFile.get(file);
      byReport?.delete(reportKey);
      if (byReport?.size === 0) this.byFile.delete(file);
      this.flat.delete(file);
    }
    for (const [file, list] of now) {
      let byReport = this.byFile.get(file);
      if (!byReport) this.byFile.set(file, (byReport = new Map()));
      // Replaced in place: a report keeps its turn in the file's list.
      byReport.set(reportKey, list);
      this.flat.delete(file);
    }
    if (now.size > 0) this.filesOf.set(reportKey, new Set(now.keys()));
    else this.filesOf.delete(reportKey);
  }

  private fire(files: readonly vscode.Uri[]): void {
    if (!this.disposed && files.length > 0) this.emitter.fire(files);
  }
}

/** The report's text as the index reads it (`readReport`: its open buffer, else the file, with the same checks). */
async function reportText(uri: vscode.Uri): Promise<string> {
  const read = await readReport(uri);
  if (read === undefined) throw new Error('the report is gone');
  if (isSkipped(read)) throw new Error(read.skipped);
  return read.text;
}

/** Length and FNV-1a of a text: enough to tell a file saved back to what it was. */
function fingerprint(text: string): string {
  return `${text.length}:${fnv1a(text).toString(16)}`;
}

/** The same place as written: path and lines. */
function sameWritten(a: TrackedLocation['written'], b: TrackedLocation['written']): boolean {
  return a.path === b.path && a.startLine === b.startLine && a.endLine === b.endLine;
}

function readsGit(folder: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('auditLens', folder).get<unknown>('followCode', 'git') === 'git';
}

/** A VS Code position as the pure tracking code counts: 1-based line, 0-based column. */
function lineOf(p: vscode.Position): { line: number; character: number } {
  return { line: p.line + 1, character: p.character };
}

/**
 * Whether a pure insertion sat at the end of its line, read from the text after it: the old
 * line's rest follows the inserted text's last line, so it was empty when that line is all
 * there is.
 */
function atLineEnd(doc: vscode.TextDocument, c: vscode.TextDocumentContentChangeEvent): boolean {
  if (!c.range.isEmpty) return false;
  const parts = c.text.split(/\r\n|\r|\n/);
  const lastLine = c.range.start.line + parts.length - 1;
  if (lastLine >= doc.lineCount) return false;
  const last = parts[parts.length - 1];
  const expected = parts.length === 1 ? c.range.start.character + last.length : last.length;
  return doc.lineAt(lastLine).text.length === expected;
}
