import type { Candidate } from './candidate';
import type { Finding } from '../types';

/**
 * Makes every finding's id unique in its report without depending on the findings around it:
 * the report's own id where it has one; otherwise a slug of the title. Ids that repeat
 * (numbering restarted in each section, or the same id twice) are qualified by the
 * finding's severity or section, and only a true tie falls back to a counter.
 */
export function assignIds(findings: Finding[], candidates: Candidate[]): void {
  findings.forEach((f) => {
    if (f.id === '') f.id = slugId(f.title);
  });
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const key = f.id.toLowerCase();
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // The first qualifier that tells every member apart: severity, then the section's name
    // in one, two or three words.
    // A section's words are read once for all three qualifiers that use them.
    const words = new Map<number, string[]>();
    const sectionWords = (i: number): string[] => {
      let w = words.get(i);
      if (w === undefined) words.set(i, (w = slugWords(candidates[i].section, 3)));
      return w;
    };
    const options: Array<(i: number) => string> = [
      (i) => findings[i].severity ?? '',
      (i) => joinSlug(sectionWords(i), 1),
      (i) => joinSlug(sectionWords(i), 2),
      (i) => joinSlug(sectionWords(i), 3),
    ];
    // A qualifier fails at its first empty or repeated value: in a report that repeats one title
    // under one heading a hundred thousand times, that is the second member, not the last.
    const pick = options.find((q) => {
      const seen = new Set<string>();
      for (const i of members) {
        const v = q(i);
        if (v === '' || seen.has(v)) return false;
        seen.add(v);
      }
      return true;
    });
    if (pick) for (const i of members) findings[i].id = `${pick(i)}/${findings[i].id}`;
  }
  // A true tie takes the first free counter: `same`, `same-2` and a second `same-2` become
  // `same`, `same-2` and `same-2-2`, never two findings with one id.
  // Each id remembers the counter it reached: counting up from 2 again for every repeat is quadratic
  // in a report that repeats one title thousands of times.
  const taken = new Set<string>();
  const nextFree = new Map<string, number>();
  for (const f of findings) {
    const base = f.id.toLowerCase();
    let id = f.id;
    if (taken.has(base)) {
      let n = nextFree.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      id = `${f.id}-${n}`;
      nextFree.set(base, n + 1);
    }
    taken.add(id.toLowerCase());
    f.id = id;
  }
}

function slugId(title: string): string {
  return slug(title, 6) || 'finding';
}

function slug(text: string, words: number): string {
  return joinSlug(slugWords(text, words), words);
}

/** The first `words` words of a text, lower case, accents and punctuation gone. */
function slugWords(text: string, words: number): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .slice(0, words);
}

function joinSlug(words: readonly string[], count: number): string {
  return words.slice(0, count).join('-').slice(0, 48).replace(/-+$/, '');
}
