import { contextOf, inProcedure, quickPlain, sectionTitle, type Candidate, type Section } from './candidate';
import { readTitle } from './readTitle';
import type { ScannedLine } from './scanLines';
import { severityFromId, severityFromValue } from './severity';

export function listItemEnd(lines: ScannedLine[], i: number): number {
  const item = lines[i];
  let last = item.line;
  let sawBlank = false;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'heading' || l.kind === 'tableDelimiter') break;
    if (l.kind === 'listItem' && l.level <= item.level) break;
    if (l.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    const indent = /^[ \t]*/.exec(l.text)![0].replace(/\t/g, '    ').length;
    if ((l.kind === 'code' || l.kind === 'fence') && indent < item.contentColumn && !insideItemFence(lines, j, item)) break;
    if (sawBlank && l.kind !== 'code' && l.kind !== 'fence' && l.kind !== 'listItem' && indent < item.contentColumn) break;
    last = l.line;
    sawBlank = false;
  }
  return last;
}

// A fence opened by a line of the item keeps its code lines in the item.
function insideItemFence(lines: ScannedLine[], j: number, item: ScannedLine): boolean {
  for (let k = j; k >= 0 && lines[k].line > item.line; k--) {
    if (lines[k].kind === 'fence') {
      const indent = /^[ \t]*/.exec(lines[k].text)![0].length;
      return indent >= item.contentColumn || lines[k].kind === 'fence';
    }
  }
  return false;
}

// `**CRITICAL: title**`, `[HIGH] title`, `MED - title`, `CRITICO - title`; a capitalised word in a
// sentence ("Critical bugs fixed: 2") is no prefix.
const PREFIX_MARKED = /^\W{0,4}(?:\[(critical|high|medium|med|low|info)\]|(critical|high|medium|med|low|info|informational|cr[ií]tico|alto|medio|bajo|baixo|m[ée]dio)\s*[:\-–—]\s)/iu;
const PREFIX_UPPER = /^\W{0,4}(CRITICAL|HIGH|MEDIUM|MED|LOW|INFO|CR[IÍ]TICO|ALTO|MEDIO|BAJO)\s(?=\S)/u;

function severityPrefix(text: string): string | null {
  const m = PREFIX_MARKED.exec(text) ?? PREFIX_UPPER.exec(text);
  return m ? (m[1] ?? m[2]) : null;
}

export function listItemCandidate(l: ScannedLine, end: number, stack: Section[], nested: boolean): Candidate | null {
  const lead = l.content;
  const plain = quickPlain(lead);
  let strongLead = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(lead);
  // `**HIGH:** Issue title`, `**[HIGH]** \`a.ts:3\` — title`: the bold part is only the severity;
  // the title follows it (after a location written first, if any).
  let rest: string | null = null;
  let leadSeverity: string | null = null;
  const leadWord = strongLead ? /^\W*\[?(\p{L}+)\]?\W*$/u.exec(quickPlain(strongLead[1])) : null;
  if (strongLead && leadWord && severityPrefix(`${leadWord[1]}: `) !== null) {
    leadSeverity = leadWord[1];
    rest = lead.slice(lead.indexOf(strongLead[0]) + strongLead[0].length).replace(/^[\s:—–-]+/u, '').replace(/^`[^`]+`\s*[—–:-]\s*/u, '');
    strongLead = null;
  }
  const titleText = strongLead ? quickPlain(strongLead[1]) : rest !== null ? quickPlain(rest) : plain;
  const prefix = leadSeverity ?? severityPrefix(titleText) ?? severityPrefix(plain);
  const nearest = stack[stack.length - 1]?.kind;
  const anyPositive = stack.some((s) => s.kind.positive);
  if (anyPositive) return null;
  // A field line such as `- **Status:** Fixed` or `- **Bugs Fixed**: 14` is metadata.
  if (/^\s*(?:\*\*|__)[^*_]{1,40}(?::(?:\*\*|__)|(?:\*\*|__)\s*:)/.test(lead) && !prefix) return null;
  let parts = readTitle(titleText, '');
  let titleSource = strongLead ? strongLead[1] : (rest ?? lead);
  // `**CODE-6** (216 any): prioritize …` or `**[OPTIONAL]** …`: the bold part is an id or a
  // tag, and the title follows it.
  const idOnly = /^\[?(?:[A-Z][A-Z0-9]*-?\d+[a-z]?|#\d+)\]?$/.test(titleText);
  if (strongLead && (idOnly || /^\[[A-Z][A-Z ]{1,20}\]$/.test(titleText))) {
    titleSource = lead.slice(lead.indexOf(strongLead[0]) + strongLead[0].length).replace(/^[\s\]:.—–-]+/u, '');
    const id = idOnly ? titleText.replace(/[[\]]/g, '') : null;
    const idSeverity = id ? severityFromId(id) : null;
    parts = { ...readTitle(quickPlain(titleSource), ''), id, numbered: false, idSeverity };
    parts.strong = parts.strong || idSeverity !== null;
  }
  // "- Medium: 2 issues" counts findings; it is none.
  const isCount = /^\W*\w+\W+\d+\s+(issues?|findings?|bugs?|items?)\b/i.test(plain);
  if (isCount) return null;
  const procedure = inProcedure(stack, true);
  const isPrefixed = prefix !== null && !isCount && !procedure;
  const inFindingSection = nearest !== undefined && (nearest.findings || nearest.severity !== null) && !procedure;
  if (!isPrefixed && !inFindingSection) return null;
  if (!isPrefixed && (l.level > 3 || nested)) return null;
  const severity = prefix ? severityFromValue(prefix) : null;
  return {
    kind: 'listItem',
    startLine: l.line,
    endLine: end,
    titleSource,
    parts: { ...parts, severity: severity ?? parts.severity, strong: parts.strong || severity !== null },
    context: contextOf(stack),
    checkbox: l.checkbox,
    section: sectionTitle(stack),
    shorten: titleSource !== (strongLead?.[1] ?? null),
  };
}
