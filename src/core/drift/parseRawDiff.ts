import { hunkOfHeaderLine, type Hunk, type LineMap } from './lineMap';

/** One file of `git diff --raw -p -z -U0 -M --abbrev=40` output. Paths are repository-relative. */
export interface FileDelta {
  /** git's status letter: A, C, D, M, R, T, U or X. */
  status: string;
  /** Rename/copy similarity in percent; null for other statuses. */
  similarity: number | null;
  oldPath: string;
  newPath: string;
  oldOid: string;
  newOid: string;
  /** git printed "Binary files … differ": no line map can be trusted. */
  binary: boolean;
  /** Old lines → new lines; empty for a pure rename or a mode change. */
  map: LineMap;
}

/**
 * Parses git's `--raw -z` records and, when present, the `-p -U0` patch that follows them.
 * Paths come from the NUL-separated records (spaces, tabs, quotes and non-ASCII survive as
 * written); each patch section is matched to its record by the exact header git prints for
 * that pair of paths, so a quoted path or a section git adds without a record never shifts
 * the pairing. Bad input gives fewer deltas, never a throw.
 */
export function parseRawDiff(output: string): FileDelta[] {
  const deltas: FileDelta[] = [];
  let pos = 0;
  while (pos < output.length && output[pos] === ':') {
    const headEnd = output.indexOf('\0', pos);
    if (headEnd < 0) break;
    // `:100644 100644 <old oid> <new oid> R086`
    const fields = output.slice(pos + 1, headEnd).split(' ');
    if (fields.length < 5) break;
    const status = fields[4].charAt(0);
    const score = fields[4].slice(1);
    const twoPaths = status === 'R' || status === 'C';
    const p1End = output.indexOf('\0', headEnd + 1);
    if (p1End < 0) break;
    const first = output.slice(headEnd + 1, p1End);
    let second = first;
    pos = p1End + 1;
    if (twoPaths) {
      const p2End = output.indexOf('\0', pos);
      if (p2End < 0) break;
      second = output.slice(pos, p2End);
      pos = p2End + 1;
    }
    deltas.push({
      status,
      similarity: twoPaths && /^\d+$/.test(score) ? Number(score) : null,
      oldPath: first,
      newPath: second,
      oldOid: fields[2],
      newOid: fields[3],
      binary: false,
      map: { hunks: [] },
    });
  }
  // The patch, if any, follows the records after one more NUL.
  const patch = output.slice(pos).replace(/^\0/, '');
  if (patch.startsWith('diff --git ')) attachPatch(patch, deltas);
  return deltas;
}

function attachPatch(patch: string, deltas: FileDelta[]): void {
  const byHeader = new Map<string, FileDelta[]>();
  for (const d of deltas) {
    const key = `diff --git ${quotePath('a/' + d.oldPath)} ${quotePath('b/' + d.newPath)}`;
    const list = byHeader.get(key);
    if (list) list.push(d);
    else byHeader.set(key, [d]);
  }
  const lines = patch.split('\n');
  let current: { delta: FileDelta | undefined; hunks: Hunk[] } | null = null;
  let hunk: { h: Hunk; removed: string[]; added: string[] } | null = null;
  const endHunk = (): void => {
    if (current && hunk) current.hunks.push({ ...hunk.h, removed: hunk.removed, added: hunk.added });
    hunk = null;
  };
  const endFile = (): void => {
    endHunk();
    if (current?.delta) current.delta.map = { hunks: current.hunks };
    current = null;
  };
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      endFile();
      // A type change prints two sections for one record; the first one claims it.
      const delta = byHeader.get(line)?.shift();
      current = { delta, hunks: [] };
      continue;
    }
    if (!current) continue;
    const header = hunkOfHeaderLine(line);
    if (header) {
      endHunk();
      hunk = { h: header, removed: [], added: [] };
      continue;
    }
    if (hunk) {
      if (line.startsWith('-')) hunk.removed.push(line.slice(1));
      else if (line.startsWith('+')) hunk.added.push(line.slice(1));
      // `\ No newline at end of file` and anything else is not a line of the file.
      continue;
    }
    if (current.delta && line.startsWith('Binary files ') && line.endsWith(' differ')) current.delta.binary = true;
  }
  endFile();
}

const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A path as git prints it in a patch header with `core.quotepath=off`: C-quoted when it holds a
 * quote, a backslash or a control character; other characters (non-ASCII too) as they are.
 */
export function quotePath(path: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(path)) return path;
  let out = '"';
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    out += C_ESCAPES[ch] ?? (code < 0x20 || code === 0x7f ? '\\' + code.toString(8).padStart(3, '0') : ch);
  }
  return out + '"';
}
