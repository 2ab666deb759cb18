import type { Severity } from './types';

// Words as reports write them, in English and in the other languages seen in real reports.
const WORDS: ReadonlyArray<[RegExp, Severity]> = [
  [/\b(critical|crit|cr[ií]tic[oa]s?|critique|blocker)\b|критич/iu, 'critical'],
  [/\b(high|alt[oa]s?|[ée]lev[ée]e?)\b|высок/iu, 'high'],
  [/\b(medium|med|moderate|medi[oa]|m[ée]dio|moyen(ne)?)\b|средн/iu, 'medium'],
  [/\b(low|baj[oa]|baix[oa]|faible|minor)\b|низк/iu, 'low'],
  [/\b(info|informational|gas|non-critical|qa)\b/iu, 'info'],
];

const EMOJI: ReadonlyArray<[string, Severity]> = [
  ['🔴', 'critical'],
  ['🚨', 'critical'],
  ['🟠', 'high'],
  ['🟡', 'medium'],
  ['🟢', 'low'],
  ['🔵', 'info'],
  ['ℹ️', 'info'],
];

/** A severity word standing alone, e.g. a field value `HIGH - causes …` or `🔴 Critical`. */
export function severityFromValue(value: string): Severity | null {
  const v = value.replace(/[*_`]/g, '').trim();
  const lead = /^\W*([\p{L}-]+)/u.exec(v);
  if (lead) {
    const word = lead[1];
    for (const [re, sev] of WORDS) if (re.test(word) && wholeMatch(re, word)) return sev;
  }
  const p = /^\W*P([0-4])\b/.exec(v);
  if (p) return priorityLevel(Number(p[1]));
  for (const [emoji, sev] of EMOJI) if (v.startsWith(emoji)) return sev;
  // `8.1 (High)`, `CVSS 9.8 Critical`: a score first, the word just after it.
  const word = /\b(critical|high|medium|low|informational|info)\b/i.exec(v.split(/\s+/).slice(0, 4).join(' '));
  return word && word[1].toLowerCase() !== lead?.[1].toLowerCase() ? severityFromValue(word[1]) : null;
}

function wholeMatch(re: RegExp, word: string): boolean {
  const m = re.exec(word);
  return m !== null && m[0].length >= Math.min(word.length, 3);
}

function priorityLevel(n: number): Severity {
  return (['critical', 'high', 'medium', 'low', 'info'] as const)[Math.min(n, 4)];
}

/**
 * Severity named inside a heading or item title: `CRITICAL: …`, `[HIGH] …`, `… ⚠️ CRITICAL`,
 * `Medium - …`, `🔴 …`, `P1-2`, `TIER 2`. Words must stand as markers (upper case, bracketed,
 * or followed by `:`/`-`), so that a title such as "High gas usage in loop" is not read as one.
 */
export function severityInTitle(title: string): Severity | null {
  // `2. Medium - title`, `H1: High - title`: look past a leading number or id.
  const t = title.replace(/[*_`~]/g, '').replace(/^\W*(?:\d+(?:\.\d+)*[.)]?|\[?[A-Z]{1,10}-?\d+\]?[.:]?)\s+/u, '');
  const marker =
    /(?:^|[\s[(|])(CRITICAL|CRITICO|CRÍTICO|HIGH|MEDIUM|MED|LOW|INFO|INFORMATIONAL|ALTO|MEDIO|BAJO)(?=$|[\s\]):|.,-])/u.exec(t) ??
    /^\W*(Critical|High|Medium|Low|Informational|Info)\s*(?:[:\-–—]|Risk\b|Severity\b)/u.exec(t) ??
    /\[(critical|high|medium|low|info|informational)\]/iu.exec(t) ??
    /\((critical|high|medium|low)(?:\s+(?:fix|severity|risk|priority))?\)/iu.exec(t);
  if (marker) return severityFromValue(marker[1]);
  const prio = /(?:^|[\s[(])P([0-3])(?=$|[\s\]):.\-–])/.exec(t);
  if (prio) return priorityLevel(Number(prio[1]));
  for (const [emoji, sev] of EMOJI) if (t.includes(emoji)) return sev;
  return null;
}

/**
 * Severity of a section heading that groups findings: `## HIGH`, `# High Risk Findings (5)`,
 * `### Medium Priority (Not Fixed)`, `## P0 — Críticos`, `## TIER 1 — CRASH`, `### 🔴 CRITICAL`.
 */
export function severityOfSection(heading: string): Severity | null {
  const t = heading.replace(/[*_`~]/g, '');
  const tier = /\bTIER\s*([1-9])\b/i.exec(t);
  if (tier) return priorityLevel(Number(tier[1]) - 1);
  const prio = /(?:^|[\s(])P([0-3])\b/.exec(t);
  if (prio) return priorityLevel(Number(prio[1]));
  for (const [re, sev] of WORDS) {
    const m = re.exec(t);
    // "Non-Critical Findings" is the informational tier, not critical.
    if (m && !(sev === 'critical' && /non-?critical/i.test(t))) return sev;
  }
  for (const [emoji, sev] of EMOJI) if (t.includes(emoji)) return sev;
  return null;
}

/** Severity implied by an id's letter scheme: C1 / H-01 / M3 / L-2 / I-1 / N-01 / G-01 / HIGH-1. */
export function severityFromId(id: string): Severity | null {
  const word = /^(CRITICAL|HIGH|MEDIUM|MED|LOW|INFO)-?\d/i.exec(id);
  if (word) return severityFromValue(word[1]);
  const m = /^([CHMLING])-?\d+$/i.exec(id);
  if (m) {
    const letter = m[1].toUpperCase();
    return ({ C: 'critical', H: 'high', M: 'medium', L: 'low', I: 'info', N: 'info', G: 'info' } as const)[letter] ?? null;
  }
  const p = /^P([0-3])-\d+$/i.exec(id);
  if (p) return priorityLevel(Number(p[1]));
  return null;
}
