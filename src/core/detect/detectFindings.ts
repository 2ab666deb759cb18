import type { Candidate } from './candidate';
import { pushAll } from '../pushAll';
import type { Severity, Status } from '../types';
import { fieldsInLine, STATUS_LABELS_READ } from '../markdown/fields';
import type { Block } from '../markdown/blocks';
import { quickPlain } from '../markdown/plain';
import { readTable } from './readTable';
import { readTitle, type TitleParts } from './readTitle';
import type { ScannedLine } from '../markdown/scanLines';
import { isGroupHeading } from '../vocabulary/groupHeading';
import { BODY_PART_HEADING, DEFECT, ETCETERA, FINDING_NOUN, isFindingField } from '../vocabulary/findingWords';
import { statusFromValue, statusInTitle, statusOpeningValue, VERDICT_WORDS } from '../vocabulary/status';
import { severityFromValue } from '../vocabulary/severity';
import { cue, SIBLING_THRESHOLD, THRESHOLD, total, type Cue } from './cues';
import { dialectCodeFindings } from '../dialects/dialects';
import { readDirective, type Directive } from './directives';
import { readItemLead } from './itemLead';
import { contextOf, labelInfo, sectionInfo, type SectionInfo } from './sectionInfo';
import { classifySection, mayNameFindings } from '../vocabulary/sectionKind';

export type Verdict = 'finding' | 'group' | 'container' | 'body' | 'forced' | 'not-finding' | 'ignored';

/** One block the detector weighed, with the evidence and the outcome; `explain` prints these. */
export interface Judgement {
  kind: 'heading' | 'listItem' | 'tableRow' | 'paragraph';
  line: number;
  endLine: number;
  title: string;
  cues: Cue[];
  score: number;
  verdict: Verdict;
  /** Why the verdict differs from what the score alone says (a group, siblings, a directive). */
  because?: string;
  candidate?: Candidate;
}

interface SectionResult {
  j: Judgement;
  /** Findings inside the section, when it is not one itself. */
  inner: Judgement[];
  /** Evidence against it that siblings cannot outweigh. */
  hard: boolean;
  /** The candidate it would be, should its siblings make it a finding. */
  pending: Candidate | null;
  block: Block;
  /** Where its judgements start in `Detector.judgements`, so a second reading can replace them. */
  from: number;
}

interface Scope {
  /** Headings and label lines above, outermost first. */
  stack: SectionInfo[];
  /** Inside a list item that is not a finding. */
  nested: boolean;
  /** A report comment in force for the units directly inside this block. */
  force: Directive | null;
}

// Depth of nested lists the detector follows; deeper items are the body of what holds them.
// Bounds the recursion whatever the input.
const MAX_DEPTH = 40;

/**
 * Weighs every heading section, list item, table row and bold-lead paragraph of a report and
 * returns the findings among them, with every judgement made on the way.
 */
export function detectFindings(lines: readonly ScannedLine[], root: Block, within?: SectionScope): Detection {
  // A section judged alone (an edited one, see reparseReport) is never the report's first heading.
  const d = new Detector(lines, within ? null : firstSection(root));
  const found = within ? d.children(root, within.scope, within.depth) : d.children(root, { stack: [], nested: false, force: null }, 0);
  const candidates = found.map((j) => j.candidate!).sort((a, b) => a.startLine - b.startLine);
  const judgements = d.judgements.filter((j) => !d.dropped.has(j)).sort((a, b) => a.line - b.line);
  // Whatever lies inside a finding is its body, whatever it would have been on its own.
  let k = 0;
  for (const f of found.sort((a, b) => a.line - b.line)) {
    while (k < judgements.length && judgements[k].line <= f.line) k++;
    for (let m = k; m < judgements.length && judgements[m].line <= f.endLine; m++) {
      const j = judgements[m];
      if (j.verdict === 'finding' || j.verdict === 'forced') continue;
      j.verdict = 'body';
      j.because ??= `inside the finding at line ${f.line}`;
    }
  }
  return { candidates, judgements, scopes: d.scopes };
}

export interface Detection {
  candidates: Candidate[];
  judgements: Judgement[];
  /** The scope each heading section was judged in, by its line. */
  scopes: Map<number, SectionScope>;
}

/** What a heading section is judged in; kept so that an edited section can be judged again alone. */
export interface SectionScope {
  readonly scope: Scope;
  readonly depth: number;
}

class Detector {
  readonly judgements: Judgement[] = [];
  /** Judgements of a first reading that a second one replaced. */
  readonly dropped = new Set<Judgement>();
  readonly scopes = new Map<number, SectionScope>();

  constructor(
    private readonly lines: readonly ScannedLine[],
    private readonly firstHeading: Block | null,
  ) {}

