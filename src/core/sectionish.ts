/**
 * Whether a heading only names a group of findings (`## HIGH`, `# High Risk Findings (5)`,
 * `### 🔴 CRITICAL (Must Fix Before Production)`, `## P0 — Críticos`, `## TIER 1 — CRASH`)
 * rather than being a finding itself (`### CRITICAL: readDriftAcks race`).
 */
export function isGroupHeading(plain: string): boolean {
  const t = plain.replace(/[*_`~]/g, '').trim();
  if (/^\W*(?:P[0-4]|TIER\s*\d+)\b(?!-\d)/i.test(t)) return true;
  // A colon after the severity word introduces a title: that is a finding.
  if (/^\W*(critical|high|medium|med|low|info)\s*:\s*\S/i.test(t)) return false;
  const rest = t
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(GROUP_WORDS, ' ')
    .replace(/[\d\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  return rest === '' && ANY_GROUP_WORD.test(t);
}

const GROUP_WORDS = new RegExp(
  [
    'critical', 'high', 'medium', 'med', 'low', 'info', 'informational', 'gas', 'non-critical', 'qa', 'minor', 'major',
    'severity', 'risk', 'risks', 'priority', 'priorities', 'level', 'findings?', 'issues?', 'bugs?', 'vulnerabilit(?:y|ies)',
    'problems?', 'fixes', 'items?', 'concerns?', 'not fixed', 'remaining', 'open', 'still pending', 'pending', 'fixed', 'resolved',
    'and', 'or', 'must fix', 'should fix', 'nice to have', 'other', 'optimizations?', 'recommendations?', 'warnings?', 'notes?',
    'cr[ií]tic[oa]s?', 'alt[oa]s?', 'altas?', 'prioridade', 'prioridad', 'm[ée]di[oa]s?', 'baix[oa]s?', 'baj[oa]s?', 'problemas',
    'критическ\\S*', 'высок\\S*', 'средн\\S*', 'низк\\S*', 'проблем\\S*', 'ошибк\\S*', 'приоритет\\S*',
  ]
    .map((w) => `(?<![\\p{L}])${w}(?![\\p{L}])`)
    .join('|'),
  'giu',
);

const ANY_GROUP_WORD = new RegExp(GROUP_WORDS.source, 'iu');
