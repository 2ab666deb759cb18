import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { DEFAULT_INCLUDE, isReportPath } from '../../src/core';
import { anyCaseGlob } from '../../src/core/reportGlobs';

describe('default report globs', () => {
  it('Markdown files named for audits, reviews, findings, security or vulnerabilities, in any case', () => {
    const yes = ['AUDIT.md', 'docs/Security_Review.md', 'PRODUCTION_AUDIT.md', 'x/code-review-findings.markdown', 'VULNERABILITIES.md', 'a/b/bug-Finding-3.md', 'SecAudit.MD', 'notes/AuDiT-log.Markdown'];
    deepStrictEqual(yes.filter((p) => !isReportPath(p)), []);
  });

  it('every Markdown file in an audit(s), review(s), finding(s) or security folder, in any case', () => {
    const yes = ['audits/2026-q1.md', 'docs/reviews/sprint.md', 'Security/notes.md', 'findings/x/y.md', 'AUDITS/q2.md', 'ReViews/a.MD'];
    deepStrictEqual(yes.filter((p) => !isReportPath(p)), []);
  });

  it('nothing else, and never in dependencies or build output', () => {
    const no = ['README.md', 'CHANGELOG.md', 'audit.txt', 'node_modules/pkg/AUDIT.md', '.git/audit.md', 'dist/review.md', 'build/security.md', 'src/reviewer.ts', 'auditors/list.txt'];
    deepStrictEqual(no.filter((p) => isReportPath(p)), []);
  });

  it('reads plainly: lower-case words, no character classes', () => {
    deepStrictEqual(DEFAULT_INCLUDE.filter((g) => /[[\]A-Z]/.test(g)), []);
  });

  it('a glob the user writes is matched in any case as well', () => {
    strictEqual(isReportPath('Docs/PenTest-2026.MD', ['docs/pentest-*.md']), true);
    strictEqual(isReportPath('docs/other.md', ['docs/pentest-*.md']), false);
  });
});

describe('anyCaseGlob, for workspaceContains: activation events', () => {
  it('writes each letter as a class and keeps the glob syntax', () => {
    strictEqual(anyCaseGlob('**/*audit*.{md,markdown}'), '**/*[aA][uU][dD][iI][tT]*.{[mM][dD],[mM][aA][rR][kK][dD][oO][wW][nN]}');
    strictEqual(anyCaseGlob('docs/[Rr]eport-1.md'), '[dD][oO][cC][sS]/[Rr][eE][pP][oO][rR][tT]-1.[mM][dD]');
  });

  it('matches case-sensitively exactly what the default globs match in any case', () => {
    const paths = ['AUDIT.md', 'docs/Security_Review.MD', 'Findings/x.markdown', 'REVIEWS/a/b.Md', 'README.md', 'src/reviewer.ts', 'auditors/x.txt', 'docs/Vulnerabilities.md'];
    for (const glob of DEFAULT_INCLUDE) {
      const sensitive = picomatch(anyCaseGlob(glob), { dot: true });
      const anyCase = picomatch(glob, { dot: true, nocase: true });
      deepStrictEqual(paths.filter((p) => sensitive(p)), paths.filter((p) => anyCase(p)), glob);
    }
  });

  it('package.json activates on every default glob, in any case', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { activationEvents: string[] };
    deepStrictEqual(
      DEFAULT_INCLUDE.filter((g) => !manifest.activationEvents.includes(`workspaceContains:${anyCaseGlob(g)}`)),
      [],
    );
  });
});