  /** Judges the blocks inside `parent`; returns the findings among them and their descendants. */
  children(parent: Block, scope: Scope, depth: number): Judgement[] {
    const found: Judgement[] = [];
    const sections: SectionResult[] = [];
    let directive: Directive | null = null;
    let previous: Block | null = null;
    const paragraphs: Judgement[] = [];
    let verdictAbove: Status | null = null;
    for (const b of parent.children) {
      const pending = directive;
      directive = null;
      if (b.kind === 'comment') {
        directive = readDirective(this.lines[b.index].text);
        continue;
      }
      if (pending === 'ignore') {
        previous = b;
        continue;
      }
      const childScope: Scope = { ...scope, force: pending === 'findings' ? 'findings' : scope.force === 'not-findings' ? 'not-findings' : pending === 'not-findings' ? 'not-findings' : null };
      const own = scope.force === 'findings' ? 'findings' : pending === 'not-findings' || scope.force === 'not-findings' ? 'not-findings' : null;
      if (b.kind === 'section') {
        const r = this.section(b, scope, own, childScope.force, depth);
        sections.push(r);
        this.results.set(b, r);
        // `### ✅ FIXED - 9 bugs found and fixed` over sibling `### Bug #1 …` headings (agent bug-fix
        // logs): the verdict is theirs, unless they say otherwise.
        const heading = r.j.title;
        if (r.j.verdict !== 'finding' && STATUS_LEAD.test(heading)) verdictAbove = statusFromValue(heading.replace(/^\W*INVESTIGATED\b/, '')) ?? verdictAbove;
        else if (verdictAbove !== null) {
          for (const c of [r.j.candidate, r.pending]) if (c && c.context.status === null) c.context = { ...c.context, status: verdictAbove };
        }
      } else if (b.kind === 'list') {
        const label = previous?.kind === 'paragraph' && previous.endLine >= b.line - 2 ? labelInfo(this.lines, previous) : null;
        pushAll(found, this.list(b, label ? { ...scope, stack: [...scope.stack, label] } : scope, own ?? childScope.force, depth));
      } else if (b.kind === 'table') {
        pushAll(found, this.table(b, scope, own ?? childScope.force));
      } else if (b.kind === 'code' && own !== 'not-findings') {
        pushAll(found, this.code(b, scope));
      } else if (b.kind === 'paragraph') {
        const j = this.paragraph(b, scope, own);
        if (j) paragraphs.push(j);
      }
      previous = b;
    }
    pushAll(found, this.closeParagraphs(parent, paragraphs));
    this.siblingsAgree(sections);
    this.groupsAgree(sections, scope, depth);
    for (const s of sections) pushAll(found, s.j.verdict === 'finding' || s.j.verdict === 'forced' ? [s.j] : s.inner);
    return found;
  }

