import { deepStrictEqual } from 'node:assert';
import { findings } from '../helpers';

// Code4rena and Sherlock reports: the sponsor's line under a finding gives its status; the
// judge's comments and wardens' escalations do not.
describe('dialect: contest sponsor lines', () => {
  it('Code4rena: "confirmed" alone is still open, "sponsor confirmed and resolved" fixed', () => {
    const md = [
      '# High Risk Findings (2)', '',
      '## [[H-01] Loss of funds on early exit](https://github.com/code-423n4/x/issues/1)', '', 'x', '', '**[alice (Acme) confirmed](https://github.com/code-423n4/x/issues/1#c1)**', '',
      '## [[H-02] Fee can be set to 100%](https://github.com/code-423n4/x/issues/2)', '', 'y', '', '**[alice (Acme) confirmed and resolved](https://github.com/code-423n4/x/issues/2#c1)**', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.reportId, f.severity, f.status]), [['H-01', 'high', 'open'], ['H-02', 'high', 'fixed']]);
  });

  it('the judge\'s comment does not decide: a disputed finding the judge "confirmed" stays disputed', () => {
    const md = ['## [[M-01] Rounding favours the user](https://github.com/code-423n4/x/issues/3)', '', 'x', '', '**[bob (Judge) confirmed](https://github.com/code-423n4/x/issues/3#c2)**', '', '**[alice (Acme) disputed](https://github.com/code-423n4/x/issues/3#c1)**', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => f.status), ['false_positive']);
  });

  it('Sherlock: "The protocol team fixed this issue" under `# Issue M-1:`; an escalation alone gives no status', () => {
    const md = [
      '# Issue M-1: Vault share price can be inflated', '', 'Source: https://github.com/sherlock-audit/x/issues/12', '', '## Summary', '', 'x', '', '## Discussion', '', '**sherlock-admin4**', '', 'The protocol team fixed this issue in the following PRs/commits:', 'https://github.com/o/r/pull/9', '',
      '# Issue M-2: Missing slippage check on redeem', '', 'Source: https://github.com/sherlock-audit/x/issues/13', '', '## Discussion', '', '**carol**', '', 'Escalate', '', 'This should be high.', '',
    ].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.reportId, f.severity, f.status]), [['M-1', 'medium', 'fixed'], ['M-2', 'medium', 'open']]);
  });
});
