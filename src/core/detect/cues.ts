/**
 * A piece of evidence for or against a block being a finding. Positive weights speak for it,
 * negative against; the decision adds them up. Cues are kept on every judged block so that
 * `explain` and a failing test both show why.
 */
export interface Cue {
  name: string;
  weight: number;
  /** What was seen, for the explanation (`"HIGH"`, `"## Findings"`). */
  detail?: string;
}

/** Hand-set weights, one per cue. They were set by reading reports of each family (see README). */
export const WEIGHTS = {
  // What a unit says about itself.
  reportId: 3,
  advisoryId: 1,
  severityMark: 3,
  severityPrefix: 3.5,
  statusMark: 1.5,
  fixedLead: 2.5,
  statusField: 3,
  itemStatusField: 2,
  numbered: 1,
  boldLead: 1,
  findingFields: 2,
  moreFindingFields: 1,
  locationInTitle: 1.5,
  locationInBody: 0.5,
  topLevelItem: 0.5,
  // What its section says.
  findingsSectionChild: 2.5,
  findingsSection: 2,
  labelSection: 2,
  defectWords: 1,
  // Against.
  bodyPart: -6,
  fieldLine: -6,
  countLine: -6,
  praise: -6,
  ownProcedural: -3,
  procedural: -2.5,
  summary: -2,
  nestedInItem: -1.5,
  inFindingBody: -3,
  legend: -4,
  commitOrFile: -3,
  docTitle: -10,
  empty: -10,
} as const;

/** A unit is a finding when its cues add up to this. */
export const THRESHOLD = 2.5;
/** When most of a unit's siblings are findings, a plainer one needs only this. */
export const SIBLING_THRESHOLD = 0.5;

export function total(cues: readonly Cue[]): number {
  let sum = 0;
  for (const c of cues) sum += c.weight;
  return Math.round(sum * 100) / 100;
}

export function cue(name: keyof typeof WEIGHTS, detail?: string): Cue {
  return detail === undefined ? { name, weight: WEIGHTS[name] } : { name, weight: WEIGHTS[name], detail };
}
