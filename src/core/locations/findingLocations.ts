import { fieldsInLine, LINE_LABELS } from '../markdown/fields';
import type { ScannedLine } from '../markdown/scanLines';
import type { LocationRef } from '../types';
import { FencedCodeLocations } from './codeLocations';
import { dedupeLocations, distinctFiles } from './dedupeLocations';
import { homeRepository } from './homeRepository';
import { citedLines, orphanLines, proseLines } from './lineLists';
import { isLocationLabel, snippetRole } from './locationLabels';
import { findLocations, MAX_LINE, type FoundLocation, type LocationContext } from './locationsInText';
import { isTestFile } from './paths';
import type { LinkContext } from './urls';

/** Where a finding starts in the report, and for a table row the text of its location cell. */
export interface FindingUnit {
  startLine: number;
  tableLocation?: string;
  /**
   * The report's path from the workspace root (`audits/x.md`). When given, links written
   * relative to the report (`../src/a.ts#L5`) come out as paths from the root (`src/a.ts`).
   */
  reportPath?: string;
}

interface Located extends FoundLocation {
  /** Read on the finding's title line. */
  title: boolean;
  /** Read from a location field, a location column or a `File:` header. */
  field: boolean;
  /** Read under a fix's label or heading (`**Remediation**:`, `#### Recommendation`). */
  fix: boolean;
}

/**
 * The code locations a finding cites: its title line, its body's fields, prose, tables and
 * quoted code, and for a table row its location cell. `body` is the finding's own lines;
 * `lines` the whole report. One pass over the body; every line is capped before it is read.
 *
 * Weighing: a file named without lines on the title or in prose is only a mention. When the
 * finding has a location field, the field says where the problem is; then the title's files
 * (`H6. target omits \`hpa.yaml\``) and bare names in prose are its subject, not its place, and
 * only prose paths with a folder (`Update \`backend/routes/expenses.js\``) still count.
 */
