import type { LineRange, LocationRef } from '../types';

/**
 * How a cited location relates to the code as it is now (issue #10, "findings follow the code").
 * - `exact`: the cited lines are untouched and at the same place;
 * - `moved`: the same code, at other lines or under a new path after a rename;
 * - `changed`: code inside the cited range was edited since the base;
 * - `gone`: every cited line was deleted;
 * - `unknown`: no base revision could be established (or mapping is off).
 */
export type DriftState = 'exact' | 'moved' | 'changed' | 'gone' | 'unknown';

/** Where the base revision came from, in the order they are tried. */
export type BaseSource =
  | 'permalink' // a commit pinned in the location's own permalink
  | 'reviewCommit' // a review commit the report names (never a "fixed in" commit)
  | 'introduced' // the commit in which the location text entered the report
  | 'reportCommit' // the report's last commit
  | 'none'; // nothing: uncommitted, no git, Restricted Mode, mapping off

export interface Drift {
  state: DriftState;
  /** Full commit id of the base revision; null when `baseSource` is `none`. */
  base: string | null;
  baseSource: BaseSource;
  /** The path at the base when the file was renamed since (root-relative, `/` separators). */
  renamedFrom?: string;
  /** Why the state is what it is when that is not obvious ("commit 0da54fe is not in this clone"). */
  note?: string;
}

/** One location as written, and where it is now. Every surface displays `resolved` + `current`. */
export interface TrackedLocation {
  /** The location exactly as the report writes it (display it only as "written against"). */
  written: LocationRef;
  /** The file it points to now, root-relative; null when not found. */
  resolved: string | null;
  /** The lines it covers now; null when gone, unknown line-less, or file-level. */
  current: LineRange | null;
  drift: Drift;
}
