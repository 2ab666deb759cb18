import { LOCATION_LABELS } from '../markdown/fields';
import { LOCATION_WORDS } from './locationWords';

const LABELS = new Set([...LOCATION_LABELS, ...LOCATION_WORDS.filter(([, role]) => role === 'location').map(([w]) => w)]);
const FIX_WORDS = LOCATION_WORDS.filter(([, role]) => role === 'fix').map(([w]) => w);
const PROBLEM_WORDS = LOCATION_WORDS.filter(([, role]) => role === 'problem').map(([w]) => w);

function plainLabel(label: string): string {
  return label.replace(/[*_`#]/g, '').trim().toLowerCase();
}

/** Whether a field label (`File`, `**Arquivos**`, `位置`, `Files Created`) introduces locations. */
export function isLocationLabel(label: string): boolean {
  if (label.length > 40) return false;
  return LABELS.has(plainLabel(label));
}

/** What a label or sub-heading over a code block says of it: the fix, the problem, or neither. */
export function snippetRole(label: string): 'fix' | 'problem' | null {
  const l = plainLabel(label.slice(0, 80));
  if (FIX_WORDS.some((w) => l.startsWith(w))) return 'fix';
  if (PROBLEM_WORDS.some((w) => l.startsWith(w))) return 'problem';
  return null;
}