export function findingLocations(unit: FindingUnit, body: ScannedLine[], lines: ScannedLine[]): LocationRef[] {
  const links: LinkContext = { homeRepo: homeRepoOf(lines), reportPath: unit.reportPath };
  const found: Located[] = [];
  let fixing = false;
  const locate = (f: FoundLocation, title: boolean, field: boolean, fix: boolean): Located =>
    ({ path: f.path, startLine: f.startLine, endLine: f.endLine, mention: f.mention, folder: f.folder, title, field, fix });
  const read = (text: string, context: LocationContext, field = false): void => {
    for (const f of findLocations(text, context, links)) found.push(locate(f, context === 'title', field, fixing));
  };
  const take = (refs: FoundLocation[]): void => {
    for (const f of refs) found.push(locate(f, false, false, false));
  };
  const start = lines[unit.startLine - 1];
  if (unit.tableLocation !== undefined) {
    // The location cell names files; any cell may cite `path:line`.
    read(unit.tableLocation, 'field', true);
    if (start) read(start.text, 'prose');
  } else if (start) {
    read(start.text, 'title');
  }
  // Lines written with no file: `**Lines Changed**: 28, 217` and "at lines 414-446" (`orphans`),
  // and citations in parentheses, "(line 114)" (`cited`), on the title line too.
  const orphans: Array<[number, number]> = [];
  const cited: Array<[number, number]> = [];
  if (start) {
    const text = start.text.length > MAX_LINE ? start.text.slice(0, MAX_LINE) : start.text;
    orphans.push(...proseLines(text));
    cited.push(...citedLines(text));
  }

  // After a location field, its paragraph's wrapped lines and a sub-list under an empty
  // `**Files**:` are locations too.
  let within: { kind: 'none' } | { kind: 'paragraph' } | { kind: 'list'; level: number } = { kind: 'none' };
  let fence: FencedCodeLocations | null = null;
  let locationColumns: Set<number> | null = null;
  // Whether the code block to come shows the problem or its fix: the nearest label decides,
  // else the nearest sub-heading.
  let headingRole: 'fix' | 'problem' | null = null;
  let labelRole: 'fix' | 'problem' | null = null;
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    if (l.line === unit.startLine || l.kind === 'frontMatter') continue;
    if (l.kind === 'fence' || l.kind === 'code') {
      if (fence === null) {
        fence = new FencedCodeLocations(links, (labelRole ?? headingRole) === 'fix');
        if (l.kind === 'fence') continue;
      }
      if (l.kind === 'code') {
        fence.add(l.text);
        continue;
      }
      take(fence.finish());
      fence = null;
      continue;
    }
    if (l.kind === 'tableRow' || l.kind === 'tableDelimiter') {
      if (l.kind === 'tableDelimiter') continue;
      const cells = tableCells(l.text);
      if (body[i + 1]?.kind === 'tableDelimiter') {
        // A header row: its location columns (`| File | Lines | Issue |`) hold file names.
        locationColumns = new Set(cells.flatMap((c, k) => (isLocationLabel(c) ? [k] : [])));
        continue;
      }
      cells.forEach((c, k) => read(c, locationColumns?.has(k) ? 'field' : 'prose', locationColumns?.has(k) ?? false));
      continue;
    }
    locationColumns = null;
    // A blank line holds no location and ends a field's paragraph; a long run of them costs nothing.
    if (l.kind === 'blank') {
      if (within.kind === 'paragraph') within = { kind: 'none' };
      continue;
    }
    if (l.kind === 'heading') {
      headingRole = snippetRole(l.content);
      labelRole = null;
    } else {
      const label = LEAD_LABEL.exec(l.text) ?? PLAIN_LABEL.exec(l.text);
      if (label) labelRole = snippetRole(label[1]);
    }
    fixing = (labelRole ?? headingRole) === 'fix';
    // `2. \`paykit-interactive/tests/*.rs\` - Unused import`: an item that opens with a path lists a place.
    const lead = l.kind === 'listItem' ? LEAD_PATH.exec(l.content) : null;
    if (lead) read(lead[1], 'field');
    // `**位置**：\`src/config.py\``: the full-width colon reads as a colon (one code unit each, so
    // the fields' offsets stay true).
    const text = (l.text.length > MAX_LINE ? l.text.slice(0, MAX_LINE) : l.text).replace(/：/g, ':');
    const fields = fieldsInLine(text, l.line);
    const locField = fields.find((f) => isLocationLabel(f.label));
    const continues =
      (within.kind === 'paragraph' && l.kind === 'text' && fields.length === 0) ||
      (within.kind === 'list' && l.kind === 'listItem' && l.level > within.level);
    if (locField) {
      const empty = locField.value.replace(/[*_`\s]/g, '') === '';
      within = empty ? { kind: 'list', level: l.kind === 'listItem' ? l.level : -1 } : { kind: 'paragraph' };
    } else if (!continues) {
      within = { kind: 'none' };
    }
    if (locField !== undefined) {
      // The field's value is a location; the rest of its line (`**Severity:** High`) is prose.
      read(text.slice(locField.valueStart, locField.valueEnd), 'field', true);
      read(text.slice(0, locField.valueStart - 1) + ' ' + text.slice(locField.valueEnd), 'prose');
    } else {
      read(text, continues ? 'field' : 'prose', continues);
    }
    for (const f of fields) if (LINE_LABELS.includes(f.label)) orphans.push(...orphanLines(f.value));
    orphans.push(...proseLines(text));
    cited.push(...citedLines(text));
  }
  if (fence !== null) take(fence.finish());

  const hasField = found.some((f) => f.field);
  const hasLocated = hasField || found.some((f) => f.startLine !== null);
  const kept = found.filter((f) => {
    if (!f.mention) return true;
    // "Paste the following into `ThunderLoanTest.t.sol`": where a proof of concept goes.
    if (!f.title && isTestFile(f.path)) return false;
    // "Replace in `cmd/gitcells/sync.go`" under `#### Recommendation`: where the fix goes.
    if (f.fix && hasLocated) return false;
    return !hasField || (!f.title && f.folder);
  });
  const unique = dedupeLocations(kept.map(({ path, startLine, endLine }) => ({ path, startLine, endLine })));
  // Lines with no file belong to the finding's one file: citations always, other line lists
  // only when no line of that file is written out already ("opened at line 12" in a finding
  // that cites `index.html:235` describes the code, it does not locate the problem).
  const files = distinctFiles(unique);
  if (files.length !== 1) return unique;
  const fileOnly = unique.every((r) => r.startLine === null);
  const extra = fileOnly ? [...cited, ...orphans] : cited;
  if (extra.length === 0) return unique;
  const path = files[0];
  // "(line 29)" inside a cited `postgres.go:24-30` only points into it.
  const inside = ([s, e]: [number, number]): boolean => unique.some((r) => r.startLine !== null && r.endLine !== null && r.startLine <= s && e <= r.endLine && r.startLine < r.endLine);
  const added = extra.filter((range) => !inside(range)).map(([s, e]) => ({ path, startLine: s, endLine: e }));
  return added.length === 0 ? unique : dedupeLocations([...unique, ...added]);
}

// The label a line opens with: `**Solution - Background Cleanup:**`, `- **Решение:**`, `**Step 1: …**`.
const LEAD_LABEL = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*\*|__)([^*_:：]{1,80})/u;
// A list item that opens with a path in a code span, perhaps in bold.
const LEAD_PATH = /^(?:\*\*|__)?(`[^`]{2,1024}`)/;
// A plain `Fix:` or `Current code:` line.
const PLAIN_LABEL = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?([^\s:：*_`][^:：*_`]{0,39})[:：]/u;

/** The cells of a table row, split on unescaped pipes (`\|` stays in its cell). */
function tableCells(row: string): string[] {
  const text = row.length > MAX_LINE ? row.slice(0, MAX_LINE) : row;
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  // A leading and a trailing pipe open and close the row; they bound no cell.
  if (cells.length > 1 && cells[0].trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
  return cells.map((c) => c.trim());
}

// One report's home repository is computed once, however many findings ask: the report's
// line array (made fresh by every scan) is the key, so nothing outlives the scan that made it.
const homeRepos = new WeakMap<readonly ScannedLine[], string | null | undefined>();

/**
 * For lines read apart from their report (one section re-read after an edit): the repository
 * the whole report's permalinks point to, which the section alone cannot tell.
 */
export function assumeHomeRepository(lines: readonly ScannedLine[], home: string | null | undefined): void {
  homeRepos.set(lines, home);
}

function homeRepoOf(lines: readonly ScannedLine[]): string | null | undefined {
  if (!homeRepos.has(lines)) homeRepos.set(lines, homeRepository(lines));
  return homeRepos.get(lines);
}
