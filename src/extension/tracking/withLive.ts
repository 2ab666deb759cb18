import type { TrackedLocation } from '../../core';
import type { LiveRange } from './liveShift';

/**
 * A location mapped to the disk, carried on through the editor's unsaved edits. An edit inside
 * the range makes it `changed`; deleting all of it makes it `gone`; a shift alone keeps the
 * state (an `exact` location shifted in the buffer is `moved`). Pure.
 */
export function withLive(base: TrackedLocation, live: LiveRange | undefined): TrackedLocation {
  if (!live || base.current === null || base.drift.state === 'gone') return base;
  if (live.deleted) return { ...base, current: null, drift: { ...base.drift, state: 'gone' } };
  const current = { startLine: live.startLine, endLine: live.endLine };
  const shifted = current.startLine !== base.current.startLine || current.endLine !== base.current.endLine;
  const state = live.touched ? 'changed' : shifted && base.drift.state === 'exact' ? 'moved' : base.drift.state;
  return { ...base, current, drift: state === base.drift.state ? base.drift : { ...base.drift, state } };
}

/** The live range a mapped location starts from. */
export function liveStart(base: TrackedLocation): LiveRange | undefined {
  return base.current ? { startLine: base.current.startLine, endLine: base.current.endLine, touched: false, deleted: false } : undefined;
}
