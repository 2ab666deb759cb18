import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { OUTPUT_CHANNEL_NAME } from './commandIds';
import { registerDiagnostics } from './diagnostics';
import { ExplainDocuments } from './explainDocuments';
import { FindingIndex } from './findingIndex';
import { FindingsTree } from './findingsTree';
import { registerHover } from './hover';
import { registerLiveUpdates } from './liveUpdates';
import { registerNavigationCommands } from './navigationCommands';
import { workerPool } from './parsing/parserPool';
import { RangeHighlights } from './rangeHighlights';
import { registerReaderCommands } from './readerCommands';
import { registerReportActions } from './reportActions';
import { registerReportContext } from './reportContext';
import { registerRowDecorations } from './rowDecorations';
import { SettingsStore } from './settings';
import { FindingsStatusBar } from './statusBar';
import { registerStatusCommands } from './statusCommands';
import { StatusHistory } from './statusHistory';
import { StatusWriter } from './statusWriter';
import { registerViewCommands } from './viewCommands';
import { registerDriftActions } from './tracking/driftActions';
import { GitMapping } from './tracking/gitMapping';
import { LocationTracker } from './tracking/locationTracker';

/** What activate() returns: the live objects, for the integration tests to look into. */
export interface AuditLensApi {
  readonly index: FindingIndex;
  readonly tracker: LocationTracker;
  readonly git: GitMapping;
  readonly tree: FindingsTree;
  readonly statusBar: FindingsStatusBar;
  readonly settings: SettingsStore;
  readonly writer: StatusWriter;
  readonly history: StatusHistory;
  readonly highlights: RangeHighlights;
  readonly explain: ExplainDocuments;
  readonly log: vscode.LogOutputChannel;
}

/** Builds the objects, registers the features, and starts indexing in the background. */
export function activate(context: vscode.ExtensionContext): AuditLensApi {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const settings = new SettingsStore();
  // Parse workers per activation, started with the first report and stopped on deactivation.
  const workerFile = vscode.Uri.joinPath(context.extensionUri, 'dist', 'parseWorker.js').fsPath;
  const parser = workerPool(workerFile, () => settings.current.parseTimeoutMs);
  const index = new FindingIndex(settings, log, parser);
  // Built before every surface, so that it hears of index changes first (they all read it).
  const tracker = new LocationTracker(index, log);
  // git maps locations from their report's revision, only in a trusted workspace (issue #10).
  const git = new GitMapping(tracker, log);
  const tree = new FindingsTree(index, context.workspaceState, tracker);
  const statusBar = new FindingsStatusBar(index);
  const writer = new StatusWriter(index, settings);
  const history = new StatusHistory(writer);
  const highlights = new RangeHighlights({ index, settings, tracker });
  const explain = new ExplainDocuments();
  const deps = { index, settings, tree, writer, history, log, explain, tracker };

  context.subscriptions.push(
    log,
    settings,
    parser,
    index,
    tracker,
    git,
    tree,
    statusBar,
    highlights,
    explain,
    registerRowDecorations(tree),
    registerLiveUpdates(deps),
    registerDiagnostics(deps),
    registerCodeLens(deps),
    registerHover(deps),
    registerCodeActions(deps),
    registerStatusCommands(deps),
    registerNavigationCommands(deps),
    registerViewCommands(deps),
    registerReaderCommands(deps),
    registerReportActions(deps),
    registerReportContext(index),
    registerDriftActions({ index, settings, tracker, baseReader: () => git.reader() }),
  );
  // No scan on the activation path: it runs in the background and publishes as it reads.
  void index.reindex();
  return { index, tracker, git, tree, statusBar, settings, writer, history, highlights, explain, log };
}

export function deactivate(): void {}
