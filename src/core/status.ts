import type { Status } from './types';

/** How each status is written when Audit Lens writes it. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'Open',
  fixed: 'Fixed',
  deferred: 'Deferred',
  false_positive: 'False positive',
  accepted: 'Accepted',
};

// Order matters: "not fixed" before "fixed", "partially fixed" before "fixed".
const VOCABULARY: ReadonlyArray<[RegExp, Status]> = [
  [/\b(false[\s_-]?positive|not an? (issue|bug)|invalid|validated as safe|cannot reproduce|can't reproduce|not reproducible|rejected)\b/i, 'false_positive'],
  [/\b(not[\s_-]fixed|unfixed|unresolved|partially[\s_-]fixed|partial(ly)?|in[\s_-]progress|pending|still pending|open|todo|to do|reopened|remaining)\b|❌/i, 'open'],
  [/\b(won'?t[\s_-]fix|will not fix|accepted|acknowledged|by[\s_-]design|risk accepted|documented|wontfix|intended)\b/i, 'accepted'],
  [/\b(deferred|postponed|later|backlog|skipped)\b|⏭️?/i, 'deferred'],
  [/\b(fixed|resolved|done|mitigated|patched|addressed|implemented|applied|complete[d]?|closed|remediated)\b|✅|✔️?/i, 'fixed'],
];

/** Status named by a status field value or a status marker, e.g. `✅ Fixed - …`, `Won't fix`. */
export function statusFromValue(value: string): Status | null {
  const v = value.replace(/[*_`~]/g, ' ').replace(/[’‘]/g, "'");
  let best: { index: number; status: Status } | null = null;
  // The earliest status word in the value decides: "Fixed - not an issue anymore" is fixed.
  for (const [re, status] of VOCABULARY) {
    const m = re.exec(v);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, status };
  }
  return best?.status ?? null;
}

/**
 * A status written as a marker in a heading or item title, after or around the title:
 * `✅ FIXED`, `- **FIXED**`, `~~Title~~ FALSE POSITIVE`, `(RESOLVED)`, `— WON'T FIX`.
 * Only upper-case words or ✅/⏭️ count: a title such as "Fixed-point overflow" is no status.
 */
export function statusInTitle(title: string): Status | null {
  const t = title.replace(/[*_`~]/g, ' ').replace(/[’‘]/g, "'");
  const m =
    /(?:✅|⏭️?|❌)?\s*\b(FALSE POSITIVE|NOT FIXED|PARTIALLY FIXED|FIXED|RESOLVED|OPEN|DEFERRED|WON'?T FIX|ACCEPTED|ACKNOWLEDGED|BY DESIGN|VALIDATED AS SAFE|INVALID|MITIGATED|DONE|CANNOT REPRODUCE)\b/u.exec(t);
  if (m) return statusFromValue(m[1]);
  // `Title (Resolved)`, `Title [Won't fix]`: a bracketed status in any case.
  const bracketed = /[[(]\s*(false positive|not fixed|partially fixed|fixed|resolved|open|deferred|won'?t fix|accepted|acknowledged|by design|mitigated|invalid)\s*[\])]\s*$/i.exec(t);
  if (bracketed) return statusFromValue(bracketed[1]);
  if (/✅/u.test(t)) return 'fixed';
  if (/⏭️?/u.test(t)) return 'deferred';
  return null;
}

/** Status implied by the heading of a section that groups findings; null when it implies none. */
export function statusOfSection(heading: string): Status | null {
  const t = heading.toLowerCase();
  if (/false positives?|not (a )?bugs?|rejected/.test(t)) return 'false_positive';
  if (/\b(not fixed|unfixed|remaining|still pending|pending|open items|open issues|next priorities|to ?do|outstanding|unresolved|known issues|not yet)\b/.test(t)) return 'open';
  if (/\b(deferred|postponed|backlog)\b/.test(t)) return 'deferred';
  if (/\b(won'?t fix|accepted risks?|acknowledged)\b/.test(t)) return 'accepted';
  if (/\b(fixes applied|fixed|resolved|improvements applied|applied|completed|done|critical fixes|high fixes|medium fixes|low fixes)\b/.test(t)) return 'fixed';
  return null;
}
