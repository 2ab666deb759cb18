/** Every command the extension contributes, by id: package.json and the code share this table. */
export const COMMANDS = {
  setFindingStatus: 'auditLens.setFindingStatus',
  markFixed: 'auditLens.markFixed',
  markDeferred: 'auditLens.markDeferred',
  markFalsePositive: 'auditLens.markFalsePositive',
  reopenFinding: 'auditLens.reopenFinding',
  goToFindingInReport: 'auditLens.goToFindingInReport',
  nextFinding: 'auditLens.nextFinding',
  previousFinding: 'auditLens.previousFinding',
  refresh: 'auditLens.refresh',
  focusFindingsView: 'auditLens.focusFindingsView',
  // Item and view-title commands, hidden from the palette.
  revealFinding: 'auditLens.revealFinding',
  openLocation: 'auditLens.openLocation',
  changeGrouping: 'auditLens.changeGrouping',
  filterFindings: 'auditLens.filterFindings',
  clearFilter: 'auditLens.clearFilter',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Context keys the extension sets; `when` clauses in package.json may name only these (and VS Code's own). */
export const CONTEXT_KEYS = {
  /** The first scan of every folder has finished. */
  ready: 'auditLens.ready',
  /** At least one report was found. */
  hasReports: 'auditLens.hasReports',
  /** The findings tree shows a subset of the findings. */
  filtered: 'auditLens.filtered',
} as const;

export const VIEW_CONTAINER_ID = 'auditLens';
export const FINDINGS_VIEW_ID = 'auditLens.findings';
export const DIAGNOSTIC_SOURCE = 'Audit Lens';
