import type { ScannedLine } from '../markdown/scanLines';
import { repoOfUrl } from './urls';

const PERMALINK = /\bhttps?:\/\/[^\s)<>\]`'"]{1,2048}/g;

/**
 * The repository a report's code permalinks point to: the one linked most often. Contest and
 * firm reports link their audited code over and over (`code-423n4/2021-07-connext` twenty times)
 * and other repositories once, as references. With no single most-linked repository (two
 * repositories linked once each) none is the report's own: `null`. `undefined` when the report
 * has no permalink at all. One pass over the report.
 */
export function homeRepository(lines: readonly ScannedLine[]): string | null | undefined {
  return mostLinked(permalinkCounts(lines.map((l) => l.text)));
}

/** How often each repository is linked by a permalink in these lines (see homeRepository). */
export function permalinkCounts(texts: Iterable<string>, counts = new Map<string, number>(), sign = 1): Map<string, number> {
  for (const text of texts) {
    if (!text.includes('/blob/')) continue;
    PERMALINK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PERMALINK.exec(text)) !== null) {
      const repo = repoOfUrl(m[0]);
      if (repo !== null) counts.set(repo, (counts.get(repo) ?? 0) + sign);
    }
  }
  return counts;
}

/** The repository linked most often: null on a tie, undefined when none is linked. */
export function mostLinked(counts: ReadonlyMap<string, number>): string | null | undefined {
  let best: string | null | undefined;
  let bestCount = 0;
  for (const [repo, n] of counts) {
    if (n <= 0) continue;
    if (n > bestCount) {
      best = repo;
      bestCount = n;
    } else if (n === bestCount) {
      best = null;
    }
  }
  return best;
}
