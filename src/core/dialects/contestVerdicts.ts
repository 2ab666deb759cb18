import type { ScannedLine } from '../markdown/scanLines';
import type { Status } from '../types';
import type { Dialect } from './dialect';

// Contest platforms' sponsor lines and bot notes:
// `**[Name (Project) confirmed and patched](…)**`, `**[Name (Project) acknowledged](…)**`,
// "The protocol team fixed this issue in the following PRs/commits:".
const SPONSOR_LINE = /^\*\*\[[^\]()]+\((?!judge\b)[^)]+\)\s+([^\]]+)\]/i;
const TEAM_FIXED = /^The protocol team fixed this issue\b/;

/** A contest platform's verdict; the sponsor's word decides, the judge's comments do not. */
function platformVerdict(body: readonly ScannedLine[]): Status | null {
  let verdict: Status | null = null;
  for (const l of body) {
    if (l.kind === 'code' || l.kind === 'fence' || l.kind === 'blank') continue;
    if (TEAM_FIXED.test(l.text)) return 'fixed';
    const m = SPONSOR_LINE.exec(l.text);
    if (!m) continue;
    const words = m[1].toLowerCase();
    if (/\b(patched|fixed|resolved|mitigated)\b/.test(words)) return 'fixed';
    if (/\bdisputed\b/.test(words)) verdict ??= 'false_positive';
    else if (/\backnowledged\b/.test(words)) verdict ??= 'accepted';
  }
  return verdict;
}

/** Code4rena, Sherlock and Pashov contest reports: the sponsor's verdict line under a finding. */
export const contestVerdicts: Dialect = { name: 'contest platform verdicts', status: platformVerdict };
