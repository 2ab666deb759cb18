// Public surface of the core: everything the CLI and the extension use comes through here.
export * from './types';
export { parseReport } from './parseReport';
export { parseReportState, reparseReport, type ReportParseState } from './incremental/reparseReport';
export { setFindingStatus, normalizeStatus, StatusEditError, type StatusEditResult, type StatusEditOptions } from './edit/setFindingStatus';
export { applyTextEdits } from './edit/applyTextEdits';
export { FileIndex } from './locations/fileIndex';
export { DEFAULT_INCLUDE, DEFAULT_EXCLUDE, isReportPath, makeReportMatcher, makeFolderExcluder } from './reportGlobs';
export { STATUS_LABELS } from './vocabulary/status';
export { toSarif } from './export/sarif';
export { toScannedReport, statusNotesOf, type ScanResult, type ScannedReport, type ScannedFinding, type ScannedLocation, type ScanError } from './export/scanResult';
export { MAX_REPORT_BYTES, reportRejection } from './reportLimits';
export { explainReport, type ExplainOptions } from './detect/explainReport';
export { findingLabel, isDerivedId } from './export/findingLabel';
export { markNotFinding, type FindingTarget, type ReaderEditResult } from './edit/markNotFinding';
export { trackAsFinding, isTrackableLine, type TrackResult } from './edit/trackAsFinding';
export { ReaderEditError } from './edit/readerEditError';
export type { DriftState, BaseSource, Drift, TrackedLocation } from './drift/driftTypes';
export * from './drift/index';
