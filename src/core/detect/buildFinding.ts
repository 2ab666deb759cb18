import type { Candidate } from './candidate';
import { pushAll } from '../pushAll';
import { quickPlain } from '../markdown/plain';
import { fieldsInLine, ITALIC_STATUS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS_READ, type Field } from '../markdown/fields';
import type { InlineText } from '../markdown/inlineText';
import { issueTableFields } from './issueTable';
import { dialectStatus } from '../dialects/dialects';
import { findingLocations } from '../locations/findingLocations';
import { dedupeLocations } from '../locations/locationsInText';
import { readTitle, shortTitle, type TitleParts } from './readTitle';
import type { ScannedLine } from '../markdown/scanLines';
import { severityFromValue } from '../vocabulary/severity';
import { statusFromValue, titleStatusSource, VERDICT_WORDS } from '../vocabulary/status';
import { FIX_NOUNS } from '../vocabulary/statusWords';
import { ID_LABELS, IMPACT_LABELS } from '../vocabulary/fieldLabels';
import { alternation } from '../vocabulary/wordPattern';
import type { Finding, Severity, Status } from '../types';

/** Reads a candidate's title, severity, status and locations into a finding. */
export function buildFinding(c: Candidate, inline: InlineText, lines: ScannedLine[]): Finding {
  if (c.code) {
    return {
      id: c.code.id ?? '', reportId: c.code.id, title: c.code.title.slice(0, 200), severity: c.code.severity ?? c.context.severity, status: c.context.status ?? 'open',
      kind: 'codeLine', reportRange: { startLine: c.startLine, endLine: c.endLine }, locations: dedupeLocations(c.code.locations),
      body: lines.slice(c.startLine - 1, c.endLine).map((l) => l.text).join('\n'),
    };
  }
  const readParts = readTitle(inline.text, inline.struck);
  const parts: TitleParts = {
    ...readParts,
    id: c.kind === 'heading' ? (readParts.id ?? c.parts.id) : (c.table?.id ?? c.parts.id ?? readParts.id),
    severity: c.parts.severity ?? readParts.severity,
    idSeverity: c.parts.idSeverity ?? readParts.idSeverity,
    status: readParts.status ?? c.parts.status,
  };
  const body = bodyLines(c, lines);
  const fields = bodyFields(body);
  // A table row's own fields are the markers written into its title cell.
  const own = c.kind === 'tableRow' ? fieldsInLine(c.table!.title, c.startLine) : fields;

  const table = c.kind === 'heading' ? issueTableFields(lines, c.startLine, c.endLine) : null;
  if (table?.id && parts.id === null) parts.id = table.id.replace(/[[\]]/g, '');
  // `**Finding ID:** APP-07` under the heading.
  const idField = parts.id === null ? own.find((f) => ID_LABELS.includes(f.label)) : undefined;
  if (idField) parts.id = quickPlain(idField.value).trim().split(/\s+/)[0].replace(/[[\]]/g, '') || null;
  const badge = c.kind === 'heading' ? badgeLine(body) : null;
  const severity =
    severityField(own, SEVERITY_LABELS) ??
    (table?.severity ? severityFromValue(table.severity) : null) ??
    parts.severity ??
    badge?.severity ??
    c.table?.severity ??
    severityField(own, PRIORITY_LABELS) ??
    parts.idSeverity ??
    severityField(own.filter((f) => LEVEL_VALUE.test(quickPlain(f.value))), IMPACT_LABELS) ??
    c.context.severity;

  // A status field outranks the per-issue table: the write-back puts its line between heading and table.
  const status = statusField(own) ?? (table?.status ? statusFromValue(table.status) : null) ?? readStatus(c, parts, inline, body) ?? badge?.status ?? 'open';
  const locations = findingLocations({ startLine: c.startLine, tableLocation: c.table?.location }, body, lines);
  let title = parts.title;
  if (c.shorten) title = shortTitle(title);
  return {
    id: parts.id ?? '',
    reportId: parts.id,
    title,
    severity,
    status,
    kind: c.kind,
    reportRange: { startLine: c.startLine, endLine: c.endLine },
    locations,
    body: body.map((l) => l.text).join('\n'),
  };
}

/** The fields written on the body's lines; code, fences and blank lines hold none. */
function bodyFields(body: readonly ScannedLine[]): Field[] {
  const out: Field[] = [];
  for (const l of body) if (l.kind !== 'code' && l.kind !== 'fence' && l.kind !== 'blank') pushAll(out, fieldsInLine(l.text, l.line));
  return out;
}

function bodyLines(c: Candidate, lines: ScannedLine[]): ScannedLine[] {
  // lines[k] is line k + 1; a heading's body starts below it, an item's at its lead line.
  return lines.slice(c.kind === 'heading' ? c.startLine : c.startLine - 1, c.endLine);
}

