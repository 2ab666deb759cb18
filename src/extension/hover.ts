import * as vscode from 'vscode';
import type { FindingIndex } from './findingIndex';
import { escapeMarkdown, findingMessage, severityLabel, statusLabel } from './findingText';
import { HOVER_COMMANDS, locationLink, reportLink } from './findingLinks';
import type { IndexedFinding } from './indexModel';
import { diagnosticRange } from './diagnostics';
import { coreLine } from './lines';
import type { SettingsStore } from './settings';
import { displayPath } from './uris';
import { showsInCode } from './visibility';
import { coversLine, type LiveLocation, type LocationTracker } from './tracking/locationTracker';
import { placeText, writtenAgainstText } from './tracking/driftText';

/** A hover shows at most this much of a finding's body; the report has the rest. */
const MAX_BODY_CHARS = 1200;
const MAX_BODY_LINES = 24;

export interface HoverDeps {
  index: FindingIndex;
  settings: SettingsStore;
  tracker: LocationTracker;
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

/** Inline links and autolinks to `command:` URIs in report text: kept as their text, never as links. */
const COMMAND_LINK = /\[([^\]\n]*)\]\(\s*<?\s*command:[^)\n]*\)/gi;
const COMMAND_AUTOLINK = /<\s*command:[^>\n]*>/gi;
/** A link reference definition to a command: `[evil]: command:…`. */
const COMMAND_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*<?[ \t]*command:.*$/gim;

/** Report Markdown without its `command:` links (the body is also rendered untrusted, which disables any that remain). Pure. */
export function withoutCommandLinks(markdown: string): string {
  return markdown.replace(COMMAND_DEFINITION, '').replace(COMMAND_LINK, '$1').replace(COMMAND_AUTOLINK, '');
}

/**
 * A finding's hover, in three parts. The header and the links are ours, and only the links may
 * run commands (our two navigation commands). The body is the report's Markdown, written by
 * anyone who can commit to the repository: it goes into an untrusted part of its own, so a
 * `command:` link in it cannot run anything. On the squiggle's line the diagnostic's own hover
 * already shows the title and links to the report, so ours leaves those out there.
 */
export function hoverFor(f: IndexedFinding, onDiagnosticLine: boolean, locations: readonly LiveLocation[]): vscode.MarkdownString[] {
  const header = new vscode.MarkdownString(undefined, true);
  header.isTrusted = false;
  if (!onDiagnosticLine) header.appendMarkdown(`**${escapeMarkdown(findingMessage(f.finding))}**\n\n`);
  header.appendMarkdown(`$(shield) ${severityLabel(f.finding.severity)} · ${statusLabel(f.finding.status)}`);
  // Where the finding was written against and where it is now; quiet for a location with no
  // base and nothing to say (`unknown` looks as it did before findings followed the code).
  for (const l of locations) {
    const { drift } = l.tracked;
    if (drift.base || drift.note || drift.state === 'changed' || drift.state === 'gone') {
      header.appendMarkdown(`\n\n$(git-commit) ${escapeMarkdown(writtenAgainstText(l.tracked))}`);
    }
  }
  const parts = [header];

  // A table row's body is the row itself: its cells are the title and the line above.
  const body = f.finding.kind === 'tableRow' ? { text: '', cut: false } : shortenBody(withoutCommandLinks(f.finding.body));
  if (body.text.trim() !== '') {
    const md = new vscode.MarkdownString(body.text + (body.cut ? '\n\n*…*' : ''), false);
    md.isTrusted = false;
    md.supportHtml = false;
    parts.push(md);
  }

  const links: string[] = [];
  if (!onDiagnosticLine) links.push(`[${escapeLink(`Open in ${displayPath(f.report.uri)}`)}](${reportLink(f.key)})`);
  for (const l of locations) {
    const lines = l.tracked.current;
    if (!l.uri || l.tracked.drift.state === 'gone') continue;
    links.push(`[${escapeLink(placeText(displayPath(l.uri), lines))}](${locationLink(l.uri, lines?.startLine ?? null, lines?.endLine ?? null)})`);
  }
  if (links.length > 0) {
    const md = new vscode.MarkdownString(links.join(' · '));
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    parts.push(md);
  }
  return parts;
}

function escapeLink(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** Hover on a finding's lines in code: its body, shortened, with links to the report and its locations. */
export function registerHover({ settings, tracker }: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ pattern: '**/*' }, {
    provideHover(document, position) {
      const line = coreLine(position);
      // The lines every location has now (the tracker's), not the ones the report wrote.
      const hits = tracker
        .findingsInFile(document.uri)
        .filter((f) => showsInCode(f.finding.status, settings.current))
        .map((f) => ({ f, here: tracker.locationsIn(f, document.uri).filter((l) => coversLine(l, line)) }))
        .filter((h) => h.here.length > 0);
      if (hits.length === 0) return undefined;
      return new vscode.Hover(
        hits.flatMap(({ f, here }) =>
          hoverFor(
            f,
            here.some((l) => diagnosticRange(l.tracked.current?.startLine ?? null, l.tracked.current?.endLine ?? null, document).start.line === position.line),
            tracker.locations(f),
          ),
        ),
      );
    },
  });
}
