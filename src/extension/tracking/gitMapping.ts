import * as vscode from 'vscode';
import type { BaseFileReader } from './baseContent';
import { readFollowCode } from './followCode';
import { GitSwitch } from './gitSwitch';
import type { LocationTracker } from './locationTracker';

/**
 * Plugs git into the tracker (issue #10) when the workspace is trusted and some folder's
 * `auditLens.followCode` is `git`; decides again when trust is granted, the setting or
 * `git.path` changes, or folders come and go. The first diagnostics never wait for it: the
 * tracker shows the written lines, and maps again when the index publishes and after saves.
 */
export class GitMapping implements vscode.Disposable {
  private readonly git: GitSwitch;
  private readonly disposables: vscode.Disposable[] = [];
  /** git processes started by this activation: the integration tests check Restricted Mode starts none. */
  spawned = 0;

  constructor(tracker: LocationTracker, log: vscode.LogOutputChannel) {
    this.git = new GitSwitch({
      isTrusted: () => vscode.workspace.isTrusted,
      modes: () => (vscode.workspace.workspaceFolders ?? []).map((f) => readFollowCode(f.uri)),
      gitPath: () => gitPathSetting(),
      apply: (mapper) => {
        log.info(mapper ? 'Findings follow the code with git.' : 'git is not run (Restricted Mode, or auditLens.followCode is not git): line numbers follow editor edits only.');
        void tracker.setGitMapper(mapper);
      },
      onSpawn: () => this.spawned++,
    });
    this.git.evaluate();
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.git.evaluate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.git.evaluate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('auditLens.followCode') || e.affectsConfiguration('git.path')) this.git.evaluate();
      }),
    );
  }

  /** The base reader while git may run, limited to the workspace's own folders (a base URI names its folder). */
  reader(): BaseFileReader | undefined {
    const inner = this.git.reader();
    if (!inner) return undefined;
    return {
      read: (root, commit, path, signal) => {
        const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
        if (!folders.includes(root)) return Promise.reject(new Error('Audit Lens: that base revision names a folder outside this workspace; it is not read.'));
        return inner.read(root, commit, path, signal);
      },
    };
  }

  /** Hands the tracker this activation's git mapper again (the integration tests put a double in its place for a while). */
  reattach(): void {
    this.git.reattach();
  }

  /** Whether git maps locations now. */
  get active(): boolean {
    return this.git.active;
  }

  dispose(): void {
    this.git.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** VS Code's own `git.path`: a path, or a list of them (the first is taken); unset means `git` on PATH. */
function gitPathSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('git').get<unknown>('path');
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}
