import { deepStrictEqual } from 'node:assert';
import { isReportPath } from '../../src/core';

describe('default report globs', () => {
  it('Markdown files named for audits, reviews, findings, security or vulnerabilities, in any case', () => {
    const yes = ['AUDIT.md', 'docs/Security_Review.md', 'PRODUCTION_AUDIT.md', 'x/code-review-findings.markdown', 'VULNERABILITIES.md', 'a/b/bug-Finding-3.md'];
    deepStrictEqual(yes.filter((p) => !isReportPath(p)), []);
  });

  it('every Markdown file in an audit(s), review(s), finding(s) or security folder', () => {
    const yes = ['audits/2026-q1.md', 'docs/reviews/sprint.md', 'Security/notes.md', 'findings/x/y.md'];
    deepStrictEqual(yes.filter((p) => !isReportPath(p)), []);
  });

  it('nothing else, and never in dependencies or build output', () => {
    const no = ['README.md', 'CHANGELOG.md', 'audit.txt', 'node_modules/pkg/AUDIT.md', '.git/audit.md', 'dist/review.md', 'build/security.md', 'src/reviewer.ts'];
    deepStrictEqual(no.filter((p) => isReportPath(p)), []);
  });
});
