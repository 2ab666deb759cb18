import * as vscode from 'vscode';
import type { FindingIndex } from './findingIndex';
import { escapeMarkdown, findingMessage, severityLabel, statusLabel } from './findingText';
import { HOVER_COMMANDS, locationLink, reportLink } from './findingLinks';
import type { IndexedFinding } from './indexModel';
import { coreLine } from './lines';
import type { SettingsStore } from './settings';
import { displayPath } from './uris';
import { showsInCode } from './visibility';

/** A hover shows at most this much of a finding's body; the report has the rest. */
const MAX_BODY_CHARS = 1200;
const MAX_BODY_LINES = 24;

export interface HoverDeps {
  index: FindingIndex;
  settings: SettingsStore;
}

// `**Severity:** High`, `- Status: Fixed`: the hover's first line says these already.
const SEVERITY_OR_STATUS_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:severity|status|priority|risk)(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)?)/i;

/** The body without its severity and status lines (outside code), cut at a line boundary, an open code fence closed. Pure. */
export function shortenBody(body: string, maxChars = MAX_BODY_CHARS, maxLines = MAX_BODY_LINES): { text: string; cut: boolean } {
  let inFence = false;
  const lines = body
    .split(/\r\n|\r|\n/)
    .filter((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      return inFence || !SEVERITY_OR_STATUS_LINE.test(line);
    })
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (kept.length >= maxLines || size + line.length > maxChars) break;
    kept.push(line);
    size += line.length + 1;
  }
  const cut = kept.length < lines.length;
  if (kept.length === 0 && lines.length > 0) kept.push(lines[0].slice(0, maxChars) + '…');
  const fences = kept.filter((l) => /^\s*(```|~~~)/.test(l)).length;
  if (fences % 2 === 1) kept.push('```');
  return { text: kept.join('\n'), cut };
}

function hoverFor(f: IndexedFinding): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  // Links may run our two navigation commands, nothing else; the body is the report's Markdown, never HTML.
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(findingMessage(f.finding))}**\n\n`);
  md.appendMarkdown(`$(shield) ${severityLabel(f.finding.severity)} · ${statusLabel(f.finding.status)}\n\n---\n\n`);
  // A table row's body is the row itself: its cells are the title and the line above.
  const body = f.finding.kind === 'tableRow' ? { text: '', cut: false } : shortenBody(f.finding.body);
  if (body.text.trim() !== '') md.appendMarkdown(body.text + (body.cut ? '\n\n*…*' : '') + '\n\n---\n\n');
  const links = [`[${escapeLink(`Open in ${displayPath(f.report.uri)}`)}](${reportLink(f.key)})`];
  for (const l of f.locations) {
    if (!l.uri) continue;
    const line = l.ref.startLine === null ? '' : `:${l.ref.startLine}${l.ref.endLine !== null && l.ref.endLine !== l.ref.startLine ? `-${l.ref.endLine}` : ''}`;
    links.push(`[${escapeLink(displayPath(l.uri) + line)}](${locationLink(l.uri, l.ref.startLine, l.ref.endLine)})`);
  }
  md.appendMarkdown(links.join(' · '));
  return md;
}

function escapeLink(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** Hover on a finding's lines in code: its body, shortened, with links to the report and its locations. */
export function registerHover({ index, settings }: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ pattern: '**/*' }, {
    provideHover(document, position) {
      const line = coreLine(position);
      const key = document.uri.toString();
      const hits = index.findingsInFile(document.uri).filter(
        (f) =>
          showsInCode(f.finding.status, settings.current) &&
          f.locations.some((l) => l.uri?.toString() === key && (l.ref.startLine === null ? line === 1 : line >= l.ref.startLine && line <= (l.ref.endLine ?? l.ref.startLine))),
      );
      if (hits.length === 0) return undefined;
      return new vscode.Hover(hits.map(hoverFor));
    },
  });
}
