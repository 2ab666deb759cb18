/** Reports larger than this are not read: no audit report is this big, a log or a dump may be. */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** Why a file cannot be read as a report, judged from its size and first bytes; null when it can. */
export function reportRejection(size: number, head: Uint8Array): string | null {
  if (size > MAX_REPORT_BYTES) return `Skipped: ${size} bytes is over the ${MAX_REPORT_BYTES}-byte limit for a report.`;
  if (head.subarray(0, 8192).includes(0)) return 'Skipped: binary file (contains NUL bytes).';
  return null;
}
