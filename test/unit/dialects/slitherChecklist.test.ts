import { deepStrictEqual } from 'node:assert';
import { findings, locs } from '../helpers';

// Slither's `--checklist` Markdown: a summary of detectors, then one section per detector with
// `Impact:` / `Confidence:` lines and one `- [ ] ID-N` item per result.
describe('dialect: Slither checklists', () => {
  const md = [
    'Summary',
    ' - [arbitrary-send-eth](#arbitrary-send-eth) (1 results) (High)',
    ' - [divide-before-multiply](#divide-before-multiply) (2 results) (Medium)',
    '## arbitrary-send-eth',
    'Impact: High',
    'Confidence: Medium',
    ' - [ ] ID-0',
    '[Vault._fillQuote(IERC20,uint256,bytes)](src/Vault.sol#L581-L602) sends eth to arbitrary user',
    '\tDangerous calls:',
    '\t- [(success,None) = address(exchangeProxy).call{value: 0}(_swapCallData)](src/Vault.sol#L593)',
    '',
    'src/Vault.sol#L581-L602',
    '',
    '',
    '## divide-before-multiply',
    'Impact: Medium',
    'Confidence: Medium',
    ' - [ ] ID-1',
    '[Math.mulDiv(uint256,uint256,uint256)](src/Math.sol#L123-L202) performs a multiplication on the result of a division:',
    '\t- [denominator = denominator / twos](src/Math.sol#L169)',
    '',
    'src/Math.sol#L123-L202',
    '',
    '',
    ' - [x] ID-2',
    '[Pool.price()](src/Pool.sol#L40-L48) performs a multiplication on the result of a division:',
    '\t- [p = a / b * c](src/Pool.sol#L44)',
    '',
    'src/Pool.sol#L40-L48',
    '',
  ].join('\n');

  // The summary lines (2-3) repeat the detectors; the corpus annotation lets a reader count them
  // either way (`optional`), so only the results below them are held to an exact list here.
  const results = () => findings(md).filter((f) => f.reportRange.startLine > 3);

  it('each ID-N item is a finding with the severity of its detector\'s Impact line', () => {
    deepStrictEqual(results().map((f) => [f.reportId, f.severity, f.kind]), [['ID-0', 'high', 'listItem'], ['ID-1', 'medium', 'listItem'], ['ID-2', 'medium', 'listItem']]);
  });

  it('a ticked result is fixed, an unticked one open', () => {
    deepStrictEqual(results().map((f) => f.status), ['open', 'open', 'fixed']);
  });

  it('locations come from the result\'s links', () => {
    const f = results();
    deepStrictEqual(locs(f[0]), ['src/Vault.sol:581-602', 'src/Vault.sol:593-593']);
    deepStrictEqual(locs(f[2]), ['src/Pool.sol:40-48', 'src/Pool.sol:44-44']);
  });
});
