import { severityFromId, severityInTitle } from '../vocabulary/severity';
import { statusFromValue, statusInTitle, titleStatusSource, VERDICT_WORDS } from '../vocabulary/status';
import { LEVEL_ID_WORDS, SEVERITY_TITLE_WORDS } from '../vocabulary/severityWords';
import { alternation } from '../vocabulary/wordPattern';
import type { Severity, Status } from '../types';
import { memoized } from '../memo';

/** What a finding's heading or lead line says by itself. */
export interface TitleParts {
  /** The report's own id, as written without brackets (H-01, C1, #12, 4.2, BUG-01). */
  id: string | null;
  title: string;
  severity: Severity | null;
  /** Severity implied by the id's letter scheme alone. */
  idSeverity: Severity | null;
  status: Status | null;
  /** True when the title carries marks that only findings carry (an id with a severity letter, a severity word, a status mark). */
  strong: boolean;
  /** True when the only id is a plain sequence number (1., 2), 4.2). */
  numbered: boolean;
}

const EMOJI = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{FE0F}\u{200D}]/gu;
// `HIGH-1` is an id, not the severity `HIGH -` before a title: no digit may follow.
const SEVERITY_LEAD = /^(?:\[(?:critical|high|medium|med|low|info|informational)\]|(?:critical|high|medium|med|low|info|informational|cr[ií]tico|alto|medio|bajo)\b(?:\s*(?:risk|severity))?\s*[:\-–—|](?!\s*\d))\s*/iu;
const ID_LABEL = /^(?:issue|finding|bug|vulnerability|problem)\s+(?=\[?[A-Z]{1,10}-?\d)/iu;
const CATEGORY_LEAD = /^\[[A-Z][A-Z /&-]{1,20}\]\s*/u;
// An id the report wrote: [H-01], H1, C-02, HIGH-1, P0-1, BUG-01, CLEANUP-1, M14, WF-3.
// MLLVD-CR-24-01 (X41), MUL-02-002 (Cure53), TOB-CE-1 (Trail of Bits) have several parts; CVE-2021-41254 a long one.
export const ID_BODY = String.raw`(?:[A-Z]{1,10}-?\d{1,4}(?:[.-]\d{1,7}){0,2}[a-z]?|[A-Z]{1,10}(?:-[A-Z]{1,10}){1,2}-?\d{1,4}(?:-\d{1,4})?)`;
// Bare ids need a separator after them, so that "ERC20 tokens …" is a title, not an id.
// `H-1 Title`, `BUG-12 Title`: ids of that shape need no separator ("SHA-256 hashing" still has none).
// A zero-padded number marks an id too (`PERF-01 N+1 queries`), where a standard's number does not (`AES-128`, `UTF-8`).
const SPACED_ID = /^((?:[A-Z]|BUG|SEC|VULN|ISSUE|FINDING|TOB|OZ|QSP|CVF)-\d{1,4}|[A-Z]{2,10}-0\d{1,3})\s+(?=\S)/u;
const LETTER_ID = new RegExp(String.raw`^(?:\[(${ID_BODY})\]|(${ID_BODY})(?=[.:)]|\s+[—–-]|$))[.:)]?\s*[—–-]?\s*`, 'u');
// `P0`, `P1` before a title are priorities, not ids (`## P0 — Critical`); `P0-1` is an id.
const PRIORITY_TAG = /^P[0-4]$/;
// `(HAL-13) Title`: an id in parentheses before the title.
const PAREN_ID_LEAD = new RegExp(String.raw`^\((${ID_BODY}|#\d{1,5})\)\s*[:.—–-]?\s*`, 'u');
const PAREN_ID_TRAIL = new RegExp(String.raw`\s\((?:issue\s+|finding\s+)?(${ID_BODY}|#\d{1,5})\)$`, 'iu');
const HASH_ID = /^(?:(?:issue|bug|finding|item|problem)\s*)?#(\d{1,5})\b[.:)]?\s*[—–-]?\s*/iu;
const WORD_NUMBER_ID = /^(?:issue|bug|finding|vulnerability|problem)\s+(\d{1,5}(?:\.\d{1,3})?)\b[.:)]?\s*[—–-]?\s*/iu;
// `## [01] Title` (Code4rena QA reports): a bracketed number is the report's numbering.
const BRACKET_NUMBER_ID = /^\[(\d{1,4})\]\s*[:.—–-]?\s*/u;
const NUMBER_ID = /^(\d{1,4}(?:\.\d{1,3})*(?:-\d{1,4})?)(?:[.:)]\s*|\s+(?=\S))[—–-]?\s*/u;
// Status markers after a title, from the vocabulary: `— FIXED`, `(RESOLVED)`, `✅ WON'T FIX`, `[Won't fix]`.
const TRAILING_STATUS = new RegExp(`\\s*[-–—|(]*\\s*(?:✅|⏭️?|❌)?\\s*(?<![\\p{L}])(?:${titleStatusSource(true)})(?![\\p{L}])\\)?\\s*$`, 'u');
const TRAILING_BRACKETED_STATUS = new RegExp(`\\s*[[(]\\s*(?:${titleStatusSource()})\\s*[\\])]\\s*$`, 'iu');
// `unchecked-transfer - FIXED (5 instances)`: a status after a dash ends the title.
const DASH_STATUS = new RegExp(`\\s+[-–—|]\\s+(?:✅\\s*)?(?:${VERDICT_WORDS})(?![\\p{L}]).*$`, 'u');
const TRAILING_SEVERITY = /\s*[-–—|(]*\s*\b(CRITICAL|HIGH|MEDIUM|LOW)(\s+(FIX|SEVERITY|RISK|PRIORITY))?\b\)?\s*$/u;
// `Title (Severity: High)`, `Title (Medium)`, `Title [Risk: Low]`: a severity in brackets after the title.
const TRAILING_BRACKETED_SEVERITY = new RegExp(`\\s*[[(（]\\s*(?:(?:severity|risk|impact|severidad|severidade|sévérité|schweregrad)\\s*[:=]\\s*)?(?:${alternation(SEVERITY_TITLE_WORDS)})\\s*[\\])）]\\s*$`, 'iu');
// `Low 01: title`, `[Non Critical-09] title` (Code4rena QA reports): the level and a number are the id.
const LEVEL_NUMBER_ID = new RegExp(`^(?:(${LEVEL_ID_WORDS})[ -](\\d{1,3})\\s*[:.—–-]\\s*|\\[(${LEVEL_ID_WORDS})[ -]?(\\d{1,3})\\]\\s*[:.—–-]?\\s*)`, 'iu');
// `MUL-02-002 WP2: title` (Cure53): the id, then the work package or platform it was found in.
const TAGGED_ID = new RegExp(String.raw`^(${ID_BODY})\s+[A-Za-z]{1,4}\d{0,2}\s*:\s*`, 'u');
// `【修正済み】` before a title.
const CJK_MARKER = /^[【［\[]([^】］\]]{1,12})[】］\]]\s*/u;
const TRAILING_LOCATION = /\s*\((?:[^()]*[/.][^()]*:\d[^()]*|lines?\s+\d[^()]*)\)\s*$/iu;

