import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  chooseBase, FileIndex, lineIndex, readWrittenPath, indexAddedLines, locationText, mapLocation, parseRawDiff, parseReportLog, revisionMentions,
  type BaseChoice, type BaseDiff, type FileDelta, type Finding, type LocationRef, type LocationText, type ReportHistory, type TrackedLocation,
} from '../../core';
import { CatFileBatch } from './catFileBatch';
import { diffPaths, dirtyStamp, filesAt, filesExistAt, headOf, renamesSince, reportLog, resolveCommits, treeFiles, type GitFolder } from './gitQueries';
import type { GitOptions } from './runGit';

/** A report to track: its root-relative path, its current text, and its findings as read. */
export interface DriftReport {
  path: string;
  text: string;
  findings: ReadonlyArray<Pick<Finding, 'reportRange'> & { locations: readonly LocationRef[] }>;
}

/** Per report, per finding, per location (same order as the input): where it is now. */
export type DriftResult = TrackedLocation[][][];

/** Also exposed per location for the report side (diagnostics, "Update line numbers"). */
export interface DriftDetail {
  tracked: TrackedLocation;
  /** Where the location is written in the report; null when its text was not found. */
  text: LocationText | null;
}

/** Resolves a written path in the working tree (the caller's own file index). */
export type ResolveNow = (writtenPath: string, reportPath: string) => string | null;

/**
 * Maps every location of the given reports from the revision it was written against to the
 * working tree (issue #10). The CLI and the extension both call this. git runs in a batch: one
 * long-lived `cat-file --batch` per call answers HEAD, every commit the reports name, the
 * reports' committed text and whether each cited path is a file of its base; beside it, one
 * history walk over all reports that need it, and per base revision one `git diff` (plus a
 * rename search and a diff of the renamed pairs only when a cited file is gone, and an
 * `ls-tree` only for a written path that is not a file of the base as written). Results of a
 * base are cached under (base, HEAD, uncommitted state), so a second call with nothing changed
 * runs only the cheap checks. No `vscode` here: the extension owns one tracker per workspace
 * folder and never calls it in Restricted Mode.
 */
export class DriftTracker {
  private readonly trees = new Map<string, FileIndex | null>();
  private readonly diffs = new Map<string, BaseDiff | { error: string }>();
  private readonly commits = new Map<string, string | null>();
  /** (base, report, written path) → the path at the base; commits are immutable, so kept for good. */
  private readonly atBase = new Map<string, string | null>();
  private history: { key: string; value: ReportHistory; committed: Map<string, string | null> } | null = null;

  private readonly cache: boolean;

  /** `cache: false` for a single run (the CLI): nothing is kept, and the uncommitted state is not stamped. */
  constructor(private readonly root: string, private readonly options: GitOptions & { cache?: boolean } = {}) {
    this.cache = options.cache ?? true;
  }

  /** `track`, with where each location is written in its report. */
  async trackDetailed(reports: readonly DriftReport[], resolveNow: ResolveNow): Promise<DriftDetail[][][]> {
    // Started first, so git starts up while the reports are read below.
    const cat = new CatFileBatch(this.root, this.options);
    try {
      return await this.trackWith(cat, reports, resolveNow);
    } finally {
      cat.close();
    }
  }

