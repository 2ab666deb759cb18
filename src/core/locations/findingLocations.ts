import { fieldsInLine, LINE_LABELS, LOCATION_LABELS } from '../markdown/fields';
import type { ScannedLine } from '../markdown/scanLines';
import type { LocationRef } from '../types';
import { dedupeLocations, locationsInText, orphanLines, proseLines } from './locationsInText';

/** Where a finding starts in the report, and for a table row the text of its location cell. */
export interface FindingUnit {
  startLine: number;
  tableLocation?: string;
}

/**
 * The code locations a finding cites: its title line, its body's fields and prose, and for a
 * table row its location cell. `body` is the finding's own lines; `lines` the whole report.
 */
export function findingLocations(unit: FindingUnit, body: ScannedLine[], lines: ScannedLine[]): LocationRef[] {
  const refs: LocationRef[] = [];
  const orphans: Array<[number, number]> = [];
  if (unit.tableLocation !== undefined) {
    // The location cell names files; any cell may cite `path:line`.
    refs.push(...locationsInText(unit.tableLocation, 'field'), ...locationsInText(lines[unit.startLine - 1].text, 'prose'));
  } else {
    refs.push(...locationsInText(lines[unit.startLine - 1].text, 'title'));
  }
  // After a location field, its paragraph's wrapped lines and a sub-list under an empty
  // `**Files**:` are locations too.
  let within: { kind: 'none' } | { kind: 'paragraph' } | { kind: 'list'; level: number } = { kind: 'none' };
  for (const l of body) {
    if (l.line === unit.startLine || l.kind === 'code' || l.kind === 'fence' || l.kind === 'frontMatter') continue;
    const fields = fieldsInLine(l.text, l.line);
    const locField = fields.find((f) => LOCATION_LABELS.includes(f.label));
    const continues =
      (within.kind === 'paragraph' && l.kind === 'text' && fields.length === 0) ||
      (within.kind === 'list' && l.kind === 'listItem' && l.level > within.level);
    if (locField) {
      const empty = locField.value.replace(/[*_`\s]/g, '') === '';
      within = empty ? { kind: 'list', level: l.kind === 'listItem' ? l.level : -1 } : { kind: 'paragraph' };
    } else if (!continues && l.kind !== 'blank') {
      within = { kind: 'none' };
    } else if (l.kind === 'blank' && within.kind === 'paragraph') {
      within = { kind: 'none' };
    }
    refs.push(...locationsInText(l.text, locField !== undefined || continues ? 'field' : 'prose'));
    for (const f of fields) if (LINE_LABELS.includes(f.label)) orphans.push(...orphanLines(f.value));
    orphans.push(...proseLines(l.text));
  }
  const unique = dedupeLocations(refs);
  const paths = new Set(unique.map((r) => r.path));
  if (orphans.length > 0 && paths.size === 1 && unique.every((r) => r.startLine === null)) {
    const path = unique[0].path;
    return dedupeLocations(orphans.map(([s, e]) => ({ path, startLine: s, endLine: e })));
  }
  return unique;
}