/**
 * Splits a finding title (already plain text) into its id, its title words, and the
 * severity and status marks around them.
 */
export function readTitle(plain: string, struck = ''): TitleParts {
  // A title is read where it is judged and again where its finding is built: the second time it is looked up.
  return struck === '' ? readPlainTitle(plain) : readTitleParts(plain, struck);
}

const readPlainTitle = memoized((plain: string) => readTitleParts(plain, ''));

function readTitleParts(plain: string, struck: string): TitleParts {
  // Non-breaking and figure dashes (`[LOW‑1]`, from `&#8209;`) are the ids' own hyphens.
  plain = plain.replace(/[\u2010\u2011\u2012]/g, '-');
  const severity = severityInTitle(plain);
  const status = statusInTitle(plain.replace(struck, ' '));
  let rest = plain.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  // `__MLLVD-CR-24-01__: title` (X41): emphasis left around the id.
  rest = rest.replace(/^(\*\*|__)([^*_]{1,40})\1/u, '$2');
  // `【修正済み】SQLインジェクション`: a bracketed status marker before the title (Japanese reviews).
  const marker = CJK_MARKER.exec(rest);
  if (marker && statusFromValue(marker[1]) !== null) rest = rest.slice(marker[0].length);

  let id: string | null = null;
  let numbered = false;
  rest = stripLead(stripLead(rest, SEVERITY_LEAD), ID_LABEL);
  const levelId = LEVEL_NUMBER_ID.exec(rest);
  let m = levelId ? null : (HASH_ID.exec(rest) ?? WORD_NUMBER_ID.exec(rest));
  if (levelId) {
    id = levelId[0].replace(/^\[|\].*$/gu, '').replace(/\s*[:.—–-]?\s*$/u, '').trim();
    rest = rest.slice(levelId[0].length);
  } else if (m) {
    id = m[0].includes('#') ? `#${m[1]}` : m[1];
    rest = rest.slice(m[0].length);
  } else if ((m = LETTER_ID.exec(rest)) && !PRIORITY_TAG.test(m[1] ?? m[2])) {
    id = m[1] ?? m[2];
    rest = rest.slice(m[0].length);
  } else if ((m = TAGGED_ID.exec(rest))) {
    id = m[1];
    rest = rest.slice(m[0].length);
  } else if ((m = PAREN_ID_LEAD.exec(rest))) {
    id = m[1];
    rest = rest.slice(m[0].length);
  } else if ((m = SPACED_ID.exec(rest))) {
    id = m[1];
    rest = rest.slice(m[0].length);
  } else if ((m = BRACKET_NUMBER_ID.exec(rest))) {
    id = m[1];
    numbered = true;
    rest = rest.slice(m[0].length);
  } else if ((m = NUMBER_ID.exec(rest))) {
    id = m[1];
    numbered = true;
    rest = rest.slice(m[0].length);
    // `1. H2: title` and `7.12 (HAL-22) title` put a sequence number before the finding's real id.
    const inner = LETTER_ID.exec(stripLead(rest, SEVERITY_LEAD));
    const paren = inner ? null : PAREN_ID_LEAD.exec(rest);
    if (paren) {
      id = paren[1];
      numbered = false;
      rest = rest.slice(paren[0].length);
    } else if (inner) {
      id = inner[1] ?? inner[2];
      numbered = false;
      rest = stripLead(rest, SEVERITY_LEAD).slice(inner[0].length);
    }
  }
  rest = stripLead(stripLead(rest, SEVERITY_LEAD), CATEGORY_LEAD);
  const markerAfterId = CJK_MARKER.exec(rest);
  if (markerAfterId && statusFromValue(markerAfterId[1]) !== null) rest = rest.slice(markerAfterId[0].length);
  // `[CRITICAL] BUG-01 — title`: the id may follow a severity tag.
  if (id === null) {
    const after = LETTER_ID.exec(rest);
    if (after && !PRIORITY_TAG.test(after[1] ?? after[2])) {
      id = after[1] ?? after[2];
      rest = rest.slice(after[0].length);
    }
  }
  // `Title (HAL-13)`, `Title (Issue #8)`: an id in parentheses after the title (firm reports'
  // summary tables and maintainers' audit responses); it outranks a plain sequence number.
  if (id === null || numbered) {
    const trail = PAREN_ID_TRAIL.exec(rest);
    if (trail) {
      id = trail[1];
      numbered = false;
      rest = rest.slice(0, trail.index);
    }
  }

  let title = rest.replace(DASH_STATUS, '');
  for (let guard = 0; guard < 4; guard++) {
    const before = title;
    title = title.replace(TRAILING_STATUS, '').replace(TRAILING_BRACKETED_STATUS, '').replace(TRAILING_SEVERITY, '').replace(TRAILING_LOCATION, '').replace(TRAILING_BRACKETED_SEVERITY, '');
    title = title.replace(/\s*[-–—|:]\s*$/u, '').trim();
    if (title === before) break;
  }
  title = title.replace(/^[\s.:)\]—–-]+/u, '').trim();
  if (title === '') title = rest.trim() || plain.trim();

  const idSeverity = id !== null && !numbered ? severityFromId(id) : null;
  const strong = idSeverity !== null || severity !== null || status !== null;
  return { id, title, severity, idSeverity, status, strong, numbered };
}

function stripLead(s: string, re: RegExp): string {
  const m = re.exec(s);
  return m ? s.slice(m[0].length) : s;
}

/** The first sentence or clause of an item with no bold title. */
export function shortTitle(t: string): string {
  const cut = /^(.{8,}?)(?:\s[—–]\s|\.\s|\s-\s|:\s(?=[A-Z])|\s+(?:Evidencia|Evidence|Evidência|File|Location)\s*:)/u.exec(t);
  let s = (cut ? cut[1] : t).trim();
  // Never stop inside parentheses: "Update vite (test thoroughly - breaking changes)".
  if ((s.match(/\(/g) ?? []).length > (s.match(/\)/g) ?? []).length) {
    const close = t.indexOf(')', s.length);
    if (close > 0) s = t.slice(0, close + 1);
  }
  return s.length > 140 ? s.slice(0, 137).trimEnd() + '…' : s;
}
