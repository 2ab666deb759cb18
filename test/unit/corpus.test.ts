import { deepStrictEqual, ok } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/core';

// Real reports (MIT or Apache-2.0, see ATTRIBUTION.md) against reviewed expected output.
// `UPDATE_EXPECTED=1 npm run test:unit` rewrites the expected files; review the diff by hand.
const fixtures = join(__dirname, '../../../test/fixtures');
const corpus = join(fixtures, 'corpus');
const expectedDir = join(fixtures, 'expected');

function snapshot(text: string): unknown {
  const report = parseReport(text);
  return {
    title: report.title,
    findings: report.findings.map((f) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      status: f.status,
      kind: f.kind,
      reportRange: f.reportRange,
      locations: f.locations,
    })),
  };
}

describe('real reports', () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md');

  it('has at least 12 reports of different styles', () => ok(files.length >= 12, `${files.length} reports`));

  for (const file of files) {
    it(file, () => {
      const actual = snapshot(readFileSync(join(corpus, file), 'utf8'));
      const expectedFile = join(expectedDir, file.replace(/\.md$/, '.json'));
      if (process.env.UPDATE_EXPECTED === '1') writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
      ok(existsSync(expectedFile), `missing ${expectedFile}`);
      deepStrictEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