  private async trackWith(cat: CatFileBatch, reports: readonly DriftReport[], resolveWritten: ResolveNow): Promise<DriftDetail[][][]> {
    const asked = headOf(cat);
    // Each written path is resolved once per call, though it is asked for at several steps
    // (a caller's resolver may normalize and search; in the bench that was 1/4 of the JS time).
    const resolveNow = perWrittenPath(resolveWritten);
    const formsOf = perWrittenPath((written, report) => readWrittenPath(written, report, this.root).exact);
    const unknown = (note: string): DriftDetail[][][] =>
      reports.map((r) => r.findings.map((f) => f.locations.map((l) => ({ text: null, tracked: asWritten(l, resolveNow(l.path, r.path), note) }))));
    // 1. The review commits each report names, then which reports need their history, so that
    // the history walk (the longest git call but one) starts before the locations' texts are
    // searched for (the longest JavaScript step before git answers). A report with no `/blob/`
    // link has no permalink to place a location, so it needs no text search to know.
    const folder: GitFolder = { cwd: this.root, prefix: '', options: this.options };
    const lines = reports.map((r) => r.text.split('\n'));
    const reviews = reports.map((r) => [...new Set(revisionMentions(r.text, r.findings).filter((m) => m.kind === 'review').map((m) => m.rev))]);
    const texts: Array<Array<Array<LocationText | null>> | undefined> = reports.map(() => undefined);
    const textsOf = (i: number): Array<Array<LocationText | null>> =>
      (texts[i] ??= reports[i].findings.map((f) => f.locations.map((l) => locationText(lines[i], f, l))));
    // History only for reports with a location that neither a permalink nor a named commit places.
    const needHistory = reports
      .filter((r, i) => reviews[i].length === 0 && r.findings.some((f) => f.locations.length > 0) && (!/\/blob\//i.test(r.text) || textsOf(i).flat().some((t) => t?.pinnedRev === undefined)))
      .map((r) => r.path);
    const fresh = this.history === null && needHistory.length > 0 ? this.readHistory(folder, cat, needHistory) : Promise.resolve(null);
    // A tracker that keeps no cache (the CLI's one run) needs no stamp of the uncommitted state.
    const stamped = this.cache ? this.stampOf(folder) : Promise.resolve('');
    const plans = reports.map((r, i) => ({ r, lines: lineIndex(lines[i]), reviews: reviews[i], texts: textsOf(i) }));
    const candidates = new Set<string>();
    for (const p of plans) {
      p.reviews.forEach((rev) => candidates.add(rev));
      p.texts.flat().forEach((t) => t?.pinnedRev !== undefined && candidates.add(t.pinnedRev));
    }
    // Missing commits are asked about again on every run: a fetch may have brought them.
    const unchecked = [...candidates].filter((c) => !this.commits.has(c) || this.commits.get(c) === null);

    // 2. The repository, the named commits, the reports' history and the uncommitted state, all
    // at once: every path is relative to the root, so none of them waits for the repository's
    // answer. Their answers are used only when the root is in a repository.
    const checking = resolveCommits(cat, unchecked);
    // While git works: resolve every written path now, and the paths it can name at a base.
    for (const r of reports) {
      for (const f of r.findings) {
        for (const l of f.locations) {
          formsOf(l.path, r.path);
          resolveNow(l.path, r.path);
        }
      }
    }
    const [opened, checked] = await Promise.all([asked, checking]);
    // Awaited even when unused, so no git call is left running behind the result.
    const [read, stamp0] = await Promise.all([fresh, stamped]);
    if ('error' in opened) return unknown(`no git history: ${opened.error}; line numbers are as written`);
    const head = opened.head;
    for (const [rev, full] of checked) this.commits.set(rev, full);
    const { history, committed } = head === null ? { history: new Map() as ReportHistory, committed: new Map<string, string | null>() } : read ?? (await this.historyOf(folder, cat, head, needHistory));
    if (read && head !== null && this.cache) this.history = { key: historyKey(head, needHistory), value: read.history, committed: read.committed };

    // 3. A base per location.
    const choices = plans.map((p) => {
      const committedText = committed.get(p.r.path) ?? null;
      const facts = { commits: this.commits, history: history.get(p.r.path) ?? [], committedText, ...(committedText !== null ? { committed: lineIndex(committedText) } : {}) };
      return p.texts.map((texts) => texts.map((t): BaseChoice => chooseBase(t, p.reviews, p.lines, facts)));
    });

    // 4. One diff per base, for the files cited against it.
    const stamp = head === null ? '' : stamp0;
    const byBase = new Map<string, Array<{ path: string; report: string }>>();
    plans.forEach((p, i) => choices[i].forEach((cs, f) => cs.forEach((c, l) => {
      if (c.base === null) return;
      const list = byBase.get(c.base) ?? [];
      list.push({ path: p.r.findings[f].locations[l].path, report: p.r.path });
      byBase.set(c.base, list);
    })));
    const pathAt = new Map<string, Map<string, string | null>>();
    const diffs = new Map<string, BaseDiff | { error: string }>();
    await inPool([...byBase.entries()], 2, async ([base, cited]) => {
      // Three questions at once: where each cited path is at the base, a diff of the cited files under their
      // paths now (right unless renamed or deleted), and, only when some cited path is not
      // there now, the renames since the base.
      // The diff's pathspec: each cited path as it resolves now, and the exact candidates tried
      // before that one (not files now): should one of them show as deleted since the base, the
      // path was another file then (see pathsAt).
      const guesses = [...new Set(cited.flatMap((c) => {
        const now = resolveNow(c.path, c.report);
        if (now === null) return [];
        const forms = formsOf(c.path, c.report);
        const k = forms.indexOf(now);
        return k > 0 ? [...forms.slice(0, k), now] : [now];
      }))].sort();
      const someMissing = cited.some((c) => resolveNow(c.path, c.report) === null);
      // The cache's key lists every cited path: built only by a tracker that keeps a cache.
      const key = this.cache ? `${base}\0${head}\0${stamp}\0${cited.map((c) => `${c.report}\0${c.path}`).sort().join('\0')}` : '';
      const cachedDiff = this.diffs.get(key);
      // The diffs start first: the paths at the base are a quick question to `cat-file`.
      const firstDiff = cachedDiff || guesses.length === 0 ? null : diffPaths(folder, base, guesses);
      const [first, renames, resolved] = await Promise.all([
        firstDiff ?? Promise.resolve([]),
        cachedDiff || !someMissing ? Promise.resolve([]) : renamesSince(folder, base),
        this.pathsAt(cat, folder, base, cited, { formsOf, nowOf: resolveNow, firstDiff }),
      ]);
      pathAt.set(base, resolved);
      if (cachedDiff) {
        diffs.set(base, cachedDiff);
        return;
      }
      if ('error' in first) {
        diffs.set(base, first);
        return;
      }
      // The renamed pairs come with their hunks; a second diff only for cited paths that neither
      // answer covers (their path at the base differs from now, and they were not renamed).
      const atBase = new Set([...resolved.values()].filter((v): v is string => v !== null));
      const pairs = renames.filter((d) => d.status === 'R' && atBase.has(d.oldPath));
      const covered = new Set([...guesses, ...pairs.map((d) => d.oldPath)]);
      const rest = [...atBase].filter((p) => !covered.has(p)).sort();
      const second = rest.length === 0 ? [] : await diffPaths(folder, base, rest);
      if ('error' in second) {
        diffs.set(base, second);
        return;
      }
      const deltas = new Map<string, FileDelta>();
      const all: FileDelta[] = [];
      const seen = new Set<string>();
      for (const d of [...first, ...second, ...pairs]) {
        if (d.status === 'A' && !atBase.has(d.oldPath)) continue;
        // A pair both answers hold (its two paths were in the first pathspec) is counted once.
        const id = `${d.status}\0${d.oldPath}\0${d.newPath}`;
        if (seen.has(id)) continue;
        seen.add(id);
        // A rename found over the whole tree replaces the deletion the path-limited diff saw.
        if (deltas.get(d.oldPath)?.status === 'R' && d.status === 'D') continue;
        deltas.set(d.oldPath, d);
        all.push(d);
      }
      const diff: BaseDiff = { base, deltas, all, added: indexAddedLines(all) };
      if (this.cache) this.diffs.set(key, diff);
      diffs.set(base, diff);
    });

    // 5. Map.
    return plans.map((p, i) =>
      p.r.findings.map((f, fi) =>
        f.locations.map((loc, li) => {
          const choice = choices[i][fi][li];
          const now = resolveNow(loc.path, p.r.path);
          const text = p.texts[fi][li];
          if (choice.base === null) return { text, tracked: mapLocation(loc, choice, null, now, null) };
          const diff = diffs.get(choice.base);
          if (!diff || 'error' in diff) return { text, tracked: mapLocation(loc, { ...choice, base: choice.base, note: `git diff failed: ${diff?.error ?? 'no answer'}` }, null, now, null) };
          return { text, tracked: mapLocation(loc, choice, pathAt.get(choice.base)?.get(`${p.r.path}\0${loc.path}`) ?? null, now, diff) };
        }),
      ),
    );
  }

  /** Every location of the reports, mapped (see the class comment). */
  async track(reports: readonly DriftReport[], resolveNow: ResolveNow): Promise<DriftResult> {
    return (await this.trackDetailed(reports, resolveNow)).map((r) => r.map((f) => f.map((l) => l.tracked)));
  }

  private async historyOf(folder: GitFolder, cat: CatFileBatch, head: string, reports: readonly string[]): Promise<{ history: ReportHistory; committed: Map<string, string | null> }> {
    const key = historyKey(head, reports);
    if (this.history?.key === key) return { history: this.history.value, committed: this.history.committed };
    if (reports.length === 0) return { history: new Map(), committed: new Map() };
    const read = await this.readHistory(folder, cat, reports);
    if (this.cache) this.history = { key, value: read.history, committed: read.committed };
    return read;
  }

  /** One walk over the reports' history and their text at HEAD, side by side. */
  private async readHistory(folder: GitFolder, cat: CatFileBatch, reports: readonly string[]): Promise<{ history: ReportHistory; committed: Map<string, string | null> }> {
    const [log, committed] = await Promise.all([reportLog(folder, reports), filesAt(cat, 'HEAD', reports)]);
    return { history: log === null ? new Map() : parseReportLog(log, reports), committed };
  }

  /**
   * Each cited path (by report and path as written) resolved among the files of `base`, as a
   * `FileIndex` of the base's tree would resolve it: that index tries the exact candidates
   * (`readWrittenPath`: against the report's folder, then each folder above it, nearest first),
   * then a unique suffix. A written path that resolves now to one of its candidates has that
   * file as its answer when the first diff (whose pathspec holds it and every candidate tried
   * before it, none of them files now) shows neither that file added since the base nor an
   * earlier candidate deleted or renamed since. Otherwise the candidates are asked of `cat-file`
   * and the first one present wins; the tree is listed only for a path that needs the suffix
   * search. Commits never change, so answers are kept for good.
   */
  private async pathsAt(
    cat: CatFileBatch,
    folder: GitFolder,
    base: string,
    cited: ReadonlyArray<{ path: string; report: string }>,
    ways: {
      formsOf: (written: string, report: string) => string[];
      nowOf: ResolveNow;
      /** The first diff from `base`, over every path a written path resolves to now and the candidates tried before it; null when it did not run. */
      firstDiff: Promise<readonly FileDelta[] | { error: string }> | null;
    },
  ): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const open = new Map<string, { path: string; report: string; forms: string[]; now: number; sameNow: boolean }>();
    for (const c of cited) {
      const key = `${c.report}\0${c.path}`;
      const known = this.atBase.get(`${base}\0${key}`);
      if (known !== undefined) {
        out.set(key, known);
        continue;
      }
      const forms = ways.formsOf(c.path, c.report);
      const now = forms.indexOf(ways.nowOf(c.path, c.report) ?? '');
      open.set(key, { ...c, forms, now, sameNow: ways.firstDiff !== null && now >= 0 });
    }
    const ask = async (list: Iterable<{ forms: string[] }>): Promise<Set<string> | null> =>
      filesExistAt(cat, base, [...new Set([...list].flatMap((f) => f.forms))]);
    const [present, first] = await Promise.all([ask([...open.values()].filter((f) => !f.sameNow)), ways.firstDiff]);
    const diff = first === null || 'error' in first ? null : first;
    const added = new Set(diff?.filter((d) => d.status === 'A').map((d) => d.newPath));
    const left = new Set(diff?.filter((d) => d.status === 'D' || d.status === 'R').map((d) => d.oldPath));
    // Unsure: the file it is now was added since the base, or a candidate tried before it was a
    // file then (deleted or renamed since): git is asked which candidates the base holds.
    const unsure = new Set([...open.values()].filter((f) => f.sameNow && (diff === null || added.has(f.forms[f.now]) || f.forms.slice(0, f.now).some((p) => left.has(p)))));
    const presentLate = unsure.size > 0 ? await ask(unsure) : null;
    for (const [key, f] of open) {
      const known = unsure.has(f) ? presentLate : present;
      const direct = f.sameNow && !unsure.has(f) ? f.forms[f.now] : known === null ? undefined : f.forms.find((p) => known.has(p));
      const found = direct ?? (await this.treeOf(folder, base))?.resolve(f.path, f.report) ?? null;
      out.set(key, found);
      if (this.cache) this.atBase.set(`${base}\0${key}`, found);
    }
    return out;
  }

  private async treeOf(folder: GitFolder, base: string): Promise<FileIndex | null> {
    if (!this.trees.has(base)) {
      const files = await treeFiles(folder, base);
      this.trees.set(base, files === null ? null : new FileIndex(files, this.root));
    }
    return this.trees.get(base) ?? null;
  }

  /** The uncommitted state: git's list of changed files plus each one's size and time on disk (a second edit to a changed file changes the stamp too). */
  private async stampOf(folder: GitFolder): Promise<string> {
    const raw = await dirtyStamp(folder);
    const files = parseRawDiff(raw).map((d) => d.newPath);
    const stats = await Promise.all(files.map((f) => fs.stat(join(this.root, f)).then((s) => `${s.size}:${s.mtimeMs}`, () => '-')));
    return raw + stats.join(',');
  }
}

function historyKey(head: string, reports: readonly string[]): string {
  return `${head}\0${[...reports].sort().join('\0')}`;
}

/** A location shown as written, with the reason (mapping off, no git). */
export function asWritten(l: LocationRef, resolved: string | null, note: string | undefined): TrackedLocation {
  return {
    written: l,
    resolved,
    current: l.startLine === null ? null : { startLine: l.startLine, endLine: l.endLine ?? l.startLine },
    drift: { state: 'unknown', base: null, baseSource: 'none', ...(note ? { note } : {}) },
  };
}

/** `fn` of (written path, report), computed once per pair. */
function perWrittenPath<T>(fn: (written: string, report: string) => T): (written: string, report: string) => T {
  // A map per report: no key is built by concatenation on each of the many lookups.
  const byReport = new Map<string, Map<string, T>>();
  return (written, report) => {
    let known = byReport.get(report);
    if (known === undefined) byReport.set(report, (known = new Map()));
    if (known.has(written)) return known.get(written) as T;
    const v = fn(written, report);
    known.set(written, v);
    return v;
  };
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
