// The extension's scale figures (issue #9), measured inside a real VS Code on the monorepo-shaped
// workspace scripts/vscode/benchExtension.mjs generates; it also leaves `bench.json` there with
// the CLI's cold scan of the same workspace and the files to measure in.
// Not a test: each figure comes back as one line of the result file the launcher prints.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { codeLensesFor } from '../../../src/extension/codeLens';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { DIAGNOSTIC_SOURCE } from '../../../src/extension/commandIds';
import type { AuditLensApi } from '../../../src/extension/extension';
import { FindingIndex } from '../../../src/extension/findingIndex';
import { listFolder } from '../../../src/extension/listFolder';
import { BudgetedParser } from '../../../src/extension/parsing/budgetedParser';
import { workerPool } from '../../../src/extension/parsing/parserPool';
import { workerChannel } from '../../../src/extension/parsing/workerChannel';
import { SettingsStore } from '../../../src/extension/settings';
import { FindingsStatusBar } from '../../../src/extension/statusBar';
import { LocationTracker } from '../../../src/extension/tracking/locationTracker';

interface BenchConfig {
  runs: number;
  cliColdScanMs: number;
  /** Workspace-relative: a source file of the last service, shown in an editor while indexing. */
  visibleFile: string;
  /** Workspace-relative: the ~50 KB and ~1 MB reports edits are timed in. */
  editReports: string[];
}

const lines: string[] = [];
const note = (text: string): void => {
  lines.push(text);
  console.log(`[bench] ${text}`);
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values: number[]): number => percentile(values, 50);
const ms = (n: number): string => `${n.toFixed(0)} ms`;
const delay = (n: number): Promise<void> => new Promise((r) => setTimeout(r, n));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A way to collect garbage: `gc` made visible by setting the V8 flag at run time, when the host
 * lets us (it is not started with --expose-gc); undefined when it does not.
 */
function findGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Heap in use once it has settled: after two forced collections when `gc` is available, else
 * after a quiet second (V8 collects idle young garbage then) — the figure says which.
 */
async function settledHeap(gc: (() => void) | undefined): Promise<number> {
  if (gc) {
    gc();
    gc();
  } else {
    await delay(1000);
  }
  return process.memoryUsage().heapUsed;
}

/**
 * What activation builds, from a standing start: a fresh worker, index, diagnostics collection
 * and status bar over the whole workspace, with the visible file shown. Times the first
 * diagnostics in that editor and the end of the scan.
 */
interface Activation {
  /** The first of the visible file's diagnostics set, and all of them. */
  first: number;
  complete: number;
  /** The index's first publication of read reports. */
  firstChange: number;
  all: number;
  findings: number;
}

/** Audit Lens's diagnostics in a file (the TypeScript service may add its own). */
const ours = (uri: vscode.Uri): number => vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;

async function activationRun(api: AuditLensApi, extensionUri: vscode.Uri, visible: vscode.Uri): Promise<Activation> {
  // The extension's own collection already holds this file's diagnostics: the fresh one doubles them.
  const own = ours(visible);
  if (own === 0) throw new Error(`no diagnostics in ${visible.fsPath} from the extension itself: nothing to wait for`);
  const settings = new SettingsStore();
  // The parse workers activation starts (a pool: as many as the machine spares).
  const parser = workerPool(vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath, () => settings.current.parseTimeoutMs, workersWanted());
  const index = new FindingIndex(settings, api.log, parser);
  const started = performance.now();
  const tracker = new LocationTracker(index, api.log);
  const diagnostics = registerDiagnostics({ index, settings, tracker });
  const statusBar = new FindingsStatusBar(index);
  let first = 0;
  let complete = 0;
  let firstChange = 0;
  let seen = 0;
  // Subscribed after the diagnostics: by the time this runs, they have handled the change.
  const sub = index.onDidChange((c) => {
    if (firstChange === 0 && c.reports.length > 0) firstChange = performance.now() - started;
    seen = ours(visible);
    if (first === 0 && seen > own) first = performance.now() - started;
    if (complete === 0 && seen >= 2 * own) complete = performance.now() - started;
  });
  await index.reindex();
  const all = performance.now() - started;
  const findings = [...index.findings()].length;
  vscode.Disposable.from(sub, statusBar, diagnostics, tracker, index, parser, settings).dispose();
  if (complete === 0) throw new Error(`the visible editor never got its diagnostics (${own} from the extension, ${seen} in all at the end)`);
  return { first, complete, firstChange, all, findings };
}

