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
  undoLastStatusChange: 'auditLens.undoLastStatusChange',
  changeGrouping: 'auditLens.changeGrouping',
  filterFindings: 'auditLens.filterFindings',
  showOutput: 'auditLens.showOutput',
  explainReportReading: 'auditLens.explainReportReading',
  markNotFinding: 'auditLens.markNotFinding',
  trackAsFinding: 'auditLens.trackAsFinding',
  compareWithBase: 'auditLens.compareWithBase',
  updateLineNumbers: 'auditLens.updateLineNumbers',
  // Item and view-title commands, hidden from the palette.
  revealFinding: 'auditLens.revealFinding',
  openLocation: 'auditLens.openLocation',
  clearFilter: 'auditLens.clearFilter',
  showClosed: 'auditLens.showClosed',
  hideClosed: 'auditLens.hideClosed',
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
  /** The findings tree shows closed findings too (Show Closed is on). */
  showingClosed: 'auditLens.showingClosed',
  /** The active editor shows a report. */
  reportActive: 'auditLens.reportActive',
} as const;

export const VIEW_CONTAINER_ID = 'auditLens';
export const FINDINGS_VIEW_ID = 'auditLens.findings';
export const DIAGNOSTIC_SOURCE = 'Audit Lens';
/** VS Code's own command that shows and focuses a view. */
export const FOCUS_FINDINGS_VIEW = `${FINDINGS_VIEW_ID}.focus`;
export const OUTPUT_CHANNEL_NAME = 'Audit Lens';
