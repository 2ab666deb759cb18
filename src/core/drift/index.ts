// The drift core (#10): pure functions over git's text output. The CLI and the extension reach
// them through `src/core/index.ts`; the Node git adapter (`src/node/git/`) feeds them.
export { mapRange, mapLine, composeLineMaps, lineMapFromChange, hunkFromHeader, IDENTITY, type Hunk, type LineMap, type RangeMapping } from './lineMap';
export { parseRawDiff, quotePath, type FileDelta } from './parseRawDiff';
export { parseReportLog, introducingCommit, countToken, type ReportCommit, type ReportHistory } from './reportHistory';
export { revisionMentions, type RevisionMention } from './revisionMentions';
export { locationText, type LocationText } from './locationText';
export { chooseBase, lineIndex, type BaseChoice, type BaseFacts, type LineIndex } from './chooseBase';
export { mapLocation, findMovedBlock, indexAddedLines, RENAME_SIMILARITY, type BaseDiff, type AddedLineIndex } from './mapLocation';
export { lineNumberEdits, type LineNumberUpdate } from './lineNumberEdits';
