import { parseArgs } from 'node:util';
import { findingLabel, SEVERITIES, type ScannedFinding, type Severity } from '../../core';
import { CliError, EXIT } from '../cliError';
import type { CliIo } from '../cliIo';
import { terminalSafe as t } from '../terminalText';
import { UsageError } from '../usageError';
import { scanEachWith } from './scanCommand';

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
  // Only the failing findings are kept, not the scan.
  const failing: Array<{ report: string; f: ScannedFinding }> = [];
  const scan = await scanEachWith(values.root, positionals, Boolean(values.cache), version, io, (r) => {
    for (const f of r.findings) if (f.status === 'open' && rank(f.severity) <= limit) failing.push({ report: r.path, f });
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
  return failing.length === 0 ? EXIT.ok : EXIT.findings;
}
