import type { TrackedLocation } from '../../core';
import { DriftTracker, type DriftReport, type GitOptions } from '../../node/git';
import type { BaseMapper, BaseMapRequest } from './baseMapper';

// Base → disk with git (issue #10): the editor's side of the Node adapter the CLI uses. No
// `vscode` here, so that it is tested against real git in Node; the extension hands it in only
// in a trusted workspace (see `GitSwitch`).

/** Quiet time before git runs: a burst of re-reads (typing in a report, saving file after file) runs git once per folder. */
export const GIT_DEBOUNCE_MS = 250;

type Mapped = ReadonlyMap<string, TrackedLocation>;

interface Waiting {
  request: BaseMapRequest;
  signal: AbortSignal;
  resolve: (mapped: Mapped) => void;
  reject: (error: unknown) => void;
}

/** One workspace folder: its tracker (and its caches), the reports waiting for git, and the run under way. */
interface Folder {
  tracker: DriftTracker;
  waiting: Map<string, Waiting>;
  timer: ReturnType<typeof setTimeout> | undefined;
  running: Promise<void>;
}

/**
 * Maps locations with a `DriftTracker` per workspace folder (multi-root: every path is relative
 * to the report's own folder). Requests for a folder are gathered for `debounceMs` and mapped
 * in one `track` call, so git's batching covers all of them; runs of a folder never overlap.
 * A request aborted or superseded before git answers gets an empty map (the tracker drops it).
 */
export class GitBaseMapper implements BaseMapper {
  readonly usesGit = true;
  private readonly folders = new Map<string, Folder>();
  private disposed = false;

  constructor(
    private readonly options: GitOptions = {},
    private readonly debounceMs = GIT_DEBOUNCE_MS,
  ) {}

  map(request: BaseMapRequest, signal: AbortSignal): Promise<Mapped> {
    return new Promise((resolve, reject) => {
      if (this.disposed || signal.aborted) return resolve(new Map());
      const folder = this.folderOf(request.root);
      // A newer request for the same report replaces the older one.
      folder.waiting.get(request.reportPath)?.resolve(new Map());
      folder.waiting.set(request.reportPath, { request, signal, resolve, reject });
      if (folder.timer !== undefined) clearTimeout(folder.timer);
      folder.timer = setTimeout(() => {
        folder.timer = undefined;
        // A run that failed answers its own requests (rejected); the chain goes on for the next ones.
        folder.running = folder.running.then(() => this.run(folder)).catch(() => undefined);
      }, this.debounceMs);
    });
  }

  /** Answers every waiting request with nothing and runs git no more. */
  dispose(): void {
    this.disposed = true;
    for (const folder of this.folders.values()) {
      if (folder.timer !== undefined) clearTimeout(folder.timer);
      for (const w of folder.waiting.values()) w.resolve(new Map());
      folder.waiting.clear();
    }
  }

  private folderOf(root: string): Folder {
    let folder = this.folders.get(root);
    if (!folder) this.folders.set(root, (folder = { tracker: new DriftTracker(root, this.options), waiting: new Map(), timer: undefined, running: Promise.resolve() }));
    return folder;
  }

  private async run(folder: Folder): Promise<void> {
    const batch = [...folder.waiting.values()];
    folder.waiting.clear();
    const live: Array<{ w: Waiting; report: DriftReport }> = [];
    await Promise.all(batch.map(async (w) => {
      if (this.disposed || w.signal.aborted) return w.resolve(new Map());
      let text: string;
      try {
        text = await w.request.text();
      } catch {
        // The report went away meanwhile: the index will drop it; nothing to map.
        return w.resolve(new Map());
      }
      try {
        live.push({ w, report: toDriftReport(w.request, text) });
      } catch (error) {
        w.reject(error);
      }
    }));
    if (live.length === 0) return;
    try {
      const resolved = new Map(live.map(({ w }) => [w.request.reportPath, resolvedPaths(w.request)]));
      const result = await folder.tracker.track(live.map((l) => l.report), (written, report) => resolved.get(report)?.get(written) ?? null);
      live.forEach(({ w }, i) => {
        const mapped = new Map<string, TrackedLocation>();
        w.request.findings.forEach((f, fi) => f.keys.forEach((key, li) => {
          const t = result[i]?.[fi]?.[li];
          if (t) mapped.set(key, t);
        }));
        w.resolve(mapped);
      });
    } catch (error) {
      for (const { w } of live) w.reject(error);
    }
  }
}

/** The report as the drift tracker reads it: its text, and each finding's lines and locations in order. */
function toDriftReport(request: BaseMapRequest, text: string): DriftReport {
  const refs = new Map(request.locations.map((l) => [l.key, l.ref]));
  return {
    path: request.reportPath,
    text,
    findings: request.findings.map((f) => ({ reportRange: f.reportRange, locations: f.keys.flatMap((k) => refs.get(k) ?? []) })),
  };
}

/** Written path → the file the index resolved it to (root-relative), for the tracker's `resolveNow`. */
function resolvedPaths(request: BaseMapRequest): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const l of request.locations) if (!out.has(l.ref.path) || out.get(l.ref.path) === null) out.set(l.ref.path, l.resolved);
  return out;
}
