import { PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS_READ } from '../vocabulary/fieldLabels';
import { alternation } from '../vocabulary/wordPattern';
import { classifySection } from '../vocabulary/sectionKind';
import type { Candidate } from './candidate';

// A findings table or list that repeats findings written out under headings adds nothing:
// "- Issue #1: Request Body Company Override" under a summary is a cross-reference.
export function dropRepeats(cands: Candidate[]): Candidate[] {
  const headingIds = new Set(cands.filter((c) => c.kind === 'heading' && c.parts.id).map((c) => normId(c.parts.id!)));
  const headingTitles = new Set(cands.filter((c) => c.kind === 'heading').map((c) => normTitle(c.parts.title)).filter((t) => t.length >= 8));
  const rowIds = new Set(cands.filter((c) => c.kind === 'tableRow' && c.table!.id !== null).map((c) => normId(c.table!.id!)));
  cands = cands.filter((c) => {
    if (c.kind !== 'listItem') return true;
    if (c.parts.id !== null && headingIds.has(normId(c.parts.id))) return false;
    // `- P2-8: Zod para importAllData` under `### Sprint 2`: a plan that schedules a finding of a table.
    if (c.parts.id !== null && rowIds.has(normId(c.parts.id)) && classifySection(c.section).procedural) return false;
    // "arbitrary-send-erc20 (1 result)" in a list of the findings written out below.
    // The title, or its start up to a word break, is a heading's title: looked up per word, not per heading.
    const t = normTitle(c.parts.title);
    if (headingTitles.has(t)) return false;
    for (let at = t.indexOf(' '); at >= 0; at = t.indexOf(' ', at + 1)) if (headingTitles.has(t.slice(0, at))) return false;
    return true;
  });
  const ids = new Set(cands.filter((c) => c.kind !== 'tableRow' && c.parts.id).map((c) => normId(c.parts.id!)));
  const titles = new Set(cands.filter((c) => c.kind !== 'tableRow').map((c) => normTitle(c.parts.title)));
  return cands.filter((c) => {
    if (c.kind !== 'tableRow') return true;
    if (c.table!.id !== null) return !ids.has(normId(c.table!.id));
    if (c.parts.id !== null && ids.has(normId(c.parts.id))) return false;
    return !titles.has(normTitle(c.parts.title));
  });
}

function normId(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9.]/g, '').replace(/([A-Z])0+(\d)/g, '$1$2');
}

// A field written after an item's title (` **Status:** Open`, as a status change writes it) is no part of it.
const TRAILING_FIELD = new RegExp(`\\s(?:${alternation([...STATUS_LABELS_READ, ...SEVERITY_LABELS, ...PRIORITY_LABELS])})\\s*[:：].*$`, 'iu');

function normTitle(t: string): string {
  return t.replace(TRAILING_FIELD, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
