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
  const words = t
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((w) => w !== '' && w !== '-');
  return words.length > 0 && words.every(isGroupWord) && words.some((w) => !FILLER.has(w));
}

// Words of headings that group findings by severity, priority or state, in the languages seen.
const GROUP_WORDS = new Set(
  ('critical high medium med low info informational gas non-critical qa minor major severity risk risks priority ' +
    'priorities level finding findings issue issues bug bugs vulnerability vulnerabilities problem problems fixes ' +
    'item items concern concerns not fixed remaining open still pending resolved must fix should nice have other ' +
    'optimization optimizations recommendation recommendations warning warnings note notes ' +
    'crítico crítica críticos críticas critico critica criticos criticas alto alta altos altas prioridade prioridad ' +
    'médio média medio media médios medios baixo baixa bajo baja problemas').split(' '),
);
const FILLER = new Set(['and', 'or', 'to', 'other', 'not', 'still', 'must', 'should', 'nice', 'have', 'level']);
const STEMS = ['критическ', 'высок', 'средн', 'низк', 'проблем', 'ошибк', 'приоритет'];

function isGroupWord(w: string): boolean {
  return GROUP_WORDS.has(w) || FILLER.has(w) || STEMS.some((s) => w.startsWith(s));
}
