import * as vscode from 'vscode';

/**
 * The one place where the core's 1-based, inclusive line numbers become VS Code's 0-based
 * positions (and back). With the document at hand, the range is trimmed to the text of its
 * lines (leading indentation excluded); lines past the end are clamped to the last line.
 */
export function lineRange(startLine: number, endLine: number | null, document?: vscode.TextDocument): vscode.Range {
  const start = Math.max(0, startLine - 1);
  const end = Math.max(start, (endLine ?? startLine) - 1);
  if (!document) return new vscode.Range(start, 0, end, Number.MAX_SAFE_INTEGER);
  const last = document.lineCount - 1;
  const first = document.lineAt(Math.min(start, last));
  const final = document.lineAt(Math.min(end, last));
  const from = first.isEmptyOrWhitespace ? first.range.start : new vscode.Position(first.lineNumber, first.firstNonWhitespaceCharacterIndex);
  return new vscode.Range(from, final.range.end);
}

/**
 * The first line of a range (1-based) that holds more than white space; the start line when
 * every line is blank or the document is not at hand.
 */
export function firstCodeLine(startLine: number, endLine: number | null, document?: vscode.TextDocument): number {
  if (!document) return startLine;
  const last = Math.min(endLine ?? startLine, document.lineCount);
  for (let n = startLine; n <= last; n++) if (!document.lineAt(n - 1).isEmptyOrWhitespace) return n;
  return startLine;
}

/** The 0-based position of a core line's start. */
export function linePosition(line: number): vscode.Position {
  return new vscode.Position(Math.max(0, line - 1), 0);
}

/** The core's 1-based line number of a VS Code position. */
export function coreLine(position: vscode.Position): number {
  return position.line + 1;
}
