import { parseArgs } from 'node:util';
import { findingLabel, SEVERITIES, type ScannedFinding, type ScannedLocation, type Severity } from '../../core';
import { CliError, EXIT } from '../cliError';
import type { CliIo } from '../cliIo';
import { terminalSafe as t } from '../terminalText';
import { UsageError } from '../usageError';
import { scanMappedWith } from './scanCommand';

/**
 * The CI gate. It fails closed: a report that could not be read (binary, over 5 MB, a parser
 * error, outside the root) fails the check with exit 2 unless `--allow-unreadable`, and a
 * root with no reports at all fails with exit 2 unless `--allow-empty`, so that a mistyped
 * root or a report made unreadable never turns the gate green.
 */
export async function checkCommand(argv: string[], version: string, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string' },
      'fail-on': { type: 'string' },
      cache: { type: 'boolean' },
      'allow-empty': { type: 'boolean' },
      'allow-unreadable': { type: 'boolean' },
      stale: { type: 'boolean' },
      'no-git': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const failOn = String(values['fail-on'] ?? 'high').toLowerCase();
  if (failOn !== 'any' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`Unknown severity "${values['fail-on']}" for --fail-on. Use one of: ${SEVERITIES.join(', ')}, any.`);
  }
  const rank = (s: Severity | null): number => (s === null ? SEVERITIES.length : SEVERITIES.indexOf(s));
  const limit = failOn === 'any' ? SEVERITIES.length : SEVERITIES.indexOf(failOn as Severity);
  // Only the failing and the stale findings are kept, not the scan.
  const failing: Array<{ report: string; f: ScannedFinding }> = [];
  const stale: Array<{ report: string; f: ScannedFinding }> = [];
  const scan = await scanMappedWith(values.root, positionals, Boolean(values.cache), version, io, !values['no-git'], (r) => {
    for (const f of r.findings) {
      if (f.status !== 'open') continue;
      if (rank(f.severity) <= limit) failing.push({ report: r.path, f });
      if (values.stale && f.locations.some(isStale)) stale.push({ report: r.path, f });
    }
  });
  for (const { report, f } of failing) {
    const loc = f.locations.find((l) => l.resolved) ?? f.locations[0];
    const where = loc ? ` ${loc.resolved ?? loc.path}${loc.startLine ? `:${loc.startLine}` : ''}` : '';
    io.out(t(`${report}:${f.reportRange.startLine}: ${f.severity ?? 'no severity'}: ${findingLabel(f)}${where}`));
  }
  for (const e of scan.errors) io.out(t(`error: ${e.path}: ${e.message}`));

  if (scan.errors.length > 0 && !values['allow-unreadable']) {
    const n = scan.errors.length;
    throw new CliError(EXIT.usage, `FAIL: ${n} report${n === 1 ? '' : 's'} could not be read (see the errors above); a report that is not read is not checked. Pass --allow-unreadable to check the rest only.`);
  }
  if (scan.reportCount === 0 && !values['allow-empty']) {
    throw new CliError(EXIT.usage, `FAIL: no reports found under ${scan.root}. Pass --allow-empty if that is expected.`);
  }
  const at = failOn === 'any' ? 'of any severity' : `at or above ${failOn}`;
  io.out(failing.length === 0 ? `OK: no open findings ${at}.` : `FAIL: ${failing.length} open finding${failing.length === 1 ? '' : 's'} ${at}.`);
  if (values.stale) reportStale(stale, io);
  return failing.length === 0 && stale.length === 0 ? EXIT.ok : EXIT.findings;
}

function isStale(l: ScannedLocation): boolean {
  return l.drift?.state === 'changed' || l.drift?.state === 'gone';
}

/**
 * `--stale` (#10): open findings whose code changed or was deleted since the report was written,
 * listed for re-verification; any of them fails the check.
 */
function reportStale(stale: ReadonlyArray<{ report: string; f: ScannedFinding }>, io: CliIo): void {
  for (const { report, f } of stale) {
    const l = f.locations.find(isStale)!;
    const since = l.drift?.base ? ` since ${l.drift.base.slice(0, 7)}` : '';
    const now = l.drift?.state === 'gone' ? 'deleted' : `changed, now ${l.resolved ?? l.path}:${l.current?.startLine ?? '?'}`;
    io.out(t(`${report}:${f.reportRange.startLine}: stale: ${findingLabel(f)} ${l.path}${l.startLine ? `:${l.startLine}` : ''} ${now}${since}`));
  }
  const n = stale.length;
  io.out(n === 0 ? 'OK: no open finding points at code that changed since its report.' : `FAIL: ${n} open finding${n === 1 ? '' : 's'} point${n === 1 ? 's' : ''} at code that changed or was deleted since the report (re-check them).`);
}