// `**Impact:** Medium`, `Impact: High - funds at risk`: a level, not prose ("Minor data loss on close").
const LEVEL_VALUE = /^\W*[\p{L}\p{N}]+\W*(?:$|[-–—:(,]|\s[-–—]\s)/u;

function severityField(fields: Field[], labels: string[]): Severity | null {
  for (const f of fields) if (labels.includes(f.label)) {
    const s = severityFromValue(f.value);
    if (s) return s;
  }
  return null;
}

function statusField(fields: Field[]): Status | null {
  for (const f of fields) if (STATUS_LABELS_READ.includes(f.label)) {
    const s = statusFromValue(f.value);
    if (s) return s;
  }
  return null;
}

/** `body` is the finding's own lines: below a heading, from an item's lead line. */
function readStatus(c: Candidate, parts: TitleParts, inline: InlineText, body: ScannedLine[]): Status | null {
  if (c.kind === 'tableRow') return c.table!.status ?? parts.status ?? c.context.status;
  if (c.kind === 'heading') {
    const next = body.find((l) => l.kind !== 'blank');
    const italic = next ? ITALIC_STATUS.exec(next.text) : null;
    if (italic) {
      const s = statusFromValue(italic[2]);
      if (s) return s;
    }
  }
  if (parts.status) return parts.status;
  if (c.kind === 'heading') {
    const sub = statusSubheading(body) ?? responseStatus(body) ?? dialectStatus(body);
    if (sub) return sub;
  }
  if (inline.struck !== '' && inline.struck.length >= inline.text.length * 0.5) return 'fixed';
  if (c.checkbox) return c.checkbox === 'checked' ? 'fixed' : 'open';
  // An item's own body may carry a maintainer's verdict (`* __MUL-02-002__: … _Our comment_: … fixed in …`).
  if (c.kind === 'listItem') return dialectStatus(body) ?? c.context.status ?? fixRecord(parts.title);
  return c.context.status ?? fixRecord(parts.title);
}

const STATUS_SUBHEADING = new RegExp(`^\\W*(?:✅|⏭️?|❌)?\\s*(${VERDICT_WORDS})(?![\\p{L}])(.*)$`, 'u');

// A title that names a fix as done, the noun closing it or labelling it: `C2: Bot User TOCTOU Fix`,
// `Critical Bug Fix: index_project Path Parameter` (work logs). "Fix the parser" is a task, not this.
const FIX_RECORD = new RegExp(`(?<![\\p{L}])(?:${alternation(FIX_NOUNS)})\\s*(?::|$)`, 'iu');

function fixRecord(title: string): Status | null {
  return FIX_RECORD.test(title.slice(0, 200)) ? 'fixed' : null;
}

// `Minor ✓ Fixed`, `Fixed`, `Acknowledged` alone on the line under a heading (ConsenSys web reports).
const BADGE_LINE = new RegExp(`^\\s*(?:(Critical|Major|Medium|Minor|High|Low)\\s*)?(?:[✓✔]\\s*)?(${titleStatusSource()})?\\s*$`, 'iu');

/** The badge line right under a heading: its severity (capitalised) and status, either may be missing. */
function badgeLine(body: ScannedLine[]): { severity: Severity | null; status: Status | null } | null {
  const next = body.find((l) => l.kind !== 'blank');
  if (!next || next.kind !== 'text') return null;
  const m = BADGE_LINE.exec(quickPlain(next.content));
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { severity: m[1] !== undefined && /^\p{Lu}/u.test(m[1]) ? severityFromValue(m[1]) : null, status: m[2] !== undefined ? statusFromValue(m[2]) : null };
}

/** `## Issue #3: …` followed by `### ✅ FIXED - 9 bugs` or `### ✅ INVESTIGATED - Cannot Reproduce`. */
function statusSubheading(body: ScannedLine[]): Status | null {
  const sub = body.find((l) => l.kind === 'heading');
  if (!sub) return null;
  const text = quickPlain(sub.content);
  const m = STATUS_SUBHEADING.exec(text);
  if (!m) return null;
  return statusFromValue(`${m[1]}${m[2]}`.replace(/^INVESTIGATED\b/, '')) ?? statusFromValue(text);
}

const RESPONSE_HEADING = /^(?:(?:developer|team|client|sponsor|project|protocol)\s+)?(?:response|resolution|remediation status|fix status|discussion)$/i;

/**
 * The first line under a `#### Developer Response` / `## Discussion` sub-heading, when it opens
 * with the verdict: "Fixed in PR#28.", "Acknowledged. …", "**pashov**: Client has fixed the issue."
 */
function responseStatus(body: ScannedLine[]): Status | null {
  const at = body.findIndex((l) => l.kind === 'heading' && RESPONSE_HEADING.test(quickPlain(l.content)));
  if (at < 0) return null;
  const first = body.slice(at + 1).find((l) => l.kind !== 'blank');
  if (!first || first.kind === 'heading' || first.kind === 'code') return null;
  const opening = quickPlain(first.content).replace(/^[^:]{1,40}:\s+/, '').split(/\s+/).slice(0, 6).join(' ');
  return statusFromValue(opening);
}
