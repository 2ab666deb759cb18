import { buildBlocks } from '../markdown/blocks';
import { scanLines } from '../markdown/scanLines';
import { detectFindings, type Judgement } from './detectFindings';
import { THRESHOLD } from './cues';

export interface ExplainOptions {
  /** Only the judgements whose lines contain this line. */
  line?: number;
}

/**
 * How the reader read a report: every block it weighed, its decision and the evidence for and
 * against, as plain text for the CLI's `explain` and the editor's Explain Report Reading.
 */
export function explainReport(text: string, options: ExplainOptions = {}): string {
  const lines = scanLines(text);
  const { judgements } = detectFindings(lines, buildBlocks(lines));
  const shown = options.line === undefined ? judgements.filter((j) => j.verdict !== 'body') : judgements.filter((j) => j.line <= options.line! && options.line! <= j.endLine);
  const out: string[] = [
    `Audit Lens reading: ${judgements.filter(isFinding).length} findings among ${judgements.length} blocks weighed (a block is a finding at a score of ${THRESHOLD} or more).`,
    'Correct a misreading with <!-- audit-lens: findings -->, <!-- audit-lens: not-findings --> or <!-- audit-lens: ignore --> on the line before the block.',
    '',
  ];
  if (shown.length === 0) out.push(options.line === undefined ? 'No heading, list item, table row or bold paragraph was weighed.' : `No block weighed at line ${options.line}.`);
  for (const j of shown) out.push(...describe(j));
  return out.join('\n');
}

function isFinding(j: Judgement): boolean {
  return j.verdict === 'finding' || j.verdict === 'forced';
}

function describe(j: Judgement): string[] {
  const mark = isFinding(j) ? 'FINDING' : j.verdict.toUpperCase();
  const range = j.endLine > j.line ? `${j.line}-${j.endLine}` : `${j.line}`;
  const head = `${mark.padEnd(11)} line ${range} ${KIND[j.kind]} "${clip(j.title)}"  score ${j.score}`;
  const forCues = j.cues.filter((c) => c.weight > 0).map(fmt);
  const against = j.cues.filter((c) => c.weight < 0).map(fmt);
  const lines = [head];
  if (forCues.length > 0) lines.push(`            for:     ${forCues.join('; ')}`);
  if (against.length > 0) lines.push(`            against: ${against.join('; ')}`);
  if (j.because) lines.push(`            because: ${j.because}`);
  return lines;
}

const KIND: Record<Judgement['kind'], string> = { heading: 'heading', listItem: 'item', tableRow: 'row', paragraph: 'paragraph' };

function fmt(c: { name: string; weight: number; detail?: string }): string {
  const w = c.weight > 0 ? `+${c.weight}` : `${c.weight}`;
  return c.detail ? `${c.name} ${w} (${clip(c.detail, 40)})` : `${c.name} ${w}`;
}

function clip(s: string, n = 70): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
