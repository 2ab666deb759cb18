import type { Drift, LineRange, LocationRef, TrackedLocation } from '../../core';

// Base → disk: where a location written against the report's revision is in the file on disk.
// This is the seam where git plugs in (`GitBaseMapper`); without git every location is `unknown`
// at its written lines, and the live edits of open files are tracked on top either way.

export interface BaseMapRequest {
  /** The workspace folder's root on disk (the repository is found from it). */
  root: string;
  /** The report, root-relative with `/` separators. */
  reportPath: string;
  /** Every location of the report, keyed by `locationKey`. */
  locations: ReadonlyArray<{ key: string; ref: LocationRef; resolved: string | null }>;
  /** Each finding's lines in the report and its locations' keys, in order: git finds each location's text (and its base) there. */
  findings: ReadonlyArray<{ reportRange: LineRange; keys: readonly string[] }>;
  /** The report's text the findings were read from (its open buffer, else the file); only a mapper that needs it asks. */
  text: () => Promise<string>;
}

export interface BaseMapper {
  /** Whether it runs git: such a mapper is never used in Restricted Mode, nor with `followCode: edits`. */
  readonly usesGit: boolean;
  /**
   * The tracked location of each key, relative to the files on disk when it ran; keys it leaves
   * out stay `unknown`. Rejects only on a bug: a missing base is a state, not an error.
   */
  map(request: BaseMapRequest, signal: AbortSignal): Promise<ReadonlyMap<string, TrackedLocation>>;
}

/** A location's key among the tracker's: its finding's key and its place in the finding's list. */
export function locationKey(findingKeyText: string, index: number): string {
  return `${findingKeyText}\u0000${index}`;
}

/** A location at its written lines, with no base: what every surface showed before #10. */
export function unmapped(ref: LocationRef, resolved: string | null, note?: string): TrackedLocation {
  const drift: Drift = { state: 'unknown', base: null, baseSource: 'none' };
  if (note) drift.note = note;
  return {
    written: ref,
    resolved,
    current: ref.startLine === null ? null : { startLine: ref.startLine, endLine: ref.endLine ?? ref.startLine },
    drift,
  };
}

/** The mapper of `followCode: edits` and `off`, of Restricted Mode, and of `git` where git is not wired: no base. */
export class NoBaseMapper implements BaseMapper {
  readonly usesGit = false;

  constructor(private readonly note: string | undefined) {}

  map(request: BaseMapRequest): Promise<ReadonlyMap<string, TrackedLocation>> {
    return Promise.resolve(new Map(request.locations.map((l) => [l.key, unmapped(l.ref, l.resolved, this.note)])));
  }
}
