import type { Severity } from '../types';

/**
 * Severity words as reports write them, one table per level, in English, Spanish, Portuguese,
 * French, German, Russian (stems: the words decline), Chinese and Japanese. Every severity
 * pattern of the reader is built from this table (see ../severity.ts).
 */
export const SEVERITY_WORDS: Readonly<Record<Severity, readonly string[]>> = {
  critical: [
    'critical', 'crit', 'blocker', 'showstopper', 'crítico', 'crítica', 'críticos', 'críticas', 'critico', 'critica',
    'criticos', 'criticas', 'critique', 'critiques', 'kritisch', 'kritische', '致命', '严重', '嚴重', '紧急', '緊急',
  ],
  high: ['high', 'major', 'alto', 'alta', 'altos', 'altas', 'élevé', 'élevée', 'elevé', 'haute', 'hoch', 'hohe', '高', '高危', '重大', '重要'],
  medium: [
    'medium', 'med', 'moderate', 'medio', 'media', 'médio', 'média', 'medios', 'medias', 'moyen', 'moyenne', 'mittel',
    'mittlere', '中', '中等', '中危', '中程度',
  ],
  low: ['low', 'minor', 'bajo', 'baja', 'bajos', 'bajas', 'baixo', 'baixa', 'faible', 'niedrig', 'niedrige', '低', '低危', '轻微', '輕微', '軽微'],
  info: [
    'info', 'informational', 'information', 'note', 'gas', 'optimization', 'qa', 'non-critical', 'noncritical', 'informativo',
    'informativa', 'informatif', 'informative', 'informativ', '信息', '提示', '参考', '情報',
  ],
};

/** Russian severity stems: `критическая`, `высокий`, `средний`, `низкий` and their forms. */
export const SEVERITY_STEMS: Readonly<Record<Severity, readonly string[]>> = {
  critical: ['критич', 'блокир'],
  high: ['высок', 'серьезн', 'серьёзн'],
  medium: ['средн', 'умерен'],
  low: ['низк', 'незначител'],
  info: ['информац'],
};

/** Emoji of the colour scale that agent reviews use for severity. */
export const SEVERITY_EMOJI: ReadonlyArray<readonly [string, Severity]> = [
  ['🔴', 'critical'],
  ['🚨', 'critical'],
  ['🟠', 'high'],
  ['🟡', 'medium'],
  ['🟢', 'low'],
  ['🔵', 'info'],
  ['ℹ️', 'info'],
];

/** The letters of id schemes that carry severity: C1, H-01, M3, L-2, I-1, N-01 / NC-01 (non-critical), G-01 / GAS-1 (gas), Q-1 (QA). */
export const SEVERITY_ID_LETTERS: Readonly<Record<string, Severity>> = { C: 'critical', H: 'high', M: 'medium', L: 'low', I: 'info', N: 'info', NC: 'info', G: 'info', Q: 'info', QA: 'info' };
/** Letters a severity column writes alone (`| H | (HAL-14) … |`); `U` is unrated. */
export const SEVERITY_LETTERS: Readonly<Record<string, Severity>> = { C: 'critical', H: 'high', M: 'medium', L: 'low', I: 'info' };

/** Priority scales: P0 is critical … P3 low (P4 info); `TIER 1` is critical … `TIER 5+` info. */
export function priorityLevel(n: number): Severity {
  return (['critical', 'high', 'medium', 'low', 'info'] as const)[Math.max(0, Math.min(n, 4))];
}

/** Severity words that may stand in brackets after a title (`(Medium)`, `(Severity: High)`), in the eight languages. */
export const SEVERITY_TITLE_WORDS: readonly string[] = Object.values(SEVERITY_WORDS)
  .flat()
  .filter((w) => w.length > 2 && !['note', 'gas', 'information', 'media', 'haute'].includes(w));

/** Level names that Code4rena QA reports number as ids: `Low 01`, `[Non Critical-09]`, `NC-3`. */
export const LEVEL_ID_WORDS = 'Low|Medium|High|Critical|Non[- ]?Critical|Informational|Info|Gas|QA';
