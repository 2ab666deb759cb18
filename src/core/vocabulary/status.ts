import type { Status } from '../types';
import { SECTION_STATUS_WORDS, STATUS_MARKS, STATUS_ORDER, STATUS_WORDS, TITLE_STATUS_WORDS } from './statusWords';
import { wordsPattern } from './wordPattern';

/** How each status is written when Audit Lens writes it. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'Open',
  fixed: 'Fixed',
  deferred: 'Deferred',
  false_positive: 'False positive',
  accepted: 'Accepted',
};

// One pattern per status from the vocabulary, tried in STATUS_ORDER; marks (✅, ❌, ⏭️) count as words.
const VOCABULARY: ReadonlyArray<readonly [RegExp, Status]> = STATUS_ORDER.map((st) => {
  const marks = STATUS_MARKS.filter(([, s]) => s === st).map(([m]) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const words = wordsPattern(STATUS_WORDS[st]).source;
  return [new RegExp(marks.length > 0 ? `${words}|${marks.join('|')}` : words, 'iu'), st];
});
// Upper-case status words in a title (`✅ FIXED`, `— WON'T FIX`): a title such as "Fixed-point overflow" has none.
const TITLE_WORDS = Object.values(TITLE_STATUS_WORDS).flat().filter((w) => /^[\p{L}' -]+$/u.test(w) && w.length > 3);
/**
 * The title status words as a pattern source (`won'?t[\\s_-]+fix|fixed|…`), longest first; upper
 * case only when `upper` (markers written in capitals, which plain title words are not).
 */
export function titleStatusSource(upper = false): string {
  return [...new Set(TITLE_WORDS)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (upper ? w.toUpperCase() : w).replace(/'/g, "'?").replace(/ /g, '[\\s_-]+'))
    .join('|');
}
/**
 * Verdict words written in capitals in a title or heading (`✅ FIXED`, `— WON'T FIX`), and
 * INVESTIGATED, a verdict that names no status: the pattern source every title verdict is built from.
 */
export const VERDICT_WORDS = `${titleStatusSource(true)}|INVESTIGATED`;
const TITLE_UPPER = new RegExp(`(?<![\\p{L}])(${VERDICT_WORDS})(?![\\p{L}])`, 'u');
const TITLE_STATUS_SOURCE = titleStatusSource();
const BRACKETED = new RegExp(`[[(]\\s*(${TITLE_STATUS_SOURCE})\\s*[\\])]\\s*$`, 'iu');
// `### 3.1 Usage of re-entrancy guard  Won't Fix` (ConsenSys web reports): a badge after two spaces or a ✓.
const BADGE = new RegExp(`(?: {2,}|[✓✔]\\s*)(${TITLE_STATUS_SOURCE})\\s*$`, 'iu');
const SECTION_STATUS: ReadonlyArray<readonly [RegExp, Status]> = STATUS_ORDER.map((st) => [wordsPattern(SECTION_STATUS_WORDS[st]), st] as const);
const CJK_WORDS = Object.values(STATUS_WORDS).flat().filter((w) => /[\u3040-\u30ff\u3400-\u9fff]/u.test(w));
const TITLE_CJK = new RegExp(CJK_WORDS.join('|'), 'u');

/** Status named by a status field value or a status marker, e.g. `✅ Fixed - …`, `Won't fix`. */
export function statusFromValue(value: string): Status | null {
  const found = earliestStatus(value);
  // "Not fixed (acceptable trade-off for development workflow; document only)": left unfixed
  // for a stated reason is a risk accepted, not an open finding.
  // Only its own parenthesis qualifies it: `Open — previously: Won't fix` is open.
  const reason = found?.status === 'open' ? /^[^(—]{0,20}\(([^)]{0,200})\)/u.exec(value.slice(found.index)) : null;
  if (reason && ACCEPTED.test(reason[1])) return 'accepted';
  return found?.status ?? null;
}

const ACCEPTED = VOCABULARY.find(([, s]) => s === 'accepted')![0];

/**
 * The status a value opens with (`✅ Fixed - CSP added`, `Partially fixed`), or null when its
 * status word comes later in prose (`Session complete, quality gates passed`): only an opening
 * status makes a `Status:` line evidence that its block is a finding.
 */
export function statusOpeningValue(value: string): Status | null {
  const v = value.replace(/^[\s*_`~[\](){}:.,;!?>|-]+/u, '');
  const found = earliestStatus(v);
  // A status phrase may open with a qualifier the vocabulary holds (`Not fixed`, `Partially fixed`).
  return found !== null && found.index === 0 ? found.status : null;
}

function earliestStatus(value: string): { index: number; status: Status } | null {
  const v = value.replace(/[*_`~]/g, ' ').replace(/[’‘]/g, "'");
  let best: { index: number; status: Status } | null = null;
  // The earliest status word in the value decides: "Fixed - not an issue anymore" is fixed.
  for (const [re, status] of VOCABULARY) {
    const m = re.exec(v);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, status };
  }
  return best;
}

/**
 * A status written as a marker in a heading or item title, after or around the title:
 * `✅ FIXED`, `- **FIXED**`, `~~Title~~ FALSE POSITIVE`, `(RESOLVED)`, `— WON'T FIX`.
 * Only upper-case words or ✅/⏭️ count: a title such as "Fixed-point overflow" is no status.
 */
export function statusInTitle(title: string): Status | null {
  const t = title.replace(/[*_`~]/g, ' ').replace(/[’‘]/g, "'");
  const m = TITLE_UPPER.exec(t) ?? TITLE_CJK.exec(t);
  if (m && m[0] !== 'INVESTIGATED') return statusFromValue(m[0]);
  // `Title (Resolved)`, `Title [Won't fix]`: a bracketed status in any case.
  // Both are anchored at the end: only the tail is read, so runs of spaces cost nothing.
  const tail = t.slice(-120);
  const bracketed = BRACKETED.exec(tail) ?? BADGE.exec(tail);
  if (bracketed) return statusFromValue(bracketed[1]);
  if (/✅/u.test(t)) return 'fixed';
  if (/⏭️?/u.test(t)) return 'deferred';
  return null;
}

/** Status implied by the heading of a section that groups findings; null when it implies none. */
export function statusOfSection(heading: string): Status | null {
  for (const [re, status] of SECTION_STATUS) if (re.test(heading)) return status;
  return null;
}
