import type * as vscode from 'vscode';
import { COMMANDS } from './commandIds';

/** Commands a hover's links may run: only these, never one a report's own Markdown names. */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.goToFindingInReport, COMMANDS.openLocation];

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function reportLink(findingKey: string): string {
  return commandLink(COMMANDS.goToFindingInReport, [findingKey]);
}

export function locationLink(uri: vscode.Uri, startLine: number | null, endLine: number | null): string {
  return commandLink(COMMANDS.openLocation, [uri.toString(), startLine, endLine]);
}
