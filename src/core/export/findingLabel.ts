import type { Finding } from '../types';

type Labelled = Pick<Finding, 'id' | 'title'> & { reportId?: string | null };

/**
 * Whether a finding's id was derived from its title (`unbounded-search-limit` for
 * "Unbounded search limit", maybe qualified as `high/…` or numbered `…-2`) rather than taken
 * from the report (`H-01`). Exact for a parsed Finding (its `reportId`); for a finding from a
 * scan's JSON, which has no `reportId`, it compares the id's words with the title's.
 */
export function isDerivedId(f: Labelled): boolean {
  if (f.reportId !== undefined) return f.reportId === null;
  const words = (s: string): string[] =>
    s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const bare = f.id.replace(/^[^/]*\//, '');
  const title = words(f.title);
  if (title.length === 0) return bare === 'finding' || /^finding-\d+$/.test(bare);
  const id = words(bare);
  const matches = (idWords: string[]): boolean => idWords.length > 0 && idWords.length <= title.length && idWords.every((w, i) => w === title[i] || (i === idWords.length - 1 && title[i].startsWith(w)));
  // `…-2` counters: with and without the trailing number.
  return matches(id) || (/^\d+$/.test(id[id.length - 1] ?? '') && matches(id.slice(0, -1)));
}

/** The finding as people should read it: `[H-01] Title` with the report's own id, else the title alone. */
export function findingLabel(f: Labelled): string {
  if (isDerivedId(f)) return f.title || f.id;
  return f.title ? `[${f.id}] ${f.title}` : f.id;
}
