import { severityOfSection } from './severity';
import { statusOfSection } from './status';
import type { Severity, Status } from '../types';
import { DEFECT, PRAISE_WORDS } from './findingWords';
import { SECTION_WORDS } from './sectionWords';
import { wordsPattern } from './wordPattern';
import { memoized } from '../memo';

/** What a non-finding heading says about the headings, items and tables beneath it. */
export interface SectionKind {
  /** The section says it holds findings or open work. */
  findings: boolean;
  /** Procedural or metadata: steps, plans, checklists, changed files, references, summaries. */
  procedural: boolean;
  /** A summary or statistics section, whose tables repeat the findings. */
  summary: boolean;
  /** Praise: "What's Working Well", "Strengths", "Positive Findings". */
  positive: boolean;
  severity: Severity | null;
  status: Status | null;
}

const pattern = (words: readonly string[], stems: readonly string[] = []): RegExp =>
  new RegExp([wordsPattern(words).source, ...(stems.length > 0 ? [wordsPattern(stems, 'iu', true).source] : [])].join('|'), 'iu');
const FINDINGS = pattern(SECTION_WORDS.findings, SECTION_WORDS.findingsStems);
const NAMES_FINDINGS = pattern(SECTION_WORDS.findingNames);
const NOT_FINDINGS = pattern(SECTION_WORDS.notFindings);
const PROCEDURAL = pattern(SECTION_WORDS.procedural, SECTION_WORDS.proceduralStems);
const ALWAYS_PROCEDURAL = pattern(SECTION_WORDS.alwaysProcedural);
const SUMMARY = pattern(SECTION_WORDS.summary);
const OPEN_WORK = pattern(SECTION_WORDS.openWork);
const FIX_GROUP = pattern(SECTION_WORDS.fixGroup);
const POSITIVE = wordsPattern(PRAISE_WORDS);

/** Whether a short title uses a word that names findings (the first test of `classifySection`, alone). */
export const mayNameFindings = memoized(namesFindingsWord);

function namesFindingsWord(title: string): boolean {
  return FINDINGS.test(title.replace(/[*_`~]/g, ''));
}

/** What a section's heading says it holds; asked again for every item under it, so remembered. */
export const classifySection = memoized(classifyHeading);

function classifyHeading(heading: string): SectionKind {
  const t = heading.replace(/[*_`~]/g, '');
  // Procedural headings are short ("Deployment Steps", "Files Changed"); a long title that
  // happens to say "scope" or "test" is a finding's title.
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  // "Findings Explanation" is procedural whatever it names; "High Priority Issues" is not.
  const namesFindings = NAMES_FINDINGS.test(t);
  // "Medium Priority (Not Fixed)" groups findings by severity; "Priority" alone is a plan.
  const severity = severityOfSection(t);
  // "7. unwrap()/expect() Usage" is about that code, not the report's own usage notes; "Stale cache
  // after deploy" names a defect, not a deployment procedure.
  const namesCode = /[\w$]\(\)/.test(t);
  const procedural =
    words <= 5 && (ALWAYS_PROCEDURAL.test(t) || (PROCEDURAL.test(t) && !namesFindings && !namesCode && !DEFECT.test(t) && severity === null && !OPEN_WORK.test(t)));
  return {
    // A heading names a group of findings in a few words ("Known Issues", "Remaining from Audit");
    // a long title that mentions a bug ("Skill System Overhaul + index_project Bug Fix") is a topic.
    // A procedure's gaps or risks ("Testing Gaps", "Deployment Risks") are its own topic, not findings.
    findings: words <= 5 && (FINDINGS.test(t) || severity !== null) && !procedural && !POSITIVE.test(t) && !NOT_FINDINGS.test(t),
    procedural,
    summary: SUMMARY.test(t),
    positive: POSITIVE.test(t),
    severity,
    status: statusOfSection(t) ?? (severity !== null && FIX_GROUP.test(t) ? 'fixed' : null),
  };
}
