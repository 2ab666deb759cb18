import type { LocationRef } from '../types';
import { isLocationLabel } from './locationLabels';
import { findLocations, MAX_LINE, type FoundLocation, type LinkContext } from './locationsInText';
import { extensionOf, isPathLike, KNOWN_EXTENSIONS, normalizePath } from './paths';

/**
 * The comment part of a quoted code line, where a problem snippet says where it comes from:
 * `// FutarchyGovernor.sol line 262`, `# cmd/main.go:68-85`, `x = 1 // content.js:172-189`,
 * `/* see a.ts *\/`, `-- db/schema.sql:4`, `<!-- index.html -->`. Null when the line has none.
 * `//` after a `:` is a URL, not a comment; `#` must be followed by a space (not `#[derive]`).
 */
export function commentOf(code: string): string | null {
  const line = code.length > MAX_LINE ? code.slice(0, MAX_LINE) : code;
  const lead = /^[ \t>]*(?:\/\/+|#+(?=[ \t]|$)|--(?=[ \t])|\/\*+|\*(?=[ \t])|<!--|;+(?=[ \t]))/.exec(line);
  if (lead) return line.slice(lead[0].length);
  const trailing = /(?<=[ \t;,)}\]])(?:\/\/|#(?=[ \t])|\/\*|--(?=[ \t]))/.exec(line);
  return trailing ? line.slice(trailing.index + trailing[0].length) : null;
}

/**
 * Locations inside one fenced block, as code scanners and reviewers quote it:
 * - a `File: src/protocol/ThunderLoan.sol` header followed by line-numbered code (`261: …`),
 *   one location per numbered line (4naly3er, Cyfrin and Code4rena bot reports);
 * - grep output, `./contracts/TransactionManager.sol:96: "…"` (Code4rena gas reports);
 * - comments that name the snippet's place (see `commentOf`).
 * Fed one code line at a time; `finish` at the closing fence.
 */
export class FencedCodeLocations {
  private file: string | null = null;
  private numbered = false;
  private seenCode = false;
  private readonly found: FoundLocation[] = [];

  /**
   * @param fix whether the block shows a fix (it sits under `**Solution:**` or `#### Recommendation`):
   *   a comment there that names a file without lines (`// Add to cmd/main.go`) says where the
   *   fix goes, not where the problem is.
   */
  constructor(
    private readonly links: LinkContext,
    private readonly fix = false,
  ) {}

  /** Reads one line of code. */
  add(code: string): void {
    // A header opens the block: a `path: …` line further down is the code's own (YAML, JSON).
    const first = !this.seenCode;
    if (code.trim() !== '') this.seenCode = true;
    const header = first && code.length <= 2048 ? FILE_HEADER.exec(code) : null;
    if (header && isLocationLabel(header[1])) {
      this.close();
      const refs = findLocations(header[2], 'field', this.links);
      const fileOnly = refs.length === 1 && refs[0].startLine === null;
      if (fileOnly) this.file = refs[0].path;
      else this.found.push(...refs);
      return;
    }
    const numbered = this.file !== null ? NUMBERED_LINE.exec(code) : null;
    if (numbered && this.file !== null) {
      const n = Number(numbered[1]);
      if (n >= 1) {
        this.push({ path: this.file, startLine: n, endLine: n });
        this.numbered = true;
      }
      return;
    }
    const grep = GREP_LINE.exec(code.length > 2048 ? '' : code);
    if (grep && isPathLike(grep[1], true) && KNOWN_EXTENSIONS.has(extensionOf(grep[1]))) {
      const n = Number(grep[2]);
      if (n >= 1) this.push({ path: normalizePath(grep[1]), startLine: n, endLine: n });
      return;
    }
    const comment = commentOf(code);
    if (comment === null) return;
    for (const r of findLocations(comment, 'comment', this.links)) if (!this.fix || r.startLine !== null) this.found.push(r);
  }

  /** The block's locations, once its fence has closed. */
  finish(): FoundLocation[] {
    this.close();
    return this.found;
  }

  private push(r: LocationRef): void {
    this.found.push({ ...r, mention: false, folder: r.path.includes('/') });
  }

  // A `File:` header with no numbered line under it still names its file.
  private close(): void {
    if (this.file !== null && !this.numbered) this.push({ path: this.file, startLine: null, endLine: null });
    this.file = null;
    this.numbered = false;
  }
}

// `File: src/a.sol`, `// File: a.sol`, `Path: lib/x.go`, `文件: a.py`.
const FILE_HEADER = /^[ \t>]*(?:\/\/[ \t]*|#[ \t]*)?([^:：\s][^:：]{0,29})[:：][ \t]*(\S{2,1024})[ \t]*$/;
// `261:     function …`, `40: …`, `12 | code`.
const NUMBERED_LINE = /^[ \t>]*(\d{1,7})[ \t]*[:|](?:[ \t]|$)/;
// `./contracts/TransactionManager.sol:96: "…"`, `src/a.go:12:5: error`.
const GREP_LINE = /^[ \t>]*([^\s:]{2,1024}):(\d{1,7})(?::\d{1,7})?:(?:[ \t]|$)/;
