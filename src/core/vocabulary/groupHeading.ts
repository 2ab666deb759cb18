import { FINDING_NOUNS, GROUP_FILLER, GROUP_WORDS } from './findingWords';
import { SEVERITY_STEMS, SEVERITY_WORDS } from './severityWords';
import { wordsPattern } from './wordPattern';
import { memoized } from '../memo';

const GROUPING = wordsPattern(
  [...GROUP_WORDS, ...FINDING_NOUNS, ...Object.values(SEVERITY_WORDS).flat(), 'informational', 'gas', 'qa', 'non-critical', 'major', 'minor'],
  'giu',
);
const STEMS = wordsPattern([...Object.values(SEVERITY_STEMS).flat(), 'проблем', 'ошибк', 'приоритет', 'замечан'], 'giu', true);
const FILLER = wordsPattern(GROUP_FILLER, 'giu');

/**
 * Whether a heading only names a group of findings (`## HIGH`, `# High Risk Findings (5)`,
 * `### 🔴 CRITICAL (Must Fix Before Production)`, `## P0 — Críticos`, `## TIER 1 — CRASH`,
 * `## 🔴 嚴重問題（Critical）`) rather than being a finding itself (`### CRITICAL: readDriftAcks race`).
 * It is a group when nothing is left once its grouping words, numbers and marks are taken away.
 */
export const isGroupHeading = memoized(namesGroup);

function namesGroup(plain: string): boolean {
  const t = plain.replace(/[*_`~]/g, '').trim().slice(0, 300);
  if (/^\W*(?:P[0-4]|TIER\s*\d+)\b(?!-\d)/i.test(t)) return true;
  // A colon after the severity word introduces a title: that is a finding.
  if (/^\W*(critical|high|medium|med|low|info)\s*:\s*\S/i.test(t)) return false;
  const bare = t.replace(/\([^()]*\)|（[^（）]*）/g, ' ').toLowerCase();
  let grouping = 0;
  const rest = bare
    .replace(GROUPING, () => {
      grouping++;
      return ' ';
    })
    .replace(STEMS, () => {
      grouping++;
      return ' ';
    });
  if (grouping === 0) return false;
  const residue = rest.replace(FILLER, ' ').replace(STEM_TAIL, ' ');
  return !/\p{L}/u.test(residue);
}

// The rest of a declined Russian word once its stem is taken (`ые`, `ие`, `ая`).
const STEM_TAIL = /(?<![\p{L}])[а-яё]{1,4}(?![\p{L}])/gu;
