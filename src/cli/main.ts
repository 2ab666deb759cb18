import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { applyTextEdits, SEVERITIES, setFindingStatus, StatusEditError, toSarif, type ScanResult, type Severity } from '../core';
import { explainCommand } from './explainCommand';
import { formatTable } from './formatTable';
import { readReportFile } from './readReportFile';
import { ScanCache } from './scanCache';
import { scanRoot } from './scanRoot';
import { isInside, toRelative } from './walkRoot';
import { writeFileAtomic } from './writeFileAtomic';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

const USAGE = `Usage: audit-lens <command> [options]

Commands:
  scan [--root DIR] [--json] [--cache] [FILE…]
      List the findings of the reports under DIR (default: the current folder), or of the
      given report files. --cache reuses results for unchanged files (.audit-lens-cache.json).
  set-status [--root DIR] REPORT ID STATUS [--note TEXT] [--no-date]
      Write a finding's new status into its report. STATUS: open, fixed, deferred,
      false_positive, accepted.
  check [--root DIR] [--fail-on SEVERITY] [--cache]
      Exit 1 when open findings at or above SEVERITY (default: high) exist.
      SEVERITY: critical, high, medium, low, info, or any (also findings with no severity).
  export --format sarif [--root DIR] [--output FILE]
      Write a SARIF 2.1.0 log of the findings (to stdout without --output).
  explain REPORT [--line N]
      Show how the report was read: each block weighed, its decision and the evidence for
      and against (only the blocks around line N with --line).

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.`;

class UsageError extends Error {}

/** Runs the CLI; returns the exit code (0 ok, 1 failure, 2 bad arguments). */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, out);
      case 'set-status':
        return await setStatusCommand(rest, out, err);
      case 'check':
        return await checkCommand(rest, out);
      case 'export':
        return await exportCommand(rest, out);
      case 'explain': {
        const { values, positionals } = args(rest, { line: { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('explain takes one REPORT.');
        const line = values.line === undefined ? undefined : Number(values.line);
        if (line !== undefined && !(Number.isInteger(line) && line > 0)) throw new UsageError(`--line must be a line number, not "${values.line}".`);
        return await explainCommand(positionals[0], line, out);
      }
      case '-v':
      case '--version':
        out(VERSION);
        return 0;
      case '-h':
      case '--help':
        out(USAGE);
        return 0;
      default:
        throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`audit-lens: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof StatusEditError) {
      err(`audit-lens: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function args(argv: string[], options: NonNullable<ParseArgsConfig['options']>, positionals = true) {
  return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
}

async function scanWith(root: string, files: string[], useCache: boolean): Promise<ScanResult> {
  const cache = useCache ? await ScanCache.load(resolve(root, '.audit-lens-cache.json'), VERSION) : undefined;
  return scanRoot({ root, files, cache });
}

async function scanCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = args(argv, { root: { type: 'string' }, json: { type: 'boolean' }, cache: { type: 'boolean' } });
  const scan = await scanWith(String(values.root ?? '.'), positionals, Boolean(values.cache));
  out(values.json ? JSON.stringify(scan, null, 2) : formatTable(scan));
  return 0;
}

async function setStatusCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = args(argv, { root: { type: 'string' }, note: { type: 'string' }, 'no-date': { type: 'boolean' } });
  if (positionals.length !== 3) throw new UsageError('set-status takes REPORT ID STATUS.');
  const [reportArg, id, status] = positionals;
  const root = await fs.realpath(resolve(String(values.root ?? '.'))).catch(() => {
    throw new UsageError(`Root folder not found: ${values.root}`);
  });
  const path = resolve(reportArg);
  const real = await fs.realpath(path).catch(() => null);
  if (real === null) {
    err(`audit-lens: Report not found: ${reportArg}`);
    return 1;
  }
  if (!isInside(root, real)) {
    err(`audit-lens: ${reportArg} is outside the root ${root}; nothing written.`);
    return 1;
  }
  const read = await readReportFile(real);
  if (!read.ok) {
    err(`audit-lens: ${reportArg}: ${read.message}`);
    return 1;
  }
  const date = values['no-date'] ? undefined : today();
  const result = setFindingStatus(read.text, id, status, { note: values.note as string | undefined, date });
  const rel = toRelative(root, real);
  if (result.edits.length === 0) {
    out(`${rel}: ${result.finding.id} is already ${status}; nothing changed.`);
    return 0;
  }
  const updated = applyTextEdits(read.text, result.edits);
  // Re-read just before writing: if the file changed meanwhile, write nothing rather than lose that change.
  const again = await readReportFile(real);
  if (!again.ok || again.text !== read.text) {
    err(`audit-lens: ${reportArg} changed while it was being updated; nothing written. Try again.`);
    return 1;
  }
  await writeFileAtomic(real, updated);
  out(`${rel}: ${result.finding.id} ${result.previous} → ${status} (line ${result.finding.reportRange.startLine})`);
  return 0;
}

async function checkCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = args(argv, { root: { type: 'string' }, 'fail-on': { type: 'string' }, cache: { type: 'boolean' } });
  const failOn = String(values['fail-on'] ?? 'high');
  if (failOn !== 'any' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`Unknown severity "${failOn}" for --fail-on. Use one of: ${SEVERITIES.join(', ')}, any.`);
  }
  const scan = await scanWith(String(values.root ?? '.'), positionals, Boolean(values.cache));
  const rank = (s: Severity | null): number => (s === null ? SEVERITIES.length : SEVERITIES.indexOf(s));
  const limit = failOn === 'any' ? SEVERITIES.length : SEVERITIES.indexOf(failOn as Severity);
  const failing = scan.reports.flatMap((r) =>
    r.findings.filter((f) => f.status === 'open' && rank(f.severity) <= limit).map((f) => ({ report: r.path, f })),
  );
  for (const { report, f } of failing) {
    const loc = f.locations.find((l) => l.resolved) ?? f.locations[0];
    const where = loc ? ` ${loc.resolved ?? loc.path}${loc.startLine ? `:${loc.startLine}` : ''}` : '';
    out(`${report}:${f.reportRange.startLine}: [${f.id}] ${f.severity ?? 'no severity'}: ${f.title}${where}`);
  }
  const at = failOn === 'any' ? 'of any severity' : `at or above ${failOn}`;
  out(failing.length === 0 ? `OK: no open findings ${at}.` : `FAIL: ${failing.length} open finding${failing.length === 1 ? '' : 's'} ${at}.`);
  for (const e of scan.errors) out(`error: ${e.path}: ${e.message}`);
  return failing.length === 0 ? 0 : 1;
}

async function exportCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = args(argv, { root: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } }, false);
  if (values.format !== 'sarif') throw new UsageError('export needs --format sarif.');
  const scan = await scanWith(String(values.root ?? '.'), [], false);
  const text = JSON.stringify(toSarif(scan, VERSION), null, 2);
  if (values.output) await fs.writeFile(String(values.output), text + '\n');
  else out(text);
  return 0;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`audit-lens: unexpected error: ${e.stack ?? e.message}\n`);
      process.exitCode = 1;
    },
  );
}
