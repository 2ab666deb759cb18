/** Where a command prints. Human-readable text must go through `terminalSafe` first. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
