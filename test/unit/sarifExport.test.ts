import { deepStrictEqual, strictEqual } from 'node:assert';
import { isDerivedId, toSarif, type ScanResult, type ScannedFinding } from '../../src/core';

function finding(over: Partial<ScannedFinding>): ScannedFinding {
  return { id: 'H-01', key: 'H-01', title: 'T', severity: 'high', status: 'open', reportRange: { startLine: 7, endLine: 9 }, locations: [], statusNote: null, ...over };
}

type Log = { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown> & { ruleId: string; ruleIndex: number; message: { text: string }; locations: unknown[]; relatedLocations?: unknown[]; suppressions?: Array<{ justification: string }> }> }> };

function sarif(reports: Array<{ path: string; findings: ScannedFinding[] }>): Log {
  const scan: ScanResult = { version: 1, root: '/repo', reports: reports.map((r) => ({ ...r, title: 'R' })), errors: [] };
  return toSarif(scan, '1.0.0') as Log;
}

const at = (uri: string, startLine?: number, endLine?: number) => ({
  physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(startLine ? { region: { startLine, endLine: endLine ?? startLine } } : {}) },
});

describe('SARIF export', () => {
  it('one rule per severity, the same whatever report a finding comes from', () => {
    const log = sarif([
      { path: 'a/audit.md', findings: [finding({ id: 'H-01' }), finding({ id: 'M-01', severity: 'medium' })] },
      { path: 'b/review.md', findings: [finding({ id: 'H-01' }), finding({ id: 'x', severity: null })] },
    ]);
    const run = log.runs[0];
    deepStrictEqual(run.tool.driver.rules.map((r) => r.id), ['audit-lens/high', 'audit-lens/medium', 'audit-lens/unrated']);
    deepStrictEqual(run.results.map((r) => [r.ruleId, r.ruleIndex]), [['audit-lens/high', 0], ['audit-lens/medium', 1], ['audit-lens/high', 0], ['audit-lens/unrated', 2]]);
  });

  it('the first location is the location; the rest are related locations', () => {
    const f = finding({
      locations: [
        { path: 'a.ts', startLine: 3, endLine: 4, resolved: 'src/a.ts' },
        { path: 'b.ts', startLine: null, endLine: null, resolved: 'src/b.ts' },
        { path: 'c.ts', startLine: 9, endLine: 9, resolved: 'lib/c.ts' },
      ],
    });
    const [r] = sarif([{ path: 'audit.md', findings: [f] }]).runs[0].results;
    deepStrictEqual(r.locations, [at('src/a.ts', 3, 4)]);
    deepStrictEqual(r.relatedLocations, [{ id: 1, ...at('src/b.ts') }, { id: 2, ...at('lib/c.ts', 9) }]);
  });

  it('never points outside the root: unresolved or escaping locations point at the report line', () => {
    const f = finding({
      locations: [
        { path: '../outside/x.ts', startLine: 1, endLine: 1, resolved: null },
        { path: '/etc/passwd', startLine: 1, endLine: 1, resolved: null },
        { path: 'C:/w/x.ts', startLine: 2, endLine: 2, resolved: null },
        // Defence in depth: even a resolved path that escapes is not used.
        { path: 'y', startLine: 1, endLine: 1, resolved: '../y.ts' },
      ],
    });
    const [r] = sarif([{ path: 'docs/audit.md', findings: [f] }]).runs[0].results;
    deepStrictEqual(r.locations, [at('docs/audit.md', 7, 9)]);
    strictEqual(r.relatedLocations, undefined);
    deepStrictEqual((r.properties as { unresolvedLocations: string[] }).unresolvedLocations, ['../outside/x.ts:1', '/etc/passwd:1', 'C:/w/x.ts:2', 'y:1']);
  });

  it("a suppression's justification carries the note written with the status", () => {
    const [fp, acc] = sarif([
      { path: 'audit.md', findings: [finding({ status: 'false_positive', statusNote: 'not reachable' }), finding({ id: 'H-02', status: 'accepted', reportRange: { startLine: 20, endLine: 22 } })] },
    ]).runs[0].results;
    deepStrictEqual(fp.suppressions, [{ kind: 'external', status: 'accepted', justification: 'False positive: not reachable (audit.md:7)' }]);
    deepStrictEqual(acc.suppressions, [{ kind: 'external', status: 'accepted', justification: 'Accepted (audit.md:20)' }]);
  });

  it('messages show the report id, or the title alone for a derived id', () => {
    const results = sarif([{ path: 'audit.md', findings: [finding({ id: 'H-01', title: 'Reentrancy' }), finding({ id: 'unbounded-search-limit', title: 'Unbounded search limit' })] }]).runs[0].results;
    deepStrictEqual(results.map((r) => r.message.text), ['[H-01] Reentrancy', 'Unbounded search limit']);
    deepStrictEqual(
      [['high/unbounded-search-limit', 'Unbounded search limit'], ['race-2', 'Race in the queue'], ['H1', 'SQL injection'], ['#1', 'Leak']].map(([id, title]) => isDerivedId({ id, title })),
      [true, true, false, false],
    );
  });
});
