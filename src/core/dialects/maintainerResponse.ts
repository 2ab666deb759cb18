import type { ScannedLine } from '../markdown/scanLines';
import type { Status } from '../types';
import { statusOpeningValue } from '../vocabulary/status';
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
 * The first verdict phrase decides, else a short closing sentence that opens with a status (agent
 * improvement logs: "… PARKED until verified."); quoted discussion and code are not the verdict.
 */
function responseVerdict(body: readonly ScannedLine[]): Status | null {
  const paras = [...paragraphs(body)];
  for (const text of paras) {
    let best: { at: number; status: Status } | null = null;
    for (const [re, status] of PHRASES) {
      const m = re.exec(text);
      if (!m) continue;
      if (m[0].toLowerCase() === 'can fix this' && !NEGATED.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
      if (best === null || m.index < best.at) best = { at: m.index, status };
    }
    if (best !== null) return best.status;
  }
  // "… not verified against a real Codex install. PARKED until verified." / "All corrected in PR #5.":
  // a short sentence that closes a paragraph with a status.
  for (const text of paras) {
    const last = CLOSING.exec(text);
    const status = last ? statusOpeningValue(last[1].replace(/^(?:all|both)\s+/i, '')) : null;
    if (status !== null) return status;
  }
  return null;
}

// The last sentence of a paragraph of several, when it is short (up to 8 words).
const CLOSING = /[.!?]\s+((?:\S+\s+){0,7}\S+?)[.!]?\s*$/u;

/** The body's prose paragraphs, lines joined (a verdict may wrap: "no way Mullvad can fix⏎this"); code and quotes left out. */
function* paragraphs(body: readonly ScannedLine[]): Generator<string> {
  let text = '';
  for (const l of body) {
    const prose = l.kind === 'text' || l.kind === 'listItem';
    if (!prose || l.quoted || l.kind === 'listItem') {
      if (text !== '') yield text;
      text = '';
    }
    if (prose && !l.quoted && text.length < MAX_PARAGRAPH) text += (text === '' ? '' : ' ') + l.content.trim().slice(0, MAX_PARAGRAPH);
  }
  if (text !== '') yield text;
}

// A verdict opens or closes a paragraph; a paragraph is read this far.
const MAX_PARAGRAPH = 4000;

export const maintainerResponse: Dialect = { name: 'maintainer responses', status: responseVerdict };
