import type { Status } from '../core';
import type { Settings } from './settings';

/** Whether a finding shows in source files (diagnostics, CodeLens, hover): open ones, and deferred ones when asked. */
export function showsInCode(status: Status, settings: Settings): boolean {
  return status === 'open' || (status === 'deferred' && settings.showDeferred);
}
