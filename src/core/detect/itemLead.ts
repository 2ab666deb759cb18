import { quickPlain } from '../markdown/plain';
import { ID_BODY, readTitle, type TitleParts } from './readTitle';
import type { ScannedLine } from '../markdown/scanLines';
import { severityFromId, severityFromValue } from '../vocabulary/severity';
import { priorityLevel } from '../vocabulary/severityWords';
import type { Severity } from '../types';
import { isKnownLabel } from '../vocabulary/findingWords';
import { FIX_VERBS } from '../vocabulary/statusWords';
import { alternation } from '../vocabulary/wordPattern';

/** What a list item's first line says about itself, read before any decision. */
export interface ItemLead {
  /** Markdown of the title (the bold lead, or what follows a severity or id tag). */
  titleSource: string;
  /** The whole lead line as plain text (read once here; the detector weighs it too). */
  plain: string;
  parts: TitleParts;
  /** Severity written as a prefix (`**HIGH:** …`, `CRITICO - …`, `[HIGH] …`). */
  prefixSeverity: Severity | null;
  /** The item opens with a bold span. */
  boldLead: boolean;
  /** `- **Status:** Fixed`: the item is a labelled field of something else. */
  field: boolean;
  /** `- Medium: 2 issues`: a count of findings, not one. */
  count: boolean;
  /** The title is a whole sentence or more, to be cut to its first clause. */
  shorten: boolean;
  /** The item opens with a past-tense fix verb (`Fixed race in …`): a work-log entry of a fixed defect. */
  fixedLead: boolean;
}

// `Fixed race condition in …`, `**Fixed hanging issue**:`; not `Fixed: 3` (a count) nor `Fixed-point`.
const FIXED_LEAD = new RegExp(`^[\\W]{0,4}(?:${alternation(FIX_VERBS)})(?![\\p{L}\\p{N}:-])`, 'iu');

// Severity prefixes of list items (agent reviews, Spanish/Portuguese reviews):
// `**CRITICAL: title**`, `[HIGH] title`, `MED - title`, `CRITICO - title`. A capitalised word in a
// sentence ("Critical bugs fixed: 2") is no prefix.
const PREFIX_MARKED = /^\W{0,4}(?:\[(critical|high|medium|med|low|info)\]|(critical|high|medium|med|low|info|informational|cr[ií]tico|alto|medio|bajo|baixo|m[ée]dio)[ \t]*[:\-–—][ \t])/iu;
const PREFIX_UPPER = /^\W{0,4}(CRITICAL|HIGH|MEDIUM|MED|LOW|INFO|CR[IÍ]TICO|ALTO|MEDIO|BAJO)\s(?=\S)/u;

export function severityPrefix(text: string): string | null {
  const m = PREFIX_MARKED.exec(text) ?? PREFIX_UPPER.exec(text);
  return m ? (m[1] ?? m[2]) : null;
}

const BOLD_LEAD = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/;
// `- **Status:** Fixed`, `- **Bugs Fixed**: 14`.
const FIELD_LEAD = /^\s*(?:\*\*|__)([^*_]{1,40}?)\s*(?::(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(.*)$/;
const COUNT = /^\W*\w+\W+\d+\s+(issues?|findings?|bugs?|items?)\b/i;
// `**CODE-6**`, `**[M-01]**`, `__MUL-02-002 WP2__` (Cure53: the id, then the work package or
// platform it was found in): the bold part is an id, the title follows it.
const ID_ONLY = new RegExp(String.raw`^\[?(${ID_BODY}|#\d+)\]?(?:\s+[A-Za-z]{1,4}\d{0,2})?$`, 'u');
const TAG_ONLY = /^\[[A-Z][A-Z ]{1,20}\]$/;

/**
 * `- **Status:** Fixed`, `- **Commit:** e38ba5d`, `- **Bugs Fixed**: 14`: a labelled field, not a finding.
 * `- **Windows healing gaps:** DC-DNS never heals …` (agent session logs) is a titled item: its label
 * is no known field and its value is prose.
 */
function isField(lead: string): boolean {
  const m = FIELD_LEAD.exec(lead);
  if (!m) return false;
  const value = quickPlain(m[2]);
  // A count, a date or a commit is a value; a sentence is what the label titles.
  return isKnownLabel(m[1]) || value === '' || /^[\d.,%:/-]+(?:\s|$)|^`?[0-9a-f]{7,40}`?$/.test(value);
}

/** Reads the lead line of a list item: its title, id and severity prefix. */
export function readItemLead(l: ScannedLine): ItemLead {
  const lead = l.content;
  const plain = quickPlain(lead);
  let strong = BOLD_LEAD.exec(lead);
  const boldLead = strong !== null;
  // `**HIGH:** Issue title`, `**[HIGH]** \`a.ts:3\` — title`: the bold part is only the severity;
  // the title follows it (after a location written first, if any).
  let rest: string | null = null;
  let leadSeverity: string | null = null;
  const leadWord = strong ? /^\W*\[?(\p{L}+)\]?\W*$/u.exec(quickPlain(strong[1])) : null;
  if (strong && leadWord && severityPrefix(`${leadWord[1]}: `) !== null) {
    leadSeverity = leadWord[1];
    rest = lead.slice(lead.indexOf(strong[0]) + strong[0].length).replace(/^[\s:—–-]+/u, '').replace(/^`[^`]*`\s*[—–:-]\s*/u, '');
    strong = null;
  }
  const titleText = strong ? quickPlain(strong[1]) : rest !== null ? quickPlain(rest) : plain;
  const prefix = leadSeverity ?? severityPrefix(titleText) ?? severityPrefix(plain);
  let parts = readTitle(titleText, '');
  let titleSource = strong ? strong[1] : (rest ?? lead);
  // `**CODE-6** (216 any): prioritize …` or `**[OPTIONAL]** …`: the bold part is an id or a
  // tag, and the title follows it.
  const idOnly = ID_ONLY.test(titleText);
  if (strong && (idOnly || TAG_ONLY.test(titleText))) {
    titleSource = lead.slice(lead.indexOf(strong[0]) + strong[0].length).replace(/^[\s\]:.—–-]+/u, '');
    let id = idOnly ? ID_ONLY.exec(titleText)![1] : null;
    let idSeverity = id ? severityFromId(id) : null;
    // `- **P0** Payments double-charged`: a priority tag, not an id.
    const priority = id !== null ? /^P([0-4])$/.exec(id) : null;
    if (priority) {
      id = null;
      idSeverity = priorityLevel(Number(priority[1]));
    }
    parts = { ...readTitle(quickPlain(titleSource), ''), id, numbered: false, idSeverity };
    parts.strong = parts.strong || idSeverity !== null;
  }
  const severity = prefix ? severityFromValue(prefix) : null;
  return {
    titleSource,
    plain,
    parts: { ...parts, severity: severity ?? parts.severity, strong: parts.strong || severity !== null },
    prefixSeverity: severity,
    boldLead,
    field: prefix === null && isField(lead),
    count: COUNT.test(plain),
    shorten: titleSource !== (strong?.[1] ?? null),
    fixedLead: FIXED_LEAD.test(titleText),
  };
}
