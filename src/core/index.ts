// Public surface of the core: everything the CLI and the extension use comes through here.
export * from './types';
export { parseReport } from './parseReport';
export { setFindingStatus, normalizeStatus, StatusEditError, type StatusEditResult, type StatusEditOptions } from './setFindingStatus';
export { applyTextEdits } from './applyTextEdits';
export { FileIndex } from './fileIndex';
export { DEFAULT_INCLUDE, DEFAULT_EXCLUDE, isReportPath, makeReportMatcher, makeFolderExcluder } from './reportGlobs';
export { STATUS_LABELS } from './status';
export { toSarif } from './sarif';
export { toScannedReport, statusNotesOf, type ScanResult, type ScannedReport, type ScannedFinding, type ScannedLocation, type ScanError } from './scanResult';
export { MAX_REPORT_BYTES, reportRejection } from './reportLimits';
export { explainReport, type ExplainOptions } from './detect/explainReport';
export { findingLabel, isDerivedId } from './export/findingLabel';
