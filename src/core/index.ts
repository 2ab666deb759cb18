// Public surface of the core: everything the CLI and the extension use comes through here.
export * from './types';
export { parseReport } from './parseReport';
export { setFindingStatus, StatusEditError, type StatusEditResult, type StatusEditOptions } from './setFindingStatus';
export { applyTextEdits } from './applyTextEdits';
export { FileIndex } from './fileIndex';
export { DEFAULT_INCLUDE, DEFAULT_EXCLUDE, isReportPath } from './reportGlobs';
export { toSarif } from './sarif';
export type { ScanResult, ScannedReport, ScannedFinding, ScannedLocation, ScanError } from './scanResult';
