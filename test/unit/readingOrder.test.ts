import { deepStrictEqual } from 'node:assert';
import { readingOrder } from '../../src/extension/readingOrder';

describe('the order a scan reads reports in', () => {
  const reports = [
    'audits/global-audit.md',
    'services/auth/audits/a-audit.md',
    'services/billing/audits/b1-audit.md',
    'services/billing/audits/b2-audit.md',
    'services/billing/docs/security/old.md',
  ];

  it('reads them as listed when no editor shows a file', () => {
    deepStrictEqual(readingOrder(reports, []), reports);
  });

  it("reads first the reports of the shown file's service, the nearest folder first, then the rest as listed", () => {
    deepStrictEqual(readingOrder(reports, ['services/billing/src/pay.ts']), [
      'services/billing/audits/b1-audit.md',
      'services/billing/audits/b2-audit.md',
      'services/billing/docs/security/old.md',
      'services/auth/audits/a-audit.md',
      'audits/global-audit.md',
    ]);
  });

  it('reads a shown report before everything else', () => {
    deepStrictEqual(readingOrder(reports, ['services/billing/audits/b2-audit.md'])[0], 'services/billing/audits/b2-audit.md');
  });

  it('a file at the root of the folder favours nothing: the reports stay as listed', () => {
    deepStrictEqual(readingOrder(reports, ['README.md']), reports);
  });
});
