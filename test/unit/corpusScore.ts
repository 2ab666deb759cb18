import type { Finding, Severity, Status } from '../../src/core';

// Scores the reader's findings of one report against its hand annotation, by the rules of
// shared/tools/score_reports.py (which scores the CLI's JSON the same way); see
// shared/corpus/ANNOTATION.md for the annotation. Only `resolved` is left out: it needs the
// workspace's files, and the core is handed a report's text alone.

/** `[path as written, startLine, endLine]`; null lines for a file-level reference. */
export type AnnotatedLocation = [string, number | null, number | null];

export interface AnnotatedFinding {
  /** 1-based line where the finding starts; a finding within one line of it matches. */
  line: number;
  /** Present only where the report gives an explicit id. */
  id?: string;
  /** Null (or absent) when the report does not say: not scored. */
  severity?: Severity | null;
  status?: Status | null;
  /** Null when not scored; `[]` when the finding names no file. */
  locations: AnnotatedLocation[] | null;
}

export interface Annotation {
  /** Where the report sits in the scoring workspace; unused here. */
  as: string;
  core: AnnotatedFinding[];
  /** Lines of items a reader could count either way: a finding there is neither right nor wrong. */
  optional: number[];
}

export const METRICS = ['recall', 'severity', 'status', 'id', 'loc_recall', 'loc_precision'] as const;
export type Metric = (typeof METRICS)[number];

export interface Tally {
  hit: number;
  total: number;
}

export interface ReportScore {
  report: string;
  counts: Record<Metric, Tally>;
  /** Findings the reader gave that matched an annotated one or were extras (optional ones aside). */
  produced: number;
  extra: number;
  /** Every miss, wrong value, missing or extra location and extra finding, as `report:line what`. */
  misses: Miss[];
}

/** What a miss counts against (`precision` for an extra finding) and where it is, for a failing test. */
export interface Miss {
  metric: Metric | 'precision';
  text: string;
}

/** Figures over many reports, each a share in [0, 1]; 1 when there was nothing to count. */
export type Figures = Record<Metric | 'macro_recall' | 'precision', number>;

/**
 * The id the CLI prints for a finding: a `reportId` (the report's own id) where the reader
 * gives one, else `id`. Written tolerantly so that it keeps working whichever the reader has.
 */
function scoredId(f: Finding): string {
  return (f as { reportId?: string | null }).reportId ?? f.id;
}

/** Equal, or `got` ends with "/" + `want` (the annotation may give a shorter path). */
function samePath(got: string, want: string): boolean {
  const g = got.replace(/\\/g, '/');
  const w = want.replace(/\\/g, '/');
  return g === w || g.endsWith('/' + w);
}

function emptyCounts(): Record<Metric, Tally> {
  return { recall: { hit: 0, total: 0 }, severity: { hit: 0, total: 0 }, status: { hit: 0, total: 0 }, id: { hit: 0, total: 0 }, loc_recall: { hit: 0, total: 0 }, loc_precision: { hit: 0, total: 0 } };
}

function range(s: number | null, e: number | null): string {
  return s === null ? '' : `:${s}-${e}`;
}

/** The closest unused finding that starts within one line of `line` (the first one on a tie). */
function closest(findings: readonly Finding[], used: ReadonlySet<number>, line: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < findings.length; i++) {
    const d = Math.abs(findings[i].reportRange.startLine - line);
    if (!used.has(i) && d <= 1 && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

function scoreLocations(where: string, want: AnnotatedFinding, f: Finding, counts: Record<Metric, Tally>, misses: Miss[]): void {
  if (want.locations === null) return;
  const got = f.locations;
  const hit = new Set<number>();
  for (const [p, s, e] of want.locations) {
    counts.loc_recall.total++;
    const j = got.findIndex((g, k) => !hit.has(k) && samePath(g.path, p) && (s === null || (g.startLine === s && g.endLine === e)));
    if (j < 0) {
      misses.push({ metric: 'loc_recall', text: `${where}:${want.line} location missing: ${p}${range(s, e)}` });
      continue;
    }
    hit.add(j);
    counts.loc_recall.hit++;
  }
  counts.loc_precision.total += got.length;
  got.forEach((g, j) => {
    // A location in a file the annotation names at file level is right whatever its lines.
    if (hit.has(j) || want.locations!.some(([p, s]) => s === null && samePath(g.path, p))) counts.loc_precision.hit++;
    else misses.push({ metric: 'loc_precision', text: `${where}:${want.line} location extra: ${g.path}${range(g.startLine, g.endLine)}` });
  });
}

/** Scores one report's findings (`parseReport(text).findings`) against its annotation entry. */
export function scoreReport(report: string, findings: readonly Finding[], annotation: Annotation): ReportScore {
  const counts = emptyCounts();
  const misses: Miss[] = [];
  const used = new Set<number>();
  for (const want of annotation.core) {
    counts.recall.total++;
    const i = closest(findings, used, want.line);
    if (i === null) {
      misses.push({ metric: 'recall', text: `${report}:${want.line} missed` });
      // A missed finding's values and locations all count as wrong.
      if (want.severity != null) counts.severity.total++;
      if (want.status != null) counts.status.total++;
      if (want.id != null) counts.id.total++;
      counts.loc_recall.total += want.locations?.length ?? 0;
      continue;
    }
    used.add(i);
    counts.recall.hit++;
    const f = findings[i];
    const values: Array<[Metric, string | null | undefined, string | null]> = [
      ['severity', want.severity, f.severity],
      ['status', want.status, f.status],
      ['id', want.id, scoredId(f)],
    ];
    for (const [metric, expected, actual] of values) {
      if (expected == null) continue;
      counts[metric].total++;
      if (actual === expected) counts[metric].hit++;
      else misses.push({ metric, text: `${report}:${want.line} ${metric}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)} (${f.title.slice(0, 60)})` });
    }
    scoreLocations(report, want, f, counts, misses);
  }
  let extra = 0;
  findings.forEach((f, i) => {
    if (used.has(i)) return;
    const line = f.reportRange.startLine;
    if (annotation.optional.some((o) => Math.abs(line - o) <= 1)) return;
    extra++;
    misses.push({ metric: 'precision', text: `${report}:${line} extra: ${scoredId(f)} ${JSON.stringify(f.title.slice(0, 70))}` });
  });
  return { report, counts, produced: used.size + extra, extra, misses };
}

function share(hit: number, total: number): number {
  return total === 0 ? 1 : hit / total;
}

/** The corpus figures: totals over all reports, and the mean recall of reports that have findings. */
export function figures(scores: readonly ReportScore[]): Figures {
  const out = {} as Figures;
  for (const metric of METRICS) {
    out[metric] = share(scores.reduce((n, s) => n + s.counts[metric].hit, 0), scores.reduce((n, s) => n + s.counts[metric].total, 0));
  }
  const withFindings = scores.filter((s) => s.counts.recall.total > 0);
  out.macro_recall = withFindings.length === 0 ? 1 : withFindings.reduce((n, s) => n + share(s.counts.recall.hit, s.counts.recall.total), 0) / withFindings.length;
  const produced = scores.reduce((n, s) => n + s.produced, 0);
  out.precision = share(produced - scores.reduce((n, s) => n + s.extra, 0), produced);
  return out;
}
