/**
 * Report comments that correct the reader, for any report format:
 * - `<!-- audit-lens: findings -->` before a heading, list or table makes its items findings;
 * - `<!-- audit-lens: not-findings -->` does the opposite;
 * - `<!-- audit-lens: ignore -->` drops the next block.
 */
export type Directive = 'findings' | 'not-findings' | 'ignore';

const DIRECTIVE = /^\s*<!--\s*audit-lens\s*:\s*(findings|not-findings|ignore)\s*-->\s*$/i;

export function readDirective(line: string): Directive | null {
  const m = DIRECTIVE.exec(line);
  return m ? (m[1].toLowerCase() as Directive) : null;
}

/** The comment that makes the next block's items findings or not, or drops it, as written by the editor. */
export function directiveComment(d: Directive): string {
  return `<!-- audit-lens: ${d} -->`;
}
