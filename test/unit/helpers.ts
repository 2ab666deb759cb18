import { parseReport, type Finding } from '../../src/core';

export function findings(md: string): Finding[] {
  return parseReport(md).findings;
}

/** The report's only finding; fails when there is not exactly one. */
export function only(md: string): Finding {
  const all = findings(md);
  if (all.length !== 1) throw new Error(`expected 1 finding, got ${all.length}: ${JSON.stringify(all.map((f) => [f.id, f.title]))}`);
  return all[0];
}

/** `path:start-end` strings, for compact assertions on locations. */
export function locs(f: Finding): string[] {
  return f.locations.map((l) => (l.startLine === null ? l.path : `${l.path}:${l.startLine}-${l.endLine}`));
}

export function summary(f: Finding): { id: string; title: string; severity: string | null; status: string } {
  return { id: f.id, title: f.title, severity: f.severity, status: f.status };
}
