import type { BaseSource } from './driftTypes';
import { countToken, introducingCommit, type ReportCommit } from './reportHistory';
import type { LocationText } from './locationText';

/** The base revision chosen for one location, or why there is none. */
export interface BaseChoice {
  /** Full commit id; null when none (uncommitted, no history) or when the named commit is missing. */
  base: string | null;
  source: BaseSource;
  /** Set when a commit the report names is not in this clone: the location is `unknown`, never mapped from a weaker base. */
  missing?: string;
  /** The location text is not committed: it was written against the working tree, which is its own base. */
  workingTree?: boolean;
  note?: string;
}

/** What git said about a report and the commits it names (gathered by the adapter). */
export interface BaseFacts {
  /** Each candidate commit as written → its full id, or null when this clone lacks it. */
  commits: ReadonlyMap<string, string | null>;
  /** The report's commits touching it, newest first (from `parseReportLog`); empty when untracked. */
  history: readonly ReportCommit[];
  /** The report's text at HEAD; null when HEAD has no such file. */
  committedText: string | null;
  /** `lineIndex` of `committedText`, when the caller keeps one for all the report's locations (saves a split per location). */
  committed?: LineIndex;
}

/** A text's lines, and where each distinct line occurs (1-based), for finding a line again. */
export interface LineIndex {
  lines: readonly string[];
  positions: ReadonlyMap<string, readonly number[]>;
}

export function lineIndex(text: string | readonly string[]): LineIndex {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  const positions = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const list = positions.get(l);
    if (list) list.push(i + 1);
    else positions.set(l, [i + 1]);
  });
  return { lines, positions };
}

/**
 * Picks the base revision of one location, in the order:
 * 1. a commit pinned in the location's own permalink;
 * 2. the first review commit the report names that this clone has (fix commits never count);
 * 3. the commit in which this location's text entered the report (`introducingCommit`), which a
 *    status written back later does not move;
 * 4. the report's last commit.
 * A pinned or named commit this clone lacks gives no base and a `missing` note: falling back
 * silently would show wrong lines as exact. Text not committed yet was written against the
 * working tree: base none, nothing to map.
 */
export function chooseBase(written: LocationText | null, reviewRevs: readonly string[], current: LineIndex | readonly string[], facts: BaseFacts): BaseChoice {
  if (written?.pinnedRev !== undefined) {
    const full = facts.commits.get(written.pinnedRev);
    if (full) return { base: full, source: 'permalink' };
    return { base: null, source: 'permalink', missing: written.pinnedRev, note: missingNote(written.pinnedRev, 'the permalink pins') };
  }
  if (reviewRevs.length > 0) {
    for (const rev of reviewRevs) {
      const full = facts.commits.get(rev);
      if (full) return { base: full, source: 'reviewCommit' };
    }
    return { base: null, source: 'reviewCommit', missing: reviewRevs[0], note: missingNote(reviewRevs[0], 'the report names') };
  }
  if (facts.committedText === null) return { base: null, source: 'none', workingTree: true, note: 'the report is not committed: its lines are read as written against the working tree' };
  if (written !== null) {
    const headLine = committedLineOf(written, 'positions' in current ? current : lineIndex(current), facts.committed ?? lineIndex(facts.committedText));
    if (headLine === null) return { base: null, source: 'none', workingTree: true, note: `${written.text} is not committed yet: read as written against the working tree` };
    const commit = introducingCommit(facts.history, headLine, written.text);
    if (commit) return { base: commit.sha, source: 'introduced' };
  }
  const last = facts.history[0];
  return last ? { base: last.sha, source: 'reportCommit' } : { base: null, source: 'none', note: 'no commit of the report was found' };
}

function missingNote(rev: string, who: string): string {
  return `${who} commit ${rev.slice(0, 12)}, which this clone does not have (a shallow clone? fetch the full history, e.g. fetch-depth: 0); line numbers are as written`;
}

/**
 * The line of the committed report that holds this location text: the same whole line when it
 * is unchanged (the k-th of its equals), else the line holding the same occurrence of the token
 * (its status or wording edited but not committed). Null when the committed report does not
 * hold this occurrence: the text is new.
 */
function committedLineOf(written: LocationText, current: LineIndex, committed: LineIndex): number | null {
  const lineText = current.lines[written.line - 1];
  const sameBefore = (current.positions.get(lineText) ?? []).indexOf(written.line);
  const same = committed.positions.get(lineText) ?? [];
  if (sameBefore >= 0 && sameBefore < same.length) return same[sameBefore];
  // The line itself changed (a status edit not committed yet): the same occurrence of the token.
  const occurrence = current.lines.slice(0, written.line - 1).reduce((n, l) => n + countToken(l, written.text), 0);
  const holders = committed.lines.map((l, i) => (countToken(l, written.text) > 0 ? i + 1 : -1)).filter((i) => i > 0);
  const currentTotal = current.lines.reduce((n, l) => n + countToken(l, written.text), 0);
  // More occurrences now than committed: the new one cannot be told from the old, unless the counts agree.
  if (holders.length === 0 || currentTotal > holders.length) return null;
  return holders[Math.min(occurrence, holders.length - 1)];
}
