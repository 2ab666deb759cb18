/**
 * Words that say what a commit named in a report is: the commit that was reviewed (the base the
 * report's line numbers were written against) or a commit that fixed something (never a base).
 * One list per meaning; `revisionMentions` builds its patterns from these only. Each entry names
 * the report format it serves. Matched lower-cased, as whole words.
 */

/** A commit named with these words was reviewed: its lines are the report's lines. */
export const REVIEW_COMMIT_WORDS = [
  'commit', // `**Commit:** 2683ee0` (session logs, go-chat-chattorumu-improvements-applied.md)
  'commit hash', // `Commit Hash: 8803f851…` (Cyfrin course reports)
  'reviewed commit', // `**Reviewed commit:** \`c1bd24a\` on \`main\`` (Pashov agentic audits)
  'review commit', // `**Review commit hash:** [ed0871](…/tree/ed0871…)` (Pashov security reviews)
  'review commit hash',
  'audited commit', // `Audited commit: …` (scope sections of firm reports)
  'commit reviewed',
  'the latest commit', // "the latest commit [ed0871…](…/tree/ed0871…)" (yAudit scope paragraphs)
  'revision', // `Revision: 4f2a…` (scope tables)
  'repository', // `| Repository | github.com/… - main - c1bd24a |` (scope tables naming repo, branch, commit)
  'scope', // `Scope: … @ c1bd24a`
  'base commit',
  'commit reviewé', 'commit revisado', 'geprüfter commit', 'коммит', '提交', 'コミット',
];

/**
 * A commit named with these words fixed something; checked before the review words, so that
 * "Fixes review commit hash" and "fixed in commit f3e83c5" are fix commits.
 */
export const FIX_COMMIT_WORDS = [
  'fixed in', // "Fixed in commit `f3e83c5`" (Pashov agentic audits, finding bodies)
  'fixes review commit', // `**Fixes review commit hash:**` (Pashov security reviews)
  'fix commit', 'fix review', 'fixes', 'fixed', 'fix', // "fixed this issue in the following PRs/commits" (Sherlock)
  'resolved in', 'resolved', 'mitigated in', 'mitigation', 'mitigated', 'remediated in', 'remediation', 'addressed in', 'patched in', 'patch',
  'corregido en', 'corrigé dans', 'behoben in', 'исправлено в', '修复于', '修正',
];
