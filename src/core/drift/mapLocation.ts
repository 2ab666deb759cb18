import type { LineRange, LocationRef } from '../types';
import type { BaseChoice } from './chooseBase';
import type { Drift, DriftState, TrackedLocation } from './driftTypes';
import { mapRange, type Hunk } from './lineMap';
import type { FileDelta } from './parseRawDiff';

/** Renames below this similarity are accepted only when the cited lines are found in the new file. */
export const RENAME_SIMILARITY = 70;

/** What one `git diff` from a base says, for mapping every location with that base. Paths are root-relative. */
export interface BaseDiff {
  base: string;
  /** The base path of each cited file → its delta; absent = unchanged since the base. */
  deltas: ReadonlyMap<string, FileDelta>;
  /** Every delta of the batch, for the move search (a block moved into another cited file). */
  all: readonly FileDelta[];
  /** `indexAddedLines(all)`, built once per diff by whoever builds it; built on demand when absent. */
  added?: AddedLineIndex;
}

/** Every `+` line of a batch, normalized, by text: the move search looks a block's first line up here. */
export type AddedLineIndex = ReadonlyMap<string, ReadonlyArray<{ path: string; line: number; hunk: readonly string[]; at: number }>>;

export function indexAddedLines(deltas: readonly FileDelta[]): AddedLineIndex {
  const index = new Map<string, Array<{ path: string; line: number; hunk: readonly string[]; at: number }>>();
  for (const d of deltas) {
    if (d.status === 'D' || d.binary) continue;
    for (const h of d.map.hunks) {
      const added = (h.added ?? []).map(norm);
      added.forEach((text, at) => {
        if (text === '') return;
        const list = index.get(text) ?? [];
        list.push({ path: d.newPath, line: h.newStart + at, hunk: added, at });
        index.set(text, list);
      });
    }
  }
  return index;
}

/**
 * Where a location written against `choice.base` is now. `pathAtBase` is the written path
 * resolved in the base's tree (null when the base has no such file); `resolvedNow` the written
 * path resolved in the working tree, shown when nothing better is known.
 */
export function mapLocation(written: LocationRef, choice: BaseChoice, pathAtBase: string | null, resolvedNow: string | null, diff: BaseDiff | null): TrackedLocation {
  const asWritten = range(written);
  const drift = (state: DriftState, extra: Partial<Drift> = {}): Drift => ({ state, base: choice.base, baseSource: choice.source, ...(choice.note ? { note: choice.note } : {}), ...extra });
  if (choice.base === null || diff === null) {
    // Uncommitted text reads as written against the working tree: nothing moved since.
    const state: DriftState = choice.workingTree === true && resolvedNow !== null ? 'exact' : 'unknown';
    return { written, resolved: resolvedNow, current: asWritten, drift: drift(state) };
  }
  const short = choice.base.slice(0, 7);
  if (pathAtBase === null) {
    return { written, resolved: resolvedNow, current: asWritten, drift: drift('unknown', { note: `${written.path} is not in ${short}; line numbers are as written` }) };
  }
  let delta = diff.deltas.get(pathAtBase);
  if (delta === undefined) return { written, resolved: pathAtBase, current: asWritten, drift: drift('exact') };
  if (delta.binary) return { written, resolved: delta.status === 'D' ? null : delta.newPath, current: asWritten, drift: drift('unknown', { note: `${pathAtBase} is a binary file to git; line numbers are as written` }) };
  let rejected: string | undefined;
  if ((delta.status === 'R' || delta.status === 'C') && (delta.similarity ?? 0) < RENAME_SIMILARITY) {
    // Git pairs unrelated files at 50 %; below 70 % only the cited lines surviving confirm it.
    const survives = asWritten === null || ['exact', 'moved'].includes(mapRange(delta.map, asWritten).state);
    if (!survives) {
      rejected = `git paired ${pathAtBase} with ${delta.newPath} at ${delta.similarity} % similarity, below ${RENAME_SIMILARITY} %: not taken as a rename`;
      delta = { ...delta, status: 'D' };
    }
  }
  const renamed = delta.status === 'R' && delta.newPath !== pathAtBase ? { renamedFrom: pathAtBase } : {};
  if (delta.status === 'D') {
    const moved = asWritten ? findMovedBlock(removedText(delta.map.hunks, asWritten), diff.added ?? indexAddedLines(diff.all)) : null;
    if (moved) return { written, resolved: moved.path, current: moved.range, drift: drift('moved', moved.path !== pathAtBase ? { renamedFrom: pathAtBase } : {}) };
    return { written, resolved: null, current: null, drift: drift('gone', { note: rejected ?? `${pathAtBase} was deleted after ${short}` }) };
  }
  if (asWritten === null) return { written, resolved: delta.newPath, current: null, drift: drift(delta.status === 'R' && delta.newPath !== pathAtBase ? 'moved' : 'exact', renamed) };
  const mapped = mapRange(delta.map, asWritten);
  if (mapped.state === 'gone') {
    const moved = findMovedBlock(removedText(delta.map.hunks, asWritten), diff.added ?? indexAddedLines(diff.all));
    if (moved) return { written, resolved: moved.path, current: moved.range, drift: drift('moved', moved.path !== pathAtBase ? { renamedFrom: pathAtBase } : {}) };
    return { written, resolved: delta.newPath, current: null, drift: drift('gone', { ...renamed, note: `the code at ${pathAtBase}:${rangeText(asWritten)} was deleted after ${short}` }) };
  }
  const state: DriftState = mapped.state === 'exact' && 'renamedFrom' in renamed ? 'moved' : mapped.state;
  return { written, resolved: delta.newPath, current: mapped.range, drift: drift(state, renamed) };
}

function range(ref: LocationRef): LineRange | null {
  return ref.startLine === null ? null : { startLine: ref.startLine, endLine: ref.endLine ?? ref.startLine };
}

function rangeText(r: LineRange): string {
  return r.startLine === r.endLine ? `${r.startLine}` : `${r.startLine}-${r.endLine}`;
}

/** The base text of the cited lines, from the `-` lines of the hunks that removed them; null when some were not removed. */
function removedText(hunks: readonly Hunk[], r: LineRange): string[] | null {
  const out: string[] = [];
  for (let l = r.startLine; l <= r.endLine; l++) {
    const h = hunks.find((x) => l >= x.oldStart && l < x.oldStart + x.oldLen);
    const text = h?.removed?.[l - h.oldStart];
    if (text === undefined) return null;
    out.push(text);
  }
  return out;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The move search: the removed lines, compared without their indentation, as one run of `+`
 * lines anywhere in the batch (a function moved within its file, or into another cited file).
 * Only a unique match counts; blank-only text never does.
 */
export function findMovedBlock(removed: string[] | null, added: AddedLineIndex): { path: string; range: LineRange } | null {
  if (removed === null || removed.length === 0) return null;
  const want = removed.map(norm);
  const first = want.findIndex((l) => l !== '');
  if (first < 0) return null;
  let found: { path: string; range: LineRange } | null = null;
  for (const c of added.get(want[first]) ?? []) {
    const start = c.at - first;
    if (start < 0 || start + want.length > c.hunk.length) continue;
    if (!want.every((w, k) => c.hunk[start + k] === w)) continue;
    if (found) return null;
    found = { path: c.path, range: { startLine: c.line - first, endLine: c.line - first + want.length - 1 } };
  }
  return found;
}
