import { deepStrictEqual } from 'node:assert';
import { findings } from '../helpers';

// ConsenSys Diligence reports: one key-value table right under each issue heading, or the
// severity and status written after the title.
describe('dialect: ConsenSys per-issue tables', () => {
  it('a header of labels over one row of values (2019 reports): Severity, Status, Remediation Comment', () => {
    const md = [
      '## 5 Issues', '',
      '### 5.1 Two active gatekeepers for one epoch', '', '| Severity     | Status    | Remediation Comment |', '|:------------:|:---------:| ------------------- |', '| Critical | Closed | Fixed in https://github.com/o/r/pull/164 |', '', '#### Description', '', 'x', '',
      '### 5.2 Voters should be able to vote for an empty slate', '', '| Severity     | Status    | Remediation Comment |', '|:------------:|:---------:| ------------------- |', '| Major | Closed | Closed as WontFix. The team prefers no default slate. |', '', '#### Description', '', 'y', '',
      '### 5.3 Require the latest Solidity version', '', '| Severity     | Status    | Remediation Comment |', '|:------------:|:---------:| ------------------- |', '| Minor | Open | |', '', '#### Description', '', 'z', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.title, f.severity, f.status, f.kind]), [
      ['Two active gatekeepers for one epoch', 'critical', 'fixed', 'heading'],
      ['Voters should be able to vote for an empty slate', 'high', 'accepted', 'heading'],
      ['Require the latest Solidity version', 'low', 'open', 'heading'],
    ]);
  });

  it('the table is the issue\'s, not a findings table: its row is not a finding of its own', () => {
    const md = ['## 5 Issues', '', '### 5.1 Anyone can block unlocking', '', '| Severity     | Status    | Remediation Comment |', '|:------------:|:---------:| ------------------- |', '| Critical | Closed | Fixed in https://github.com/o/r/pull/153 |', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.kind), ['heading']);
  });

  it('severity and status after the title (2020 reports): `Major ✓ Fixed`, `Won\'t Fix`', () => {
    const md = [
      '## 4 Issues', '',
      '### 4.1 Removing an owner does not work in `PersonalAccountRegistry` Major ✓', 'Fixed', '', '#### Resolution', '', 'Comment from the client: The issue has been solved', '',
      '### 4.2 Usage of re-entrancy guard  Won\'t Fix', '', '#### Resolution', '', 'Comment from the client: Additional protection is not needed.', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.severity, f.status]), [['high', 'fixed'], [null, 'accepted']]);
  });
});
