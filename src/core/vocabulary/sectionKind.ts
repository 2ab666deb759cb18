import { severityOfSection } from './severity';
import { statusOfSection } from './status';
import type { Severity, Status } from '../types';
import { PRAISE_WORDS } from './findingWords';
import { wordsPattern } from './wordPattern';

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

const FINDINGS = /\b(findings?|issues?|bugs?|vulnerabilit(y|ies)|problems?|concerns?|weakness(es)?|risks?|defects?|flaws?|observations?|remaining|not fixed|still pending|open items|next priorities|remaining from audit|known issues|fixes|blockers?|hallazgos|problemas|achados|riesgos|riscos|bloqueadores|bloqueantes|проблем|ошибк|critical|high|medium|low|tier\s*\d|p[0-3]\b|severity)\b|проблем/iu;
const PROCEDURAL = /(?<![\p{L}\p{N}])(deploy(ment)?|rollback|roll-back|verification|verify|verified|testing|tests?|test plan|checklist|files? changed|changed files|files? modified|commits?|references?|credits?|acknowledg(e)?ments?|statistics|stats|metrics|table of contents|contents|toc|scope|methodology|approach|about|disclaimer|appendix|glossary|timeline|how to|usage|setup|installation|changelog|next steps|sign-?off|overview|introduction|conclusion|executive|severity (criteria|classification|definitions?)|risk classification|coverage|project profile|wardens|audit scope|recommended actions|action items|action plan|roadmap|how to verify|priority|priorities|recommendations?|explanation|classification|definitions?|plan|phase|sprint|week|implementation order|план\S*|недел\S*)(?![\p{L}])/iu;
const ALWAYS_PROCEDURAL = /\b(explanation|classification|definitions?|methodology|severity criteria|deployment|rollback|files? changed|changed files|commits|references|credits|table of contents|disclaimer|appendix|glossary|how to verify)\b/i;
const SUMMARY = /\b(summary|statistics|stats|overview|matrix|counts?|metrics|table of contents|scoreboard|dashboard)\b/i;
const POSITIVE = wordsPattern(PRAISE_WORDS);

export function classifySection(heading: string): SectionKind {
  const t = heading.replace(/[*_`~]/g, '');
  // Procedural headings are short ("Deployment Steps", "Files Changed"); a long title that
  // happens to say "scope" or "test" is a finding's title.
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  // "Findings Explanation" is procedural whatever it names; "High Priority Issues" is not.
  const namesFindings = /\b(findings?|issues?|bugs?|vulnerabilit(y|ies)|problems?)\b/i.test(t);
  // "Medium Priority (Not Fixed)" groups findings by severity; "Priority" alone is a plan.
  const severity = severityOfSection(t);
  const procedural =
    words <= 5 && (ALWAYS_PROCEDURAL.test(t) || (PROCEDURAL.test(t) && !namesFindings && severity === null && !/\bnext priorities\b/i.test(t)));
  return {
    // A heading names a group of findings in a few words ("Known Issues", "Remaining from Audit");
    // a long title that mentions a bug ("Skill System Overhaul + index_project Bug Fix") is a topic.
    findings: words <= 5 && FINDINGS.test(t) && !POSITIVE.test(t) && !/\bnot (bugs?|issues?|findings?|problems?)\b/i.test(t),
    procedural,
    summary: SUMMARY.test(t),
    positive: POSITIVE.test(t),
    severity,
    status: statusOfSection(t),
  };
}
