import type { Severity } from '../types';
import { priorityLevel, SEVERITY_EMOJI, SEVERITY_ID_LETTERS, SEVERITY_STEMS, SEVERITY_WORDS } from './severityWords';
import { titleStatusSource } from './status';
import { wordsPattern } from './wordPattern';

const LEVELS: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** One pattern per level, from the vocabulary; Russian stems match as prefixes. */
const WORDS: ReadonlyArray<readonly [RegExp, Severity]> = LEVELS.map((s) => [
  new RegExp(`${wordsPattern(SEVERITY_WORDS[s]).source}|${wordsPattern(SEVERITY_STEMS[s], 'iu', true).source}`, 'iu'),
  s,
]);
/** The same without single CJK characters (`中`, `高`), which only count where a marker stands alone. */
const SECTION_WORDS: ReadonlyArray<readonly [RegExp, Severity]> = LEVELS.map((s) => [
  new RegExp(`${wordsPattern(SEVERITY_WORDS[s].filter((w) => !(CJK.test(w) && w.length === 1))).source}|${wordsPattern(SEVERITY_STEMS[s], 'iu', true).source}`, 'iu'),
  s,
]);
const ALL_WORDS = LEVELS.flatMap((s) => SEVERITY_WORDS[s]);
/** Any severity word, for markers in titles: upper case, bracketed, or followed by `:` / ` - ` (not `low-level`). */
const ANY_UPPER = new RegExp(`(?:^|[\\s[(|（【])(${ALL_WORDS.filter((w) => !CJK.test(w) && w.length > 2).map((w) => w.toUpperCase()).sort((a, b) => b.length - a.length).join('|')})(?=$|[\\s\\]):|.,\\-）】])`, 'u');
const ANY_LEAD = new RegExp(`^\\W*(${ALL_WORDS.filter((w) => !CJK.test(w) && w.length > 2).sort((a, b) => b.length - a.length).join('|')})\\s*(?:[:：]|[\\-–—](?=\\s|$)|Risk\\b|Severity\\b)`, 'iu');
const ANY_BRACKETED = new RegExp(`[[(（【]\\s*(?:[🔴🟠🟡🟢🔵]\\s*)?(${ALL_WORDS.sort((a, b) => b.length - a.length).join('|')})(?:\\s+(?:fix|severity|risk|priority))?\\s*[\\])）】]`, 'iu');

