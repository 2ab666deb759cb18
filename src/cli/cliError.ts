/**
 * The CLI's exit codes. The README's "Exit codes" table says the same; `check` relies on 1
 * meaning only "open findings", so every other failure has its own code.
 */
export const EXIT = {
  ok: 0,
  /** `check`: open findings at or above `--fail-on`. */
  findings: 1,
  /** Bad arguments or input: an unknown option, status or id, a missing root or folder, no reports, an unreadable report. */
  usage: 2,
  /** A write was refused or failed: read-only report, symlinked output, unwritable folder, full disk, a report that kept changing. */
  write: 3,
  /** A bug in audit-lens: printed with its stack. */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: one line on stderr and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
