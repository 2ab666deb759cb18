import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerDiagnostics } from './diagnostics';
import { FindingIndex } from './findingIndex';
import { FindingsTree } from './findingsTree';
import { registerHover } from './hover';
import { registerLiveUpdates } from './liveUpdates';
import { registerNavigationCommands } from './navigationCommands';
import { SettingsStore } from './settings';
import { FindingsStatusBar } from './statusBar';
import { registerStatusCommands } from './statusCommands';
import { StatusWriter } from './statusWriter';
import { registerViewCommands } from './viewCommands';

/** What activate() returns: the live objects, for the integration tests to look into. */
export interface AuditLensApi {
  readonly index: FindingIndex;
  readonly tree: FindingsTree;
  readonly statusBar: FindingsStatusBar;
  readonly settings: SettingsStore;
  readonly writer: StatusWriter;
}

/** Builds the objects, registers the features, and starts indexing in the background. */
export function activate(context: vscode.ExtensionContext): AuditLensApi {
  const settings = new SettingsStore();
  const index = new FindingIndex(settings);
  const tree = new FindingsTree(index, context.workspaceState);
  const statusBar = new FindingsStatusBar(index);
  const writer = new StatusWriter(index, settings);
  const deps = { index, settings, tree, writer };

  context.subscriptions.push(
    settings,
    index,
    tree,
    statusBar,
    registerLiveUpdates(deps),
    registerDiagnostics(deps),
    registerCodeLens(deps),
    registerHover(deps),
    registerCodeActions(deps),
    registerStatusCommands(deps),
    registerNavigationCommands(deps),
    registerViewCommands(deps),
  );
  // No scan on the activation path: it runs in the background and publishes as it reads.
  void index.reindex();
  return { index, tree, statusBar, settings, writer };
}

export function deactivate(): void {}
