import * as vscode from 'vscode';
import type { FindingIndex } from './findingIndex';
import { lineRange } from './lines';
import type { SettingsStore } from './settings';
import { showsInCode } from './visibility';
import type { LocationTracker } from './tracking/locationTracker';

export interface RangeHighlightDeps {
  index: FindingIndex;
  settings: SettingsStore;
  tracker: LocationTracker;
}

/**
 * A finding's whole range, marked quietly: the squiggle sits on its first line only, so a
 * 64-line finding does not paint 64 lines red. A band in the overview ruler always; a light
 * whole-line background unless `auditLens.rangeHighlight` is off.
 */
export class RangeHighlights implements vscode.Disposable {
  private readonly withBackground = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('auditLens.findingRangeBackground'),
    overviewRulerColor: new vscode.ThemeColor('auditLens.findingRangeOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly rulerOnly = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('auditLens.findingRangeOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly disposables: vscode.Disposable[];
  /** What each visible editor was last given, by document URI: for the tests to read. */
  private readonly applied = new Map<string, { ranges: readonly vscode.Range[]; background: boolean }>();

  constructor(private readonly deps: RangeHighlightDeps) {
    this.disposables = [
      this.withBackground,
      this.rulerOnly,
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()),
      deps.index.onDidChange(() => this.updateAll()),
      deps.tracker.onDidChange(() => this.updateAll()),
      deps.settings.onDidChange((e) => {
        if (e.affectsConfiguration('auditLens')) this.updateAll();
      }),
    ];
    this.updateAll();
  }

  /** The ranges marked in the visible editor of this document, and whether with a background. */
  marksIn(uri: vscode.Uri): { ranges: readonly vscode.Range[]; background: boolean } {
    return this.applied.get(uri.toString()) ?? { ranges: [], background: false };
  }

  private updateAll(): void {
    this.applied.clear();
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const key = editor.document.uri.toString();
    const ranges: vscode.Range[] = [];
    for (const f of this.deps.tracker.findingsInFile(editor.document.uri)) {
      if (!showsInCode(f.finding.status, this.deps.settings.current)) continue;
      for (const l of this.deps.tracker.locationsIn(f, editor.document.uri)) {
        const c = l.tracked.current;
        if (c) ranges.push(lineRange(c.startLine, c.endLine, editor.document));
      }
    }
    const background = this.deps.settings.current.rangeHighlight;
    editor.setDecorations(this.withBackground, background ? ranges : []);
    editor.setDecorations(this.rulerOnly, background ? [] : ranges);
    this.applied.set(key, { ranges, background });
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
