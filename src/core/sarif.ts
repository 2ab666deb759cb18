import type { ScanResult, ScannedFinding } from './scanResult';
import type { Severity } from './types';
import { STATUS_LABELS } from './status';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * A SARIF 2.1.0 log of the findings still worth showing: open and deferred ones as results,
 * false positives and accepted ones as suppressed results with the report's justification.
 * Fixed findings are left out: they are no longer in the code.
 */
export function toSarif(scan: ScanResult, toolVersion: string): object {
  const rules = new Map<string, object>();
  const results: object[] = [];
  for (const report of scan.reports) {
    for (const f of report.findings) {
      if (f.status === 'fixed') continue;
      const ruleId = `${report.path}#${f.id}`;
      rules.set(ruleId, {
        id: ruleId,
        name: f.id,
        shortDescription: { text: f.title || f.id },
        helpUri: undefined,
        properties: { severity: f.severity ?? 'unknown', report: report.path },
      });
      results.push(result(report.path, f, ruleId, rules.size - 1));
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Audit Lens', version: toolVersion, informationUri: 'https://github.com/audit-lens/audit-lens', rules: [...rules.values()] } },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(scan.root) } },
        results,
      },
    ],
  };
}

function result(reportPath: string, f: ScannedFinding, ruleId: string, ruleIndex: number): object {
  const located = f.locations.filter((l) => l.resolved !== null || l.startLine !== null);
  const physical = located.length > 0
    ? located.map((l) => ({
        physicalLocation: {
          artifactLocation: { uri: encodeURI(l.resolved ?? l.path), uriBaseId: '%SRCROOT%' },
          ...(l.startLine !== null ? { region: { startLine: l.startLine, endLine: l.endLine ?? l.startLine } } : {}),
        },
      }))
    : [{ physicalLocation: { artifactLocation: { uri: encodeURI(reportPath), uriBaseId: '%SRCROOT%' }, region: { startLine: f.reportRange.startLine, endLine: f.reportRange.endLine } } }];
  const suppressed = f.status === 'false_positive' || f.status === 'accepted';
  return {
    ruleId,
    ruleIndex,
    level: f.severity ? LEVEL[f.severity] : 'warning',
    message: { text: `[${f.id}] ${f.title}` },
    locations: physical,
    partialFingerprints: { 'auditLens/v1': `${reportPath}#${f.id}` },
    properties: { status: f.status, severity: f.severity, report: reportPath, reportLine: f.reportRange.startLine },
    ...(suppressed
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${STATUS_LABELS[f.status]} in ${reportPath}:${f.reportRange.startLine}` }] }
      : {}),
  };
}

function rootUri(root: string): string {
  const p = root.replace(/\\/g, '/');
  return encodeURI(`file://${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`);
}
