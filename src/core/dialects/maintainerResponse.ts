import type { ScannedLine } from '../markdown/scanLines';
import type { Status } from '../types';
import { RESPONSE_PHRASES, STATUS_ORDER } from '../vocabulary/statusWords';
import { wordsPattern } from '../vocabulary/wordPattern';
import type { Dialect } from './dialect';

// One pattern per status; `can fix this` is read only after a negation (see below).
const PHRASES = STATUS_ORDER.map((st) => [wordsPattern(RESPONSE_PHRASES[st]), st] as const);
// "There is no way Mullvad can fix this": a negated ability is a decision not to fix.
const NEGATED = /\b(?:no way|not possible|impossible|cannot|can't)\b[^.]{0,60}$/i;

/**
 * A maintainer's verdict in the prose under a finding, for audit responses published by the
 * audited project (Mullvad's answers to Cure53 and X41: `_Our comment_: … This issue is fixed in
 * …`, "We fixed this by …") and fix notes in firm reports ("The issue has been fixed in PR 12").
 * The first verdict phrase decides; quoted discussion and code are not the maintainer's verdict.
 */
function responseVerdict(body: readonly ScannedLine[]): Status | null {
  let best: { at: number; status: Status } | null = null;
  let offset = 0;
  for (const l of body) {
    if (l.kind === 'code' || l.kind === 'fence' || l.kind === 'heading' || l.quoted) continue;
    const text = l.text.slice(0, 2000);
    for (const [re, status] of PHRASES) {
      const m = re.exec(text);
      if (!m) continue;
      if (m[0].toLowerCase() === 'can fix this' && !NEGATED.test(text.slice(0, m.index))) continue;
      const at = offset + m.index;
      if (best === null || at < best.at) best = { at, status };
    }
    if (best !== null) return best.status;
    offset += text.length + 1;
  }
  return null;
}

export const maintainerResponse: Dialect = { name: 'maintainer responses', status: responseVerdict };