  private section(b: Block, scope: Scope, own: Directive | null, inner: Directive | null, depth: number, asGroup = false): SectionResult {
    const l = this.lines[b.index];
    this.scopes.set(b.line, { scope, depth });
    const info = sectionInfo(this.lines, b, this.firstHeading);
    const plain = info.title;
    // Read once by sectionInfo; again only when struck-through text may change the status.
    // A copy: it is changed below, and readTitle's answers are shared.
    const parts = { ...(info.parts && !l.content.includes('~~') ? info.parts : readTitle(plain, struckText(l.content))) };
    // `### 3.1 Usage of re-entrancy guard  Won't Fix` (ConsenSys web reports): a badge set off by
    // two spaces, which the plain title no longer shows.
    parts.status ??= statusInTitle(l.content.replace(/[*_`]/g, ''));
    // `## Issue #3: …` then `### ✅ FIXED - 9 bugs` or `### INVESTIGATED - Cannot Reproduce`: a verdict
    // sub-heading is part of the finding above it (agent bug-fix logs).
    if (scope.stack[scope.stack.length - 1]?.unit && STATUS_LEAD.test(plain)) info.bodyPart = true;
    // `### 13-23. Оптимизации`: numbered as a range, the heading holds findings 13 to 23.
    const range = parts.numbered && parts.id !== null ? /^(\d+)-(\d+)$/.exec(parts.id) : null;
    const numberedRange = range !== null && Number(range[2]) > Number(range[1]);
    if (asGroup || numberedRange) info.kind = { ...info.kind, findings: true, procedural: false };
    const cues: Cue[] = [];
    let hard = false;
    if (plain === '') cues.push(cue('empty'));
    if (info.docTitle) cues.push(cue('docTitle', plain));
    if (parts.id !== null && !parts.numbered) cues.push(cue('reportId', parts.id));
    if (parts.numbered) cues.push(cue('numbered', parts.id ?? ''));
    if (parts.severity !== null) cues.push(cue('severityMark', parts.severity));
    if (parts.status !== null) cues.push(cue('statusMark', parts.status));
    const defect = DEFECT.exec(parts.title.slice(0, 160));
    if (defect) cues.push(cue('defectWords', defect[0]));
    const fields = bodyFields(this.lines, b.line, this.ownBodyEnd(b));
    if (fields.status) cues.push(cue('statusField', fields.status));
    if (fields.finding.length > 0) cues.push(cue('findingFields', fields.finding.slice(0, 3).join(', ')));
    // **Problem:**, **Impact:** and **Fix:** together are a finding's anatomy, whatever the heading says.
    if (fields.finding.length >= 3) cues.push(cue('moreFindingFields', fields.finding.slice(3, 6).join(', ')));
    if (PATH_LINE.test(l.content)) cues.push(cue('locationInTitle'));
    else if (fields.location) cues.push(cue('locationInBody'));
    if (info.bodyPart) {
      cues.push(cue('bodyPart', parts.title));
      hard = true;
    }
    // "L6: Implement Password Strength Validation" carries an id: it is a finding, whatever its words.
    if (info.kind.positive && !(parts.id !== null && !parts.numbered)) {
      cues.push(cue('praise', plain));
      hard = true;
    } else if (info.kind.procedural) {
      cues.push(cue('ownProcedural', plain));
      hard = true;
    } else if (info.kind.summary && parts.id === null) {
      cues.push(cue('summary', plain));
      hard = true;
    }
    cues.push(...contextCues(scope.stack, 'heading'));
    const score = total(cues);
    const j: Judgement = { kind: 'heading', line: b.line, endLine: b.endLine, title: plain, cues, score, verdict: 'container' };
    const from = this.judgements.length;
    this.judgements.push(j);

    const childScope: Scope = { stack: [...scope.stack, info], nested: false, force: inner };
    let found = own === 'not-findings' ? [] : depth > MAX_DEPTH ? [] : this.children(b, childScope, depth + 1);
    // `### Proof of Concept` under a finding's heading: what it holds (`**Issue 1: …**`) is that finding's
    // argument, not findings of its own.
    if (info.bodyPart && own !== 'findings' && scope.stack.length > 0 && !scope.stack[scope.stack.length - 1].docTitle) {
      for (const f of found) {
        f.verdict = 'body';
        f.because = `part of "${parts.title}", a finding's ${parts.title.toLowerCase()}`;
        f.candidate = undefined;
      }
      found = [];
    }
    if (own === 'not-findings') {
      j.verdict = 'not-finding';
      j.because = 'report comment: not-findings';
      return { j, inner: [], hard: true, pending: null, block: b, from };
    }
    const subFinding = this.sectionsInside(b).some((c) => c.j.verdict === 'finding' || c.j.verdict === 'forced' || (c.j.verdict === 'group' && c.inner.length > 0));
    const marked = parts.id !== null && !parts.numbered ? true : parts.severity !== null || parts.status !== null || fields.status !== null;
    // Units that carry their own id, severity or cited line are the repeated unit; a plain heading over them is a group.
    const markedInner = found.filter(isMarked);
    // `<!-- audit-lens: findings -->` before a heading makes what it holds findings; a heading that
    // holds no units (prose only) is the finding itself.
    if (((own === 'findings') || (inner === 'findings' && found.length === 0)) && !info.docTitle) {
      j.verdict = 'forced';
      j.because = 'report comment: findings';
    } else if (isGroupHeading(plain) && !(parts.id !== null && !parts.numbered) && !info.bodyPart) {
      j.verdict = 'group';
      j.because = 'names a group of findings';
    } else if (numberedRange && found.length > 0) {
      j.verdict = 'group';
      j.because = `numbered ${parts.id}: a range of findings`;
    } else if (subFinding) {
      j.verdict = 'group';
      j.because = 'sub-headings are findings';
    } else if (!marked && (markedInner.length >= 2 || (parts.id === null && found.some((f) => f.cues.some((c) => c.name === 'reportId'))) || (markedInner.length === 1 && contextOnly(cues)))) {
      j.verdict = 'group';
      j.because = `${markedInner.length} marked findings inside`;
    } else if (score >= THRESHOLD) {
      j.verdict = 'finding';
    }
    if (j.verdict === 'finding' || j.verdict === 'forced') {
      for (const f of found) {
        f.verdict = 'body';
        f.because = `inside the finding at line ${b.line}`;
        f.candidate = undefined;
      }
      j.candidate = this.headingCandidate(b, parts, scope.stack);
      return { j, inner: [], hard, pending: null, block: b, from };
    }
    const pending = j.verdict === 'container' ? this.headingCandidate(b, parts, scope.stack) : null;
    const result = { j, inner: found, hard: hard || found.length > 0 || pending === null, pending, block: b, from };
    // A heading over marked findings and no sub-headings (`## 3. Code quality` over `**Duplication:**`
    // and its bullets) is a group of findings: its plainer units are read again as a group's, once.
    // Only when the marked findings are its own lists' items: findings nested under an item that names
    // their group (`**Critical Bug Fixes**` over `- Fixed …`) say nothing of that item's siblings.
    const ownItems = new Set(b.children.flatMap((c) => (c.kind === 'list' ? c.children.map((i) => i.line) : [])));
    if (!asGroup && j.verdict === 'group' && !subFinding && !b.children.some((c) => c.kind === 'section') && markedInner.filter((f) => ownItems.has(f.line)).length >= 2) {
      return this.reread(result, scope, depth, j.because ?? '');
    }
    return result;
  }

  /** Reads a section again as a group of findings, replacing the judgements of its first reading. */
  private reread(first: SectionResult, scope: Scope, depth: number, because: string): SectionResult {
    for (let m = first.from; m < this.judgements.length; m++) this.dropped.add(this.judgements[m]);
    const again = this.section(first.block, scope, null, null, depth, true);
    if (again.j.verdict === 'container' && again.inner.length > 0) {
      again.j.verdict = 'group';
      again.j.because = because;
    }
    this.results.set(first.block, again);
    return again;
  }

  private readonly results = new Map<Block, SectionResult>();
  private sectionsInside(b: Block): SectionResult[] {
    const out: SectionResult[] = [];
    for (const c of b.children) {
      const r = c.kind === 'section' ? this.results.get(c) : undefined;
      if (r) out.push(r);
    }
    return out;
  }

  /** When most headings of one level under one parent are findings, the plainer ones are too. */
  private siblingsAgree(sections: SectionResult[]): void {
    this.fieldsRepeat(sections);
    if (sections.length < 3) return;
    const findings = sections.filter((s) => s.j.verdict === 'finding' || s.j.verdict === 'forced').length;
    if (findings < 2 || findings * 2 < sections.length) return;
    for (const s of sections) {
      if (s.j.verdict !== 'container' || s.hard || s.j.score < SIBLING_THRESHOLD) continue;
      s.j.verdict = 'finding';
      s.j.because = `${findings} of ${sections.length} sibling headings are findings`;
      s.j.candidate = s.pending ?? undefined;
    }
  }

  /**
   * When most numbered headings of one level are groups of findings (`## 1. Security findings`, `## 2.
   * Correctness findings`), a plain numbered sibling (`## 3. Code quality & maintainability`) is one too: its
   * units are read again as a group's.
   */
  private groupsAgree(sections: SectionResult[], scope: Scope, depth: number): void {
    const numbered = (s: SectionResult): boolean => s.j.cues.some((c) => c.name === 'numbered');
    // Peers are the siblings of the same shape: the numbered headings of a numbered sequence.
    const peers = sections.filter(numbered);
    const groups = peers.filter((p) => (p.j.verdict === 'group' || p.j.verdict === 'container') && p.inner.length > 0).length;
    if (groups < 2 || groups * 2 < peers.length) return;
    sections.forEach((s, k) => {
      if (s.j.verdict !== 'container' || !numbered(s) || s.j.cues.some((c) => c.weight < 0)) return;
      sections[k] = this.reread(s, scope, depth, `${groups} of ${peers.length} sibling headings of its shape hold findings`);
    });
  }

  /**
   * Headings of one level that each carry finding fields (`**Vulnerability:**` / `**Prevention:**` under
   * dated headings in a security journal) are the report's repeated unit, whatever their titles say.
   */
  private fieldsRepeat(sections: SectionResult[]): void {
    const withFields = sections.filter((s) => s.pending !== null && !s.hard && s.j.cues.some((c) => c.name === 'findingFields'));
    if (withFields.length < 2 || withFields.length * 10 < sections.length * 6) return;
    for (const s of withFields) {
      if (s.j.verdict !== 'container' || s.j.score < SIBLING_THRESHOLD) continue;
      s.j.verdict = 'finding';
      s.j.because = `${withFields.length} of ${sections.length} sibling headings carry finding fields`;
      s.j.candidate = s.pending ?? undefined;
    }
  }

  private headingCandidate(b: Block, parts: TitleParts, stack: SectionInfo[]): Candidate {
    const l = this.lines[b.index];
    return {
      kind: 'heading', startLine: b.line, endLine: b.endLine, titleSource: l.content, parts, context: contextOf(stack),
      checkbox: null, section: nearestTitle(stack), shorten: false,
    };
  }

  /** The lines of a section before its first sub-section. */
  /** Where a heading's own body ends (0-based, exclusive): at its first sub-heading. */
  private ownBodyEnd(b: Block): number {
    const firstSub = b.children.find((c) => c.kind === 'section');
    return firstSub ? firstSub.line - 1 : b.endLine;
  }

  private list(list: Block, scope: Scope, force: Directive | null, depth: number): Judgement[] {
    const items: Array<{ j: Judgement; hard: boolean; inner: Judgement[]; pending?: Candidate }> = [];
    const legend = isLegend(this.lines, list);
    const listForce = force;
    // What the headings above say is the same for every item of the list.
    const context = contextCues(scope.stack, 'item');
    const contextPraise = context.some((c) => c.name === 'praise');
    const itemContext = contextOf(scope.stack);
    const section = nearestTitle(scope.stack);
    let own: Directive | null = null;
    for (const b of list.children) {
      // A report comment between items speaks for the next item alone.
      if (b.kind === 'comment') {
        own = readDirective(this.lines[b.index].text) ?? own;
        continue;
      }
      const force = own ?? listForce;
      own = null;
      if (force === 'ignore') continue;
      const l = this.lines[b.index];
      const lead = readItemLead(l);
      const cues: Cue[] = [];
      let hard = false;
      if (lead.prefixSeverity !== null) cues.push(cue('severityPrefix', lead.prefixSeverity));
      else if (lead.parts.severity !== null) cues.push(cue('severityMark', lead.parts.severity));
      if (lead.parts.id !== null && !lead.parts.numbered) cues.push(cue('reportId', lead.parts.id));
      if (lead.parts.status !== null) cues.push(cue('statusMark', lead.parts.status));
      if (lead.boldLead) cues.push(cue('boldLead'));
      if (lead.fixedLead) cues.push(cue('fixedLead'));
      if (PATH_LINE.test(l.content)) cues.push(cue('locationInTitle'));
      const plainLine = lead.plain;
      const title = lead.titleSource === l.content ? plainLine : quickPlain(lead.titleSource);
      const defect = DEFECT.exec(title.slice(0, 160));
      if (defect) cues.push(cue('defectWords', defect[0]));
      const fields = bodyFields(this.lines, b.line, b.endLine);
      if (fields.finding.length > 0) cues.push(cue('findingFields', fields.finding.slice(0, 3).join(', ')));
      // `- **Race in refresh** **Status:** Open`: the item's own status field (as Track as Finding writes it).
      const ownStatus = fieldsInLine(l.text, l.line).find((f) => STATUS_LABELS_READ.includes(f.label) && statusOpeningValue(f.value) !== null);
      if (ownStatus && lead.parts.status === null) cues.push(cue('itemStatusField', ownStatus.value.slice(0, 30)));
      if (!scope.nested && l.level <= 3) cues.push(cue('topLevelItem'));
      // A nested `- Fixed …` is a work-log entry of its own, not a detail of the item above.
      if (scope.nested && !lead.fixedLead) cues.push(cue('nestedInItem'));
      if (lead.field) {
        cues.push(cue('fieldLine', plainLine.slice(0, 40)));
        hard = true;
      }
      if (lead.count) {
        cues.push(cue('countLine'));
        hard = true;
      }
      if (ETCETERA.test(plainLine)) {
        cues.push(cue('empty', 'and others'));
        hard = true;
      } else if (plainLine === '') {
        // `- ` or `- [ ]` with nothing after it: a bullet with no words names no finding (its nested items still may).
        cues.push(cue('empty'));
        hard = true;
      }
      if (legend) {
        cues.push(cue('legend'));
        hard = true;
      }
      if (COMMIT_OR_FILE.test(l.text)) {
        cues.push(cue('commitOrFile'));
        hard = true;
      }
      if (contextPraise) hard = true;
      cues.push(...context);
      const score = total(cues);
      const j: Judgement = { kind: 'listItem', line: b.line, endLine: b.endLine, title, cues, score, verdict: 'container' };
      this.judgements.push(j);
      const candidate: Candidate = {
        kind: 'listItem', startLine: b.line, endLine: b.endLine, titleSource: lead.titleSource, parts: lead.fixedLead && lead.parts.status === null ? { ...lead.parts, status: 'fixed' } : lead.parts,
        context: itemContext, checkbox: l.checkbox, section, shorten: lead.shorten,
      };
      if (force === 'not-findings') {
        j.verdict = 'not-finding';
        j.because = 'report comment: not-findings';
        items.push({ j, hard: true, inner: [] });
        continue;
      }
      // An item that names a group (`**Super-Memory-TS Critical Bug Fixes**`) lends its words to its nested items.
      const label = b.children.length > 0 ? itemLabel(title, b.line) : null;
      const nestedScope: Scope = { stack: label ? [...scope.stack, label] : scope.stack, nested: label === null, force: null };
      if (force === 'findings' || score >= THRESHOLD) {
        // Unless its own nested items are marked findings (`- Fixed …`, `- [H-1] …`): then it is their group.
        const marked = force !== 'findings' && !cues.some((c) => c.name === 'reportId' || c.name === 'severityPrefix' || c.name === 'fixedLead') && b.children.length > 0 && depth <= MAX_DEPTH;
        const innerFound = marked ? this.children(b, nestedScope, depth + 1) : [];
        if (innerFound.filter(isMarked).length >= 2) {
          j.verdict = 'group';
          j.because = `${innerFound.length} marked findings inside`;
          items.push({ j, hard: true, inner: innerFound });
          continue;
        }
        for (const f of innerFound) {
          f.verdict = 'body';
          f.because = `inside the finding at line ${b.line}`;
          f.candidate = undefined;
        }
        j.verdict = force === 'findings' ? 'forced' : 'finding';
        if (force === 'findings') j.because = 'report comment: findings';
        j.candidate = candidate;
        items.push({ j, hard, inner: [] });
        continue;
      }
      // Not a finding: its nested items may be.
      const inner = depth > MAX_DEPTH ? [] : this.children(b, nestedScope, depth + 1);
      items.push({ j, hard: hard || inner.length > 0, inner, pending: candidate });
    }
    // When most items of a list are findings, the plainer ones are too.
    const findings = items.filter((i) => i.j.verdict === 'finding' || i.j.verdict === 'forced').length;
    if (findings >= 2 && findings * 2 > items.length) {
      for (const i of items) {
        if (i.j.verdict !== 'container' || i.hard || i.j.score < SIBLING_THRESHOLD + 0.5) continue;
        i.j.verdict = 'finding';
        i.j.because = `${findings} of ${items.length} items of this list are findings`;
        i.j.candidate = i.pending;
      }
    }
    const out: Judgement[] = [];
    for (const i of items) {
      if (i.j.verdict === 'finding' || i.j.verdict === 'forced') out.push(i.j);
      else pushAll(out, i.inner);
    }
    return out;
  }

  private table(b: Block, scope: Scope, force: Directive | null): Judgement[] {
    const context = contextCues(scope.stack, 'row');
    const findingsContext = context.some((c) => c.weight > 0);
    const { rows } = readTable(this.lines, b.index, force === 'findings' || findingsContext, force === 'findings');
    const nearest = scope.stack[scope.stack.length - 1]?.kind;
    // A table right under a procedural heading (steps, files changed) holds no findings.
    const procedural = nearest !== undefined && nearest.procedural && !nearest.findings;
    const legend = isLegendTable(rows);
    const out: Judgement[] = [];
    for (const row of rows) {
      const parts = readTitle(quickPlain(row.title), '');
      const cues: Cue[] = [...context];
      if (row.id !== null) cues.push(cue('reportId', row.id));
      const j: Judgement = { kind: 'tableRow', line: row.line, endLine: row.line, title: parts.title, cues, score: total(cues), verdict: 'container' };
      this.judgements.push(j);
      if (force === 'not-findings') {
        j.verdict = 'not-finding';
        continue;
      }
      if (procedural && force !== 'findings') {
        j.because = 'table under a procedural heading';
        continue;
      }
      if (legend && force !== 'findings') {
        j.cues.push(cue('legend'));
        j.score = total(j.cues);
        j.because = 'a severity legend: one row per level';
        continue;
      }
      j.verdict = force === 'findings' ? 'forced' : 'finding';
      j.because = force === 'findings' ? 'report comment: findings' : 'a findings table (its header names the columns)';
      j.candidate = {
        kind: 'tableRow', startLine: row.line, endLine: row.line, titleSource: row.title, parts, context: contextOf(scope.stack),
        checkbox: null, table: row, section: nearestTitle(scope.stack), shorten: true,
      };
      out.push(j);
    }
    return out;
  }

  /** Tool output pasted in fenced code (gosec, Bandit, govulncheck): each result a dialect knows is a finding. */
  private code(b: Block, scope: Scope): Judgement[] {
    const code = this.lines.slice(b.line - 1, b.endLine).filter((l) => l.kind === 'code');
    const out: Judgement[] = [];
    for (const f of dialectCodeFindings(code)) {
      const j: Judgement = { kind: 'paragraph', line: f.line, endLine: f.endLine, title: f.title, cues: [{ name: 'dialect', weight: THRESHOLD, detail: f.dialect }], score: THRESHOLD, verdict: 'finding' };
      j.candidate = {
        kind: 'codeLine', startLine: f.line, endLine: f.endLine, titleSource: f.title, parts: readTitle(f.title), context: contextOf(scope.stack),
        checkbox: null, section: nearestTitle(scope.stack), shorten: false, code: f,
      };
      this.judgements.push(j);
      out.push(j);
    }
    return out;
  }

  /**
   * A paragraph that opens with a bold title (`***Vulnerability 1: … (High)***`, `**H-1: …**`) or an
   * id (`CVE-2024-1 – HIGH – title`) can be a finding in reports written without headings.
   */
  private paragraph(b: Block, scope: Scope, own: Directive | null): Judgement | null {
    const l = this.lines[b.index];
    const bold = /^\s*(\*{2,3}|_{2,3})([^*_\n]{3,300})\1/.exec(l.text);
    const idLead = /^\s*(CVE-\d{4}-\d{3,}|[A-Z]{2,10}-\d{1,4}|\[[A-Z]{1,10}-?\d{1,4}\])/.exec(l.text);
    if (!bold && !idLead) return null;
    const titleMd = bold ? bold[2] : l.content;
    const plain = quickPlain(titleMd);
    const parts = readTitle(plain, '');
    const cues: Cue[] = [];
    let hard = false;
    if (parts.id !== null && !parts.numbered) cues.push(cue('reportId', parts.id));
    // `CVE-2021-41254: [Privilege escalation …](advisory)`: an advisory is a finding by definition.
    if (parts.id !== null && ADVISORY_ID.test(parts.id)) cues.push(cue('advisoryId', parts.id));
    if (parts.severity !== null) cues.push(cue('severityMark', parts.severity));
    if (parts.status !== null) cues.push(cue('statusMark', parts.status));
    if (bold) cues.push(cue('boldLead'));
    const fields = fieldsInLine(l.text, l.line);
    if (fields.length > 0 && bold && bold[2].trim().endsWith(':')) {
      cues.push(cue('fieldLine', bold[2]));
      hard = true;
    }
    if (BODY_PART_HEADING.test(parts.title) && parts.id === null) {
      cues.push(cue('bodyPart', parts.title));
      hard = true;
    }
    cues.push(...contextCues(scope.stack, 'item'));
    const score = total(cues);
    const j: Judgement = { kind: 'paragraph', line: b.line, endLine: b.endLine, title: parts.title, cues, score, verdict: 'container' };
    this.judgements.push(j);
    if (own === 'not-findings' || hard) return j;
    // Paragraphs are the weakest unit: they need a mark of their own (id or severity).
    const marked = cues.some((c) => c.name === 'reportId' || c.name === 'severityMark');
    if ((marked && score >= THRESHOLD + 1) || own === 'findings') {
      j.verdict = own === 'findings' ? 'forced' : 'finding';
      j.candidate = {
        kind: 'paragraph', startLine: b.line, endLine: b.endLine, titleSource: titleMd, parts, context: contextOf(scope.stack),
        checkbox: null, section: nearestTitle(scope.stack), shorten: !bold,
      };
    }
    return j;
  }

  /** A paragraph finding runs to the next paragraph finding or sub-section of its container. */
  private closeParagraphs(parent: Block, paragraphs: Judgement[]): Judgement[] {
    const found = paragraphs.filter((p) => p.candidate !== undefined);
    if (found.length === 0) return [];
    const stops = parent.children.filter((c) => c.kind === 'section').map((c) => c.line);
    found.forEach((p, k) => {
      const next = Math.min(found[k + 1]?.line ?? Infinity, stops.find((s) => s > p.line) ?? Infinity, parent.endLine + 1);
      let end = next - 1;
      while (end > p.line && this.lines[end - 1].kind === 'blank') end--;
      p.endLine = end;
      p.candidate!.endLine = end;
    });
    return found;
  }
}

/** The cues a unit takes from the headings and label lines above it. */
function contextCues(stack: readonly SectionInfo[], unit: 'heading' | 'item' | 'row'): Cue[] {
  const out: Cue[] = [];
  let findingsAt = -1;
  let proceduralAt = -1;
  for (let k = stack.length - 1; k >= 0; k--) {
    const s = stack[k];
    if (s.docTitle) continue;
    // `### Recommendation` under `### 1. Medium - …`: what it holds is that finding's body.
    if (s.bodyPart && (stack[k - 1]?.unit || findingsAt < 0)) return k > 0 && stack[k - 1].unit ? [cue('inFindingBody', s.title)] : [];
    // A heading that reads as a finding is no group: its words say nothing of what it holds.
    if (s.unit) continue;
    if (s.kind.positive) return [cue('praise', s.title)];
    if (findingsAt < 0 && (s.kind.findings || s.kind.severity !== null || s.kind.status !== null)) findingsAt = k;
    if (proceduralAt < 0 && s.kind.procedural) proceduralAt = k;
  }
  // A label line (`**Issue #1 (JSON Leaking)**`) under a procedural heading names what a file list is for.
  if (findingsAt >= 0 && stack[findingsAt].label && proceduralAt >= 0) findingsAt = -1;
  // A procedural section decides for what it holds ("Rollback Plan" over "Greatshot Fixes"), unless the one
  // heading says both ("Remaining from Audit (lower priority)").
  if (findingsAt >= 0 && (proceduralAt < 0 || findingsAt === proceduralAt)) {
    const s = stack[findingsAt];
    const direct = findingsAt === stack.length - 1;
    out.push(cue(s.label ? 'labelSection' : direct && unit === 'heading' ? 'findingsSectionChild' : 'findingsSection', s.title));
  } else if (proceduralAt >= 0) {
    out.push(cue('procedural', stack[proceduralAt].title));
  }
  const nearest = stack[stack.length - 1];
  if (unit !== 'heading' && nearest !== undefined && !nearest.docTitle && nearest.kind.summary) out.push(cue('summary', nearest.title));
  return out;
}

/** Only its section speaks for a heading (`### Security` under `## Resolved`): it names a topic, not a finding. */
function contextOnly(cues: readonly Cue[]): boolean {
  return cues.every((c) => c.weight <= 0 || c.name === 'findingsSectionChild' || c.name === 'findingsSection' || c.name === 'labelSection');
}

/** A unit that carries a mark of its own: an id, a severity, a cited line or a fix verb. */
function isMarked(j: Judgement): boolean {
  return j.cues.some((c) => c.name === 'reportId' || c.name === 'severityMark' || c.name === 'severityPrefix' || c.name === 'locationInTitle' || c.name === 'fixedLead');
}

/** An item's title as a label for its nested items, when it names findings or a severity. */
function itemLabel(title: string, line: number): SectionInfo | null {
  // A label names a group in a few words (as a heading must to name findings): longer items are not
  // classified at all, which spares the vocabulary patterns on every sentence-long item.
  if (title.length > 80 || title.split(/\s+/).length > 6 || !mayNameFindings(title)) return null;
  const kind = classifySection(title);
  return kind.findings && !kind.procedural ? { line, title, kind, docTitle: false, label: true, unit: false, bodyPart: false } : null;
}

interface BodyFields {
  status: string | null;
  finding: string[];
  location: boolean;
}

/** Labelled fields in a unit's own body, `lines[from..to)` (code aside), and whether it cites `path:line`. */
function bodyFields(lines: readonly ScannedLine[], from: number, to: number): BodyFields {
  const out: BodyFields = { status: null, finding: [], location: false };
  let seen = 0;
  for (let k = from; k < to && k < lines.length; k++) {
    const l = lines[k];
    if (l.kind === 'code' || l.kind === 'fence' || l.kind === 'heading' || l.kind === 'blank') continue;
    // Fields sit near the top of a finding; a long body is not searched to its end.
    if (++seen > 40) break;
    // `- **Severity:** High` bullets are fields of the section; `- **CRITICAL: race** **Status:** Open`
    // is an item with a field of its own.
    const itemLead = l.kind === 'listItem' ? quickPlain(l.content).toLowerCase() : null;
    for (const f of fieldsInLine(l.text, l.line)) {
      if (itemLead !== null && !itemLead.startsWith(f.label)) continue;
      // A status field speaks for a finding unless it is prose that gives no status: `**Status**:
      // Session complete, quality gates passed` heads an agent's session log, not a finding.
      if (STATUS_LABELS_READ.includes(f.label)) {
        if (statusOpeningValue(f.value) === null && (statusFromValue(f.value) !== null || quickPlain(f.value).split(/\s+/).length >= 4)) continue;
        if (out.status === null) out.status = f.value.slice(0, 30);
      }
      if (isFindingField(f.label) && !out.finding.includes(f.label)) out.finding.push(f.label);
    }
    if (!out.location && PATH_LINE.test(l.text)) out.location = true;
  }
  return out;
}

/**
 * A list whose items define severity levels (`- **High**: may lead to loss of funds`) is a
 * legend, not a list of findings (contest and firm reports' severity criteria).
 */
function isLegend(lines: readonly ScannedLine[], list: Block): boolean {
  if (list.children.length < 3) return false;
  const seen = new Set<string>();
  for (const b of list.children) {
    // `- **High**: may lead to loss of funds`, `* **Minor** issues are subjective in nature` (ConsenSys).
    const plain = quickPlain(lines[b.index].content);
    const m = /^\W{0,4}([\p{L}\p{N}]{1,20})(?:\W{0,4}[:\-–—]|\s+(\p{L}+))/u.exec(plain);
    const level = m && (m[2] === undefined || wholeNoun(m[2])) ? severityFromValue(m[1]) : null;
    if (level === null || PATH_LINE.test(lines[b.index].content)) return false;
    seen.add(level);
  }
  return seen.size === list.children.length;
}

function wholeNoun(word: string): boolean {
  const m = FINDING_NOUN.exec(word);
  return m !== null && m[0].length === word.length;
}

/**
 * A table with one row per severity level and neither ids nor locations defines the levels
 * (`| Critical | Loss or compromise of critical assets … |`, firms' risk classification tables).
 */
function isLegendTable(rows: ReadonlyArray<{ id: string | null; severity: Severity | null; location: string }>): boolean {
  if (rows.length < 3) return false;
  const levels = new Set(rows.map((r) => r.severity));
  return !levels.has(null) && levels.size === rows.length && rows.every((r) => r.id === null && r.location === '');
}

/** A heading that opens with a verdict: `✅ FIXED - …`, `INVESTIGATED - Cannot Reproduce`, `Resolved`. */
const STATUS_LEAD = new RegExp(`^[\\s✅❌⏭️☑️✔️]*(?:${VERDICT_WORDS}|Fixed|Resolved|Status)(?![\\p{L}])`, 'u');

/** Public advisory ids: CVE-2021-41254, GHSA-35rf-v2jv-gfg7. */
const ADVISORY_ID = /^(?:CVE-\d{4}-\d{4,7}|GHSA(?:-[0-9a-z]{4}){3})$/i;

/**
 * `path/file.ext:12` or `file.ext#L12`: a cited line of code. Found from each `:digit` or `#Ldigit`
 * backwards, so a line costs one pass whatever its length (a pattern starting at every character
 * with a 200-character class run costs that much more).
 */
const PATH_LINE = {
  test(text: string): boolean {
    for (let i = text.indexOf(':'), h = text.indexOf('#L'); i >= 0 || h >= 0; ) {
      const at = i >= 0 && (h < 0 || i < h) ? i : h;
      const digit = text.charCodeAt(at + (at === i ? 1 : 2));
      if (digit >= 48 && digit <= 57 && endsWithExtension(text, at)) return true;
      if (at === i) i = text.indexOf(':', i + 1);
      else h = text.indexOf('#L', h + 2);
    }
    return false;
  },
};

/** `….ext` right before `end`: a dot, 1–8 letters, and a word or path character before the dot. */
function endsWithExtension(text: string, end: number): boolean {
  let k = end - 1;
  while (k >= 0 && end - k <= 8 && /[A-Za-z]/.test(text[k])) k--;
  return k < end - 1 && end - k - 1 <= 8 && text[k] === '.' && k > 0 && /[\w./-]/.test(text[k - 1]);
}
/** A commit list (`- 2823bd8 fix: …`) or a file list (`- src/a.ts`) entry. */
const COMMIT_OR_FILE = /^\s*(?:[-*+]|\d+[.)])\s+(?:`?[0-9a-f]{7,40}`?\s|`?[\w.-]{1,100}(?:\/[\w.-]{1,100}){1,20}`?\s*(?:\(|$|[-–—:]\s*(?:new|added|modified|deleted|updated|created)))/;

function firstSection(root: Block): Block | null {
  for (const c of root.children) if (c.kind === 'section') return c;
  return null;
}

function nearestTitle(stack: readonly SectionInfo[]): string {
  return stack[stack.length - 1]?.title ?? '';
}

function struckText(md: string): string {
  const out: string[] = [];
  const re = /~~([^~\n]{1,500})~~/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(md)) !== null) out.push(quickPlain(m[1]));
  return out.join(' ');
}
