import { FIX_COMMIT_WORDS, REVIEW_COMMIT_WORDS } from '../vocabulary/commitWords';
import { wordsPattern } from '../vocabulary/wordPattern';
import type { Finding } from '../types';

/** A commit a report names, as written (short or full), and what it is. */
export interface RevisionMention {
  rev: string;
  kind: 'review' | 'fix';
  /** 1-based report line. */
  line: number;
}

const REVIEW = wordsPattern(REVIEW_COMMIT_WORDS);
const FIX = wordsPattern(FIX_COMMIT_WORDS);
// A commit id: 7 to 40 hex digits as a word, with at least one digit (so "defaced" or
// "accede" are words, not commits). `/tree/<sha>` and `/commit/<sha>` links are found the same way.
const SHA = /(?<![0-9A-Za-z])(?=[a-f]*[0-9])[0-9a-f]{7,40}(?![0-9A-Za-z])/g;

/**
 * The commits a report names. A line with a fix word names fix commits, wherever it is; a line
 * with a review word names the review commit only outside every finding (in the report's
 * header or scope), since a finding's own "introduced in commit …" is history, not the base.
 * Report text never becomes a revision argument by itself: the adapter checks each one with
 * `git cat-file --batch-check` first.
 */
export function revisionMentions(text: string, findings: readonly Pick<Finding, 'reportRange'>[]): RevisionMention[] {
  const out: RevisionMention[] = [];
  const lines = text.split('\n');
  const inFinding = (line: number): boolean => findings.some((f) => line >= f.reportRange.startLine && line <= f.reportRange.endLine);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 2000) continue;
    const shas = [...l.matchAll(SHA)].map((m) => m[0]);
    if (shas.length === 0) continue;
    const kind: 'review' | 'fix' | null = FIX.test(l) ? 'fix' : REVIEW.test(l) && !inFinding(i + 1) ? 'review' : null;
    if (kind === null) continue;
    for (const rev of new Set(shas)) out.push({ rev, kind, line: i + 1 });
  }
  return out;
}
