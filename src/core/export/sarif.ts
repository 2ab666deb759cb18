import { findingLabel } from './findingLabel';
import type { ScanResult, ScannedFinding, ScannedLocation } from './scanResult';
import { STATUS_LABELS } from '../vocabulary/status';
import { SEVERITIES, type Severity } from '../types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

type RuleKey = Severity | 'unrated';
const RULE_KEYS: readonly RuleKey[] = [...SEVERITIES, 'unrated'];

/**
 * A SARIF 2.1.0 log of the findings still worth showing: open and deferred ones as results,
 * false positives and accepted ones as suppressed results whose justification carries the
 * note written with the status. Fixed findings are left out: they are no longer in the code.
 *
 * Rules are one per severity (`audit-lens/high`, …, `audit-lens/unrated`): report ids such as
 * `H-01` name a finding within one report, not a kind of problem, so a rule per id would
 * change with every report; a severity is stable and is what code-scanning filters on.
 * Every URI is relative to the root and inside it: a location that did not resolve to a file
 * in the root points at the finding's line in the report instead.
 */
export function toSarif(scan: ScanResult, toolVersion: string): object {
  const used = new Set<RuleKey>();
  const pending: Array<{ reportPath: string; f: ScannedFinding; key: RuleKey }> = [];
  for (const report of scan.reports) {
    for (const f of report.findings) {
      if (f.status === 'fixed') continue;
      const key = f.severity ?? 'unrated';
      used.add(key);
      pending.push({ reportPath: report.path, f, key });
    }
  }
  const keys = RULE_KEYS.filter((k) => used.has(k));
  const rules = keys.map((k) => ({
    id: ruleId(k),
    name: k === 'unrated' ? 'AuditFindingWithoutSeverity' : `${k[0].toUpperCase()}${k.slice(1)}AuditFinding`,
    shortDescription: { text: k === 'unrated' ? 'Audit finding with no severity in its report' : `${k[0].toUpperCase()}${k.slice(1)}-severity audit finding` },
    defaultConfiguration: { level: k === 'unrated' ? 'warning' : LEVEL[k] },
    properties: { severity: k },
  }));
  const results = pending.map(({ reportPath, f, key }) => result(reportPath, f, key, keys.indexOf(key)));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Audit Lens', version: toolVersion, informationUri: 'https://github.com/audit-lens/audit-lens', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(scan.root) } },
        results,
        invocations: [
          {
            executionSuccessful: scan.errors.length === 0,
            toolExecutionNotifications: scan.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: safeRelative(e.path) ? [{ physicalLocation: { artifactLocation: { uri: encodeURI(e.path), uriBaseId: '%SRCROOT%' } } }] : [],
            })),
          },
        ],
      },
    ],
  };
}

function ruleId(key: RuleKey): string {
  return `audit-lens/${key}`;
}

function result(reportPath: string, f: ScannedFinding, key: RuleKey, ruleIndex: number): object {
  // Code deleted since the report (#10) has no place in the code: it goes with the unresolved ones.
  const inRoot = f.locations.filter((l): l is ScannedLocation & { resolved: string } => l.resolved !== null && safeRelative(l.resolved) && l.drift?.state !== 'gone');
  const reportLine = physical(reportPath, f.reportRange.startLine, f.reportRange.endLine);
  // Regions are the lines the code is at now when the scan mapped them, else the written ones.
  const [first, ...rest] = inRoot.map((l) => (l.current !== undefined ? physical(l.resolved, l.current?.startLine ?? null, l.current?.endLine ?? null) : physical(l.resolved, l.startLine, l.endLine)));
  const drift = f.locations.filter((l) => l.drift !== undefined).map((l) => ({ written: describe(l), state: l.drift!.state, base: l.drift!.base, baseSource: l.drift!.baseSource, ...(l.drift!.renamedFrom ? { renamedFrom: l.drift!.renamedFrom } : {}), ...(l.drift!.note ? { note: l.drift!.note } : {}) }));
  const unresolved = f.locations.filter((l) => !inRoot.includes(l as ScannedLocation & { resolved: string }));
  const suppressed = f.status === 'false_positive' || f.status === 'accepted';
  const justification = `${STATUS_LABELS[f.status]}${f.statusNote ? `: ${f.statusNote}` : ''} (${reportPath}:${f.reportRange.startLine})`;
  return {
    ruleId: ruleId(key),
    ruleIndex,
    level: f.severity ? LEVEL[f.severity] : 'warning',
    message: { text: findingLabel(f) },
    locations: [first ?? reportLine],
    ...(rest.length > 0 ? { relatedLocations: rest.map((l, i) => ({ id: i + 1, ...l })) } : {}),
    partialFingerprints: { 'auditLens/v1': `${reportPath}#${f.id}` },
    properties: {
      id: f.id,
      status: f.status,
      severity: f.severity,
      report: reportPath,
      reportLine: f.reportRange.startLine,
      // Written as the report wrote them; never URIs, since they did not resolve inside the root.
      ...(unresolved.length > 0 ? { unresolvedLocations: unresolved.map(describe) } : {}),
      // Each location as written and what became of it since (#10); the fingerprint above never holds a line number, so a moved finding is no new alert.
      ...(drift.length > 0 ? { drift } : {}),
    },
    ...(suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification }] } : {}),
  };
}

function physical(uri: string, startLine: number | null, endLine: number | null): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(uri), uriBaseId: '%SRCROOT%' },
      ...(startLine !== null ? { region: { startLine, endLine: endLine ?? startLine } } : {}),
    },
  };
}

function describe(l: ScannedLocation): string {
  return l.startLine === null ? l.path : `${l.path}:${l.startLine}${l.endLine !== null && l.endLine !== l.startLine ? `-${l.endLine}` : ''}`;
}

/** A root-relative path that stays inside the root: no scheme, drive, leading `/` or `..` segment. */
function safeRelative(path: string): boolean {
  return path !== '' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:|^[\\/]|^[a-zA-Z]:/.test(path) && !path.split(/[\\/]/).includes('..');
}

function rootUri(root: string): string {
  const p = root.replace(/\\/g, '/');
  return encodeURI(`file://${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`);
}