// `Title (Severity: High)`, `[Risk: Medium]` (firm reports' headings).
const LABELLED = /[[(（]\s*(?:severity|risk|impact|severidad|severidade|sévérité)\s*[:=]\s*([\p{L}-]{2,20})/iu;
// `### 5.1 Title Major ✓` (ConsenSys web reports): a severity badge ends the heading.
// A status badge may follow it: `Medium ✓ Fixed`, `Minor  Acknowledged`.
const TRAILING_BADGE = new RegExp(`\\s(Critical|Major|Medium|Minor|High|Low)\\s*[✓✔]?\\s*(?:(?:${titleStatusSource()})\\s*)?$`, 'iu');

/** A severity word standing alone, e.g. a field value `HIGH - causes …`, `🔴 Critical`, `高`. */
export function severityFromValue(value: string): Severity | null {
  const v = value.replace(/[*_`]/g, '').trim().slice(0, 200);
  const lead = /^[^\p{L}\p{N}]*([\p{L}-]+)/u.exec(v);
  if (lead) {
    const word = lead[1];
    for (const [re, sev] of WORDS) if (wholeMatch(re, word)) return sev;
  }
  const p = /^\W*P([0-4])\b/.exec(v);
  if (p) return priorityLevel(Number(p[1]));
  for (const [emoji, sev] of SEVERITY_EMOJI) if (v.startsWith(emoji)) return sev;
  // `8.1 (High)`, `CVSS 9.8 Critical`: a score first, the word just after it.
  const word = /\b(critical|high|medium|low|informational|info)\b/i.exec(v.split(/\s+/).slice(0, 4).join(' '));
  return word && word[1].toLowerCase() !== lead?.[1].toLowerCase() ? severityFromValue(word[1]) : null;
}

/** The word matches from its start and covers it (a CJK word may be followed by more text: `高危漏洞`). */
function wholeMatch(re: RegExp, word: string): boolean {
  const m = re.exec(word);
  if (m === null || m.index !== 0) return false;
  return CJK.test(m[0]) || m[0].length >= Math.min(word.length, 3) || /^[\p{L}]+$/u.test(word) === false;
}

/**
 * Severity named inside a heading or item title: `CRITICAL: …`, `[HIGH] …`, `… ⚠️ CRITICAL`,
 * `Medium - …`, `🔴 …`, `P1-2`, `TIER 2`, `（🔴 嚴重）`. Words must stand as markers (upper case,
 * bracketed, or followed by `:`/`-`), so that a title such as "High gas usage in loop" is not read as one.
 */
export function severityInTitle(title: string): Severity | null {
  // `2. Medium - title`, `H1: High - title`: look past a leading number or id.
  const t = title.slice(0, 500).replace(/[*_`~]/g, '').replace(/^\W{0,8}(?:\d+(?:\.\d+)*[.)]?|\[?[A-Z]{1,10}-?\d+\]?[.:]?)\s+/u, '');
  // A badge is capitalised (`… Major ✓`): "Fee precision too high" ends in no badge.
  const badge = TRAILING_BADGE.exec(t);
  const marker = ANY_UPPER.exec(t) ?? ANY_LEAD.exec(t) ?? ANY_BRACKETED.exec(t) ?? LABELLED.exec(t) ?? (badge && /^\p{Lu}/u.test(badge[1]) ? badge : null);
  if (marker) return severityFromValue(marker[1]);
  const prio = /(?:^|[\s[(])P([0-3])(?=$|[\s\]):.\-–])/.exec(t);
  if (prio) return priorityLevel(Number(prio[1]));
  for (const [emoji, sev] of SEVERITY_EMOJI) if (t.includes(emoji)) return sev;
  return null;
}

/**
 * Severity of a section heading that groups findings: `## HIGH`, `# High Risk Findings (5)`,
 * `### Medium Priority (Not Fixed)`, `## P0 — Críticos`, `## TIER 1 — CRASH`, `### 🔴 CRITICAL`, `## 🔴 嚴重問題`.
 */
export function severityOfSection(heading: string): Severity | null {
  const t = heading.slice(0, 500).replace(/[*_`~]/g, '');
  const tier = /\bTIER\s*([1-9])\b/i.exec(t);
  if (tier) return priorityLevel(Number(tier[1]) - 1);
  const prio = /(?:^|[\s(])P([0-3])\b/.exec(t);
  if (prio) return priorityLevel(Number(prio[1]));
  let best: { index: number; sev: Severity } | null = null;
  for (const [re, sev] of SECTION_WORDS) {
    const m = re.exec(t);
    // "Non-Critical Findings" is the informational tier, not critical.
    if (m && !(sev === 'critical' && /non[\s-]?critical/i.test(t)) && (best === null || m.index < best.index)) best = { index: m.index, sev };
  }
  if (best) return best.sev;
  for (const [emoji, sev] of SEVERITY_EMOJI) if (t.includes(emoji)) return sev;
  return null;
}

/** Severity implied by an id's letter scheme: C1 / H-01 / M3 / L-2 / I-1 / N-01 / G-01 / HIGH-1. */
export function severityFromId(id: string): Severity | null {
  const word = /^([A-Za-z]{3,13})-?\d/.exec(id);
  if (word) {
    const s = severityFromValue(word[1]);
    if (s) return s;
  }
  const m = /^([A-Z]{1,2})-?\d+$/i.exec(id);
  if (m) return SEVERITY_ID_LETTERS[m[1].toUpperCase()] ?? null;
  const p = /^P([0-3])-\d+$/i.exec(id);
  if (p) return priorityLevel(Number(p[1]));
  return null;
}
