// The Node git adapter of #10, shared by the CLI and the extension (no `vscode` here).
export { DriftTracker, asWritten, type DriftReport, type DriftResult, type DriftDetail, type ResolveNow } from './driftTracker';
export { runGit, chunkPaths, type GitOptions, type GitResult } from './runGit';
