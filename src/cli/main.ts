import { CliError, EXIT } from './cliError';
import type { CliIo } from './cliIo';
import { checkCommand } from './commands/checkCommand';
import { explainCommand } from './commands/explainCommand';
import { exportCommand } from './commands/exportCommand';
import { remapCommand } from './commands/remapCommand';
import { scanCommand } from './commands/scanCommand';
import { setStatusCommand } from './commands/setStatusCommand';
import { terminalSafe } from './terminalText';
import { UsageError } from './usageError';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

const USAGE = `Usage: audit-lens <command> [options]

Commands:
  scan [--root DIR] [--json] [--cache] [--no-git] [FILE…]
      List the findings of the reports under DIR (default: the current folder), or of the
      given report files. --cache reuses parse results of unchanged reports (kept in the
      user's cache folder, never in DIR). Each location is mapped with git from the
      revision its report was written against to the code now (moved, changed, gone);
      --no-git keeps the line numbers as written.
  set-status [--root DIR] REPORT ID STATUS [--note TEXT] [--no-date]
      Write a finding's new status into its report. ID: the finding's id, or its title.
      STATUS: open, fixed, deferred, false_positive (or "false positive"), accepted; any case.
  check [--root DIR] [--fail-on SEVERITY] [--cache] [--allow-empty] [--allow-unreadable] [--stale] [--no-git]
      Exit 1 when open findings at or above SEVERITY (default: high) exist.
      SEVERITY: critical, high, medium, low, info, or any (also findings with no severity).
      --stale also fails on open findings whose code changed or was deleted since the report.
  remap [--root DIR] REPORT [--write]
      Print the new line numbers of the report's locations whose code moved; --write
      writes them into the report (never inside a permalink pinned to a commit).
  export --format sarif [--root DIR] [--output FILE] [--no-git]
      Write a SARIF 2.1.0 log of the findings (to stdout without --output).

Exit codes:
  0  success          1  check: open findings at or above --fail-on
  2  bad arguments or input (missing root, no reports, an unreadable report, unknown id)
  3  a write refused or failed (read-only, symlink, permission, disk full, kept changing)
  4  an internal error (a bug)

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.`;

const COMMANDS: Record<string, (argv: string[], version: string, io: CliIo) => Promise<number>> = {
  scan: scanCommand,
  'set-status': setStatusCommand,
  check: checkCommand,
  export: exportCommand,
  remap: remapCommand,
  explain: explainCommand,
};

/** Runs the CLI; returns the exit code (see `EXIT`). */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const io: CliIo = { out, err };
  const [command, ...rest] = argv;
  try {
    if (command === '-v' || command === '--version') {
      out(VERSION);
      return EXIT.ok;
    }
    if (command === '-h' || command === '--help') {
      out(USAGE);
      return EXIT.ok;
    }
    const run = command === undefined ? undefined : Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
    return await run(rest, VERSION, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`audit-lens: ${terminalSafe((e as Error).message)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      err(`audit-lens: ${terminalSafe(e.message)}`);
      return e.exitCode;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`audit-lens: unexpected error (a bug; please report it): ${terminalSafe(e.message)}\n${e.stack ?? ''}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
