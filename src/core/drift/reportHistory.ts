import { hunkOfHeaderLine, type Hunk } from './lineMap';
import { quotePath } from './parseRawDiff';

/** One commit's change to one report, from `git log -p -U0`. */
export interface ReportCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  hunks: Hunk[];
}

/** Each report's commits, newest first, by repository-relative path. */
export type ReportHistory = Map<string, ReportCommit[]>;

/**
 * Parses `git log -p -U0 --no-renames --format=%x00%H%x00%ct -- <reports>`: one walk over the
 * history serves every report. Sections are matched to the given paths by the exact header git
 * prints, so a report path with spaces or quotes is read right.
 */
export function parseReportLog(output: string, reportPaths: readonly string[]): ReportHistory {
  const history: ReportHistory = new Map(reportPaths.map((p) => [p, []]));
  const byHeader = new Map(reportPaths.map((p) => [`diff --git ${quotePath('a/' + p)} ${quotePath('b/' + p)}`, p]));
  const parts = output.split('\0');
  // ['', sha, time + patch, sha, time + patch, …]
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const sha = parts[i];
    const body = parts[i + 1];
    const time = parseInt(body, 10);
    let commit: ReportCommit | null = null;
    let hunk: { h: Hunk; removed: string[]; added: string[] } | null = null;
    const endHunk = (): void => {
      if (commit && hunk) commit.hunks.push({ ...hunk.h, removed: hunk.removed, added: hunk.added });
      hunk = null;
    };
    for (const line of body.split('\n')) {
      if (line.startsWith('diff --git ')) {
        endHunk();
        const path = byHeader.get(line);
        commit = path === undefined ? null : { sha, time, hunks: [] };
        if (path !== undefined && commit) history.get(path)!.push(commit);
        continue;
      }
      if (!commit) continue;
      const header = hunkOfHeaderLine(line);
      if (header) {
        endHunk();
        hunk = { h: header, removed: [], added: [] };
      } else if (hunk && line.startsWith('-')) hunk.removed.push(line.slice(1));
      else if (hunk && line.startsWith('+')) hunk.added.push(line.slice(1));
    }
    endHunk();
  }
  return history;
}

/** Whether `text` holds `token` as a whole: not inside a longer path or number (`a.ts:10` is not in `a.ts:100`). */
export function containsToken(text: string, token: string): boolean {
  return countToken(text, token) > 0;
}

export function countToken(text: string, token: string): number {
  if (token === '') return 0;
  let n = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + token.length] ?? '';
    // Not inside a longer path (`lib/src/a.ts`), nor a longer number or range (`a.ts:100`, `a.ts:10-12`).
    if (/[\p{L}\p{N}_./]/u.test(before) || /[\p{L}\p{N}_]/u.test(after) || /^[-–:]\d/.test(text.slice(at + token.length, at + token.length + 2))) continue;
    n++;
  }
  return n;
}

/**
 * The commit in which the location text on `line` of the report's newest committed version
 * entered the report: a blame that follows the *token*, not the line. Walking from the newest
 * commit back, a commit that rewrote the line but kept the token (a status written back into
 * a table row, a reworded sentence) is passed through to the line it replaced; the first
 * commit whose removed lines did not hold the token introduced it. Null when the history
 * runs out first (a shallow clone's cut-off), so the caller can say so.
 */
export function introducingCommit(commits: readonly ReportCommit[], line: number, token: string): ReportCommit | null {
  let l = line;
  for (const c of commits) {
    let shift = 0;
    let next: number | null = null;
    for (const h of c.hunks) {
      if (l < h.newStart) break;
      if (l < h.newStart + h.newLen) {
        const added = h.added ?? [];
        const removed = h.removed ?? [];
        const idx = l - h.newStart;
        if (!containsToken(added[idx] ?? '', token)) return c;
        const holders = removed.map((r, k) => (containsToken(r, token) ? k : -1)).filter((k) => k >= 0);
        if (holders.length === 0) return c;
        // The j-th added line holding the token replaced the j-th removed line holding it.
        const j = added.slice(0, idx).filter((a) => containsToken(a, token)).length;
        if (j >= holders.length) return c;
        next = h.oldStart + holders[j];
        break;
      }
      shift += h.newLen - h.oldLen;
    }
    l = next ?? l - shift;
  }
  return null;
}
