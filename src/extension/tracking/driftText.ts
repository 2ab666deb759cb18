import type { Drift, LineRange, TrackedLocation } from '../../core';

// How drift reads in the UI: one place for every surface's words. Pure.

/** A commit id as people write it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `src/util.ts:10-12`, `src/util.ts:10`, or the path alone. */
export function placeText(path: string, lines: LineRange | null): string {
  if (!lines) return path;
  return lines.endLine !== lines.startLine ? `${path}:${lines.startLine}-${lines.endLine}` : `${path}:${lines.startLine}`;
}

/** The written place of a tracked location. */
export function writtenText(t: TrackedLocation): string {
  const { path, startLine, endLine } = t.written;
  return placeText(path, startLine === null ? null : { startLine, endLine: endLine ?? startLine });
}

/** `since 0da54fe`; `in the editor` for a change seen only as an edit (no base). */
export function sinceText(drift: Drift): string {
  return drift.base ? `since ${shortSha(drift.base)}` : 'in the editor';
}

/** What a `changed` diagnostic adds to its message: ` (code changed since 0da54fe)`; '' otherwise. */
export function diagnosticSuffix(drift: Drift): string {
  return drift.state === 'changed' ? ` (code changed ${sinceText(drift)})` : '';
}

/**
 * The hover's line about where the finding was written and where it is now:
 * `Written against 0da54fe as src/util.ts:10-12 · now src/helpers/util.ts:10-12`.
 */
export function writtenAgainstText(t: TrackedLocation): string {
  const written = writtenText(t);
  const now = t.resolved ? placeText(t.resolved, t.current) : undefined;
  const { drift } = t;
  if (!drift.base) {
    const moved = now !== undefined && now !== written ? ` · now ${now}` : '';
    const changed = drift.state === 'changed' ? ' · code changed in the editor' : drift.state === 'gone' ? ' · deleted in the editor' : '';
    // The adapter's notes end by saying what this line starts with.
    const note = drift.note?.replace(/;? ?line numbers are as written$/, '');
    return `Line numbers as written (${written})${moved}${changed}${note ? ` · ${note}` : ''}`;
  }
  const head = `Written against ${shortSha(drift.base)} as ${written}`;
  switch (drift.state) {
    case 'exact':
      return `${head} · unchanged since then`;
    case 'moved':
      return `${head} · now ${now ?? '?'}${drift.renamedFrom ? ' (file renamed)' : ''}`;
    case 'changed':
      return `${head} · now ${now ?? '?'} · the code changed since then`;
    case 'gone':
      return `${head} · the code was deleted since then`;
    case 'unknown':
      return `${head}${drift.note ? ` · ${drift.note}` : ''}`;
  }
}

/** The report diagnostic of a location whose code is gone. */
export function goneMessage(t: TrackedLocation): string {
  const where = writtenText(t);
  return t.drift.base
    ? `The code at ${where} was deleted after ${shortSha(t.drift.base)}; the finding may be fixed.`
    : `The code at ${where} was deleted in the editor; the finding may be fixed.`;
}

/** The report diagnostic of a location that moved: where it is now. */
export function movedMessage(t: TrackedLocation): string {
  return `${writtenText(t)} is now at ${t.resolved ? placeText(t.resolved, t.current) : '?'}${t.drift.base ? ` (moved since ${shortSha(t.drift.base)})` : ''}.`;
}

/** The tree's note after a location: ` · changed`, ` · gone`, or ''. */
export function treeNote(drift: Drift): string {
  return drift.state === 'changed' || drift.state === 'gone' ? ` · ${drift.state}` : '';
}

/** Whether a finding needs looking at again: its code changed or went away (the tree's Needs re-check). */
export function needsRecheck(drift: Drift): boolean {
  return drift.state === 'changed' || drift.state === 'gone';
}