/** `BENCH_PARSE_WORKERS=n` compares pool sizes; unset, the pool is as activation sizes it. */
function workersWanted(): number | undefined {
  const n = Number(process.env.BENCH_PARSE_WORKERS);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

async function activation(api: AuditLensApi, config: BenchConfig, extensionUri: vscode.Uri, root: vscode.Uri): Promise<void> {
  const visible = vscode.Uri.joinPath(root, config.visibleFile);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(visible));
  const runs: Activation[] = [];
  for (let i = 0; i < config.runs; i++) {
    runs.push(await profiled(`activation-${i + 1}`, () => activationRun(api, extensionUri, visible)));
    await delay(1000);
  }
  const first = median(runs.map((r) => r.first));
  const all = median(runs.map((r) => r.all));
  note(`activation → first diagnostics in the visible editor: median ${ms(first)} (runs: ${runs.map((r) => ms(r.first)).join(', ')}; target ≤ 1000 ms); ` +
    `all of its diagnostics: median ${ms(median(runs.map((r) => r.complete)))}; the index's first publication: median ${ms(median(runs.map((r) => r.firstChange)))}`);
  note(`activation → everything indexed (${api.index.reports().length} reports, ${runs[0].findings} findings): median ${ms(all)} (runs: ${runs.map((r) => ms(r.all)).join(', ')}); ` +
    `CLI cold scan ${ms(config.cliColdScanMs)}; ratio ${(all / config.cliColdScanMs).toFixed(2)} (target ≤ 1.5)`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Where the time to the first diagnostics goes: listing the folder's files, and a fresh worker's first answer. */
async function firstSteps(api: AuditLensApi, config: BenchConfig, extensionUri: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0];
  const listing: number[] = [];
  const worker: number[] = [];
  let files = 0;
  for (let i = 0; i < config.runs; i++) {
    let t = performance.now();
    files = (await listFolder(folder, api.settings.forFolder(folder.uri))).length;
    listing.push(performance.now() - t);
    const parser = new BudgetedParser(workerChannel(vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath), () => 10_000);
    t = performance.now();
    await parser.parse('# Audit\n\n### [H-1] A finding\n\n**Severity:** High\n');
    worker.push(performance.now() - t);
    parser.dispose();
  }
  note(`  of which: listing the folder's ${files} files: median ${ms(median(listing))}; a fresh parse worker's first answer (load, warm-up, one report): median ${ms(median(worker))}`);
}

async function heap(api: AuditLensApi): Promise<void> {
  const gc = findGc();
  const settings = new SettingsStore();
  const index = new FindingIndex(settings, api.log, api.index.parser);
  const before = await settledHeap(gc);
  await index.reindex();
  const after = await settledHeap(gc);
  const all = [...index.findings()];
  const findings = all.length;
  // One-byte strings (these texts are ASCII): about a byte a character.
  const bodies = all.reduce((n, f) => n + f.finding.body.length, 0);
  const how = gc ? 'heapUsed after two forced GCs (gc exposed with v8.setFlagsFromString), before and after' : 'heapUsed after a quiet second (no gc available), before and after';
  note(`heap retained by an index of ${index.reports().length} reports, ${findings} findings: ${mb(after - before)} (${how} a fresh index's scan; target ≤ 100 MB); host heap in use: ${mb(after)}; of it the findings' bodies, about ${mb(bodies)}`);
  index.dispose();
  settings.dispose();
}

async function codeLensSpeed(api: AuditLensApi, root: vscode.Uri, config: BenchConfig): Promise<void> {
  const uri = vscode.Uri.joinPath(root, config.visibleFile);
  const doc = await vscode.workspace.openTextDocument(uri);
  const deps = { index: api.index, settings: api.settings, tracker: api.tracker };
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    count = codeLensesFor(doc, deps).length;
    times.push(performance.now() - t);
  }
  note(`CodeLens for one file (${api.index.findingsInFile(uri).length} findings, ${count} lenses): median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
}

/**
 * Edits in an open report, each timed from the edit to the index's change for that report (the
 * diagnostics subscribed first, so they are set by then). Each edit inserts a line and the next
 * removes it: every finding below moves, the worst case of typing Enter.
 */
/**
 * With BENCH_PROFILE set (it reaches the host through the launcher's environment), a CPU profile
 * of the extension host while `fn` runs, written to that folder; just `fn` otherwise.
 */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    fs.writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

async function editLatency(api: AuditLensApi, uri: vscode.Uri, edits: number): Promise<void> {
  await profiled(uri.path.slice(uri.path.lastIndexOf('/') + 1), () => timeEdits(api, uri, edits));
}

async function timeEdits(api: AuditLensApi, uri: vscode.Uri, edits: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  // Opening it re-reads it from the buffer: let that settle first.
  await delay(1500);
  const size = Buffer.byteLength(doc.getText());
  const key = uri.toString();
  const times: number[] = [];
  const fromEvent: number[] = [];
  for (let i = 0; i < edits; i++) {
    const line = 12 + ((i * 37) % Math.max(1, doc.lineCount - 20));
    for (const insert of [true, false]) {
      // Apart enough that the 150 ms edit throttle lets each edit through on its own.
      await delay(220);
      const done = new Promise<number>((resolve) => {
        const sub = api.index.onDidChange((c) => {
          if (c.reports.some((r) => r.toString() === key)) {
            sub.dispose();
            resolve(performance.now());
          }
        });
      });
      // When the host hears of the edit: typing reaches the host as this event, while the edit
      // API first sends the edit to the window and waits for it to come back.
      const heard = new Promise<number>((resolve) => {
        const sub = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document.uri.toString() === key && e.contentChanges.length > 0) {
            sub.dispose();
            resolve(performance.now());
          }
        });
      });
      const t = performance.now();
      await editor.edit((b) => (insert ? b.insert(new vscode.Position(line, 0), 'x\n') : b.delete(new vscode.Range(line, 0, line + 1, 0))));
      const end = await done;
      times.push(end - t);
      fromEvent.push(end - (await heard));
    }
  }
  note(`edit → diagnostics in an open ${size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${(size / 1024).toFixed(0)} KB`} report, ${[...api.index.findings()].length} findings indexed: ` +
    `median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} edits); ` +
    `from the host's change event (as typing arrives): median ${ms(percentile(fromEvent, 50))}, p95 ${ms(percentile(fromEvent, 95))} ` +
    `(target p95 ≤ ${size >= 1024 * 1024 ? 40 : 25} ms; the edit call's figure adds the trip of the edit to the window and back)`);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<AuditLensApi>('audit-lens.audit-lens')!;
  const api = await ext.activate();
  await api.index.whenReady();
  const root = vscode.workspace.workspaceFolders![0].uri;
  const config = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(root, 'bench.json').fsPath, 'utf8')) as BenchConfig;
  const tests: Array<{ fullTitle: string; state: 'passed' | 'failed' }> = [];
  const failures: Array<{ fullTitle: string; message: string; stack?: string }> = [];
  const [edit50, edit1mb] = config.editReports.map((p) => vscode.Uri.joinPath(root, p));
  for (const [name, step] of [
    ['activation', () => activation(api, config, ext.extensionUri, root)],
    ['first steps', () => firstSteps(api, config, ext.extensionUri)],
    ['heap', () => heap(api)],
    ['CodeLens', () => codeLensSpeed(api, root, config)],
    ['edit latency, 50 KB', () => editLatency(api, edit50, 20)],
    ['edit latency, 1 MB', () => editLatency(api, edit1mb, 10)],
  ] as const) {
    // BENCH_ONLY=activation,edit runs only the steps whose names start with one of those words.
    if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').some((w) => w.trim() !== '' && name.startsWith(w.trim()))) continue;
    try {
      await step();
    } catch (error) {
      failures.push({ fullTitle: name, message: String(error), stack: (error as Error).stack });
    }
  }
  for (const l of lines) tests.push({ fullTitle: l, state: 'passed' });
  const result = { passed: tests.length, failed: failures.length, pending: 0, tests, failures };
  const file = process.env.AUDIT_LENS_TEST_RESULT;
  if (file) {
    fs.writeFileSync(`${file}.partial`, JSON.stringify(result, null, 2));
    fs.renameSync(`${file}.partial`, file);
  }
}
