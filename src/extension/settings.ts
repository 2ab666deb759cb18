import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type Severity } from '../core';
import { enabledGlobs } from './globs';

export type SeverityLevelName = 'error' | 'warning' | 'information' | 'hint';

/** Keys of `auditLens.severityMap`: the core's severities, and `unknown` for a finding with none. */
export type SeverityKey = Severity | 'unknown';

export interface Settings {
  severityMap: Readonly<Record<SeverityKey, vscode.DiagnosticSeverity>>;
  showDeferred: boolean;
  codeLensEnabled: boolean;
  saveAfterStatusChange: boolean;
  addDateToStatus: boolean;
  /** A light background behind each finding's whole range (the overview-ruler band stays either way). */
  rangeHighlight: boolean;
  /** How long the reader may take on one report (in its worker) before the report is skipped. */
  parseTimeoutMs: number;
}

/** Path settings are per folder (scope `resource`). */
export interface FolderSettings {
  include: readonly string[];
  exclude: readonly string[];
  /** The globs of `files.exclude` that are on. */
  filesExclude: readonly string[];
}

const LEVELS: Readonly<Record<SeverityLevelName, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DEFAULT_SEVERITY_MAP: Readonly<Record<SeverityKey, SeverityLevelName>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'information',
  info: 'hint',
  unknown: 'warning',
};

/** Settings that change which files are reports or how they are read: a change re-indexes. */
export const INDEX_SETTINGS = ['auditLens.reports', 'files.exclude', 'auditLens.parseTimeoutMs'];

export const DEFAULT_PARSE_TIMEOUT_MS = 2000;

/** A budget is a whole number of milliseconds, at least 1; anything else means the default. */
export function parseTimeoutOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_PARSE_TIMEOUT_MS;
}

function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('auditLens');
  const map = { ...DEFAULT_SEVERITY_MAP, ...c.get<Partial<Record<SeverityKey, string>>>('severityMap', {}) };
  const severityMap = Object.fromEntries(
    Object.entries(map).map(([k, v]) => [k, LEVELS[v as SeverityLevelName] ?? LEVELS[DEFAULT_SEVERITY_MAP[k as SeverityKey] ?? 'warning']]),
  ) as Record<SeverityKey, vscode.DiagnosticSeverity>;
  return {
    severityMap,
    showDeferred: c.get<boolean>('showDeferred', false),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    saveAfterStatusChange: c.get<boolean>('saveAfterStatusChange', true),
    addDateToStatus: c.get<boolean>('addDateToStatus', true),
    rangeHighlight: c.get<boolean>('rangeHighlight', true),
    parseTimeoutMs: parseTimeoutOf(c.get<unknown>('parseTimeoutMs')),
  };
}

function readFolderSettings(folder: vscode.Uri): FolderSettings {
  const c = vscode.workspace.getConfiguration('auditLens.reports', folder);
  return {
    include: c.get<string[]>('include', [...DEFAULT_INCLUDE]),
    exclude: c.get<string[]>('exclude', [...DEFAULT_EXCLUDE]),
    filesExclude: enabledGlobs(vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude')),
  };
}

/**
 * A typed snapshot of the configuration, refreshed when it changes. Listeners get the
 * change event, to check `affectsConfiguration` for what they care about.
 */
export class SettingsStore implements vscode.Disposable {
  private snapshot = readSettings();
  private readonly folders = new Map<string, FolderSettings>();
  private readonly emitter = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('auditLens') && !e.affectsConfiguration('files.exclude')) return;
      this.snapshot = readSettings();
      this.folders.clear();
      this.emitter.fire(e);
    });
  }

  get current(): Settings {
    return this.snapshot;
  }

  forFolder(folder: vscode.Uri): FolderSettings {
    const key = folder.toString();
    let s = this.folders.get(key);
    if (!s) {
      s = readFolderSettings(folder);
      this.folders.set(key, s);
    }
    return s;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
