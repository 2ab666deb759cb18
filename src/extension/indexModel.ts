import type * as vscode from 'vscode';
import type { Finding, LocationRef } from '../core';

export interface ResolvedLocation {
  ref: LocationRef;
  /** The file the reference points to; undefined when it names no file of the folder (or several). */
  uri: vscode.Uri | undefined;
}

export interface IndexedReport {
  uri: vscode.Uri;
  /** `uri.toString()`, the map key. */
  key: string;
  folder: vscode.WorkspaceFolder;
  /** Path relative to its folder, `/` separators. */
  relPath: string;
  title: string;
  /** The open document's version the findings were read from; undefined when read from storage. */
  version: number | undefined;
  findings: IndexedFinding[];
}

export interface IndexedFinding {
  /** Stable across re-indexing while the id stays: `<report uri>#<id>`. */
  key: string;
  finding: Finding;
  report: IndexedReport;
  locations: ResolvedLocation[];
}

/** What changed: the reports re-read and the source files whose findings changed. */
export interface IndexChange {
  reports: readonly vscode.Uri[];
  files: readonly vscode.Uri[];
  /** Files whose diagnostics differ only in the report lines their code links point at (see `fileSignatures`). */
  relinked: readonly vscode.Uri[];
  /** Whether anything the tree or the status bar shows changed (an edit to a body does not). */
  findingsChanged: boolean;
}

export function findingKey(reportUri: vscode.Uri | string, id: string): string {
  return `${reportUri.toString()}#${id}`;
}

/** Where a finding's key ends its report part: ids may contain `#`, report URIs may not (it is escaped). */
export function reportKeyOf(findingKeyText: string): string {
  return findingKeyText.slice(0, findingKeyText.indexOf('#'));
}

/** The distinct files a finding's resolved locations point to, in order. */
export function locatedFiles(f: IndexedFinding): vscode.Uri[] {
  const seen = new Map<string, vscode.Uri>();
  for (const l of f.locations) if (l.uri && !seen.has(l.uri.toString())) seen.set(l.uri.toString(), l.uri);
  return [...seen.values()];
}

export function isLocated(f: IndexedFinding): boolean {
  return f.locations.some((l) => l.uri !== undefined);
}
