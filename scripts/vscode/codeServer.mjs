// Starts code-server (VS Code's server and web workbench, installed by
// setup.mjs) and opens its workbench in headless Chromium: the real VS Code
// behind the integration tests, `npm start` and screenshots. The recipe and
// the reasons for each flag are in shared/docs/real-vscode-tests.md.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromiumPath, codeServerPackage, node24Bin } from './paths.mjs';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** An expected failure to start (port taken, early exit): its message and log say it all. */
export class CodeServerError extends Error {}

/** The window shows only what the extension adds: no welcome page, tips or update prompts (there is no internet). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // The AI chat panel would take a third of every screenshot.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Console errors every offline session shows, whatever the extension does:
 * the extension gallery is unreachable, VS Code's proprietary `vsda` module is
 * not shipped with code-server, calls still pending at shutdown are cancelled,
 * and the workbench asks for a GitHub sign-in (settings sync, accounts menu) that
 * code-server has no provider for. Each pattern names its source exactly, so an
 * error of the extension or of a test is never hidden (test results do not go
 * through the console anyway: they come back in a result file).
 */
const HARMLESS_ERRORS = [
  /open-vsx\.org/, /ERR_NAME_NOT_RESOLVED/, /\/vsda\//, /Canceled: Canceled/,
  /Timed out waiting for authentication provider '(github|microsoft)' to register/,
];

/** Without the background-networking flags Chromium keeps dialling Google's hosts through the closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Stops what a script started exactly once, whether it finishes, fails or is
 * sent SIGINT/SIGTERM (then exiting with 128 + the signal's number):
 * code-server runs in its own process group, so it would outlive us otherwise.
 * Tasks run last-added first.
 */
export function createCleanup() {
  const tasks = [];
  let running;
  const run = () => {
    running ??= (async () => {
      for (const task of tasks.reverse()) {
        try {
          await task();
        } catch (error) {
          console.error(`[cleanup] ${error.message}`);
        }
      }
    })();
    return running;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => run().then(() => process.exit(128 + osConstants.signals[signal])));
  }
  return { add: (task) => tasks.push(task), run, isRunning: () => running !== undefined };
}

async function listenOnce(port) {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, HOST, resolve));
  const { port: bound } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return bound;
}

/** A free port, or the requested one if nothing listens there: code-server itself would just hang on a taken port. */
async function choosePort(requested) {
  try {
    return await listenOnce(requested ?? 0);
  } catch (error) {
    if (error.code === 'EADDRINUSE') throw new CodeServerError(`port ${requested} on ${HOST} is already in use (set PORT to another)`);
    throw error;
  }
}

// With workspace trust on, a folder opens untrusted (Restricted Mode) without asking.
const UNTRUSTED_SETTINGS = { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' };

function writeUserSettings(userDataDir, trust) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(trust ? USER_SETTINGS : { ...USER_SETTINGS, ...UNTRUSTED_SETTINGS }, null, 2));
}

async function isHealthy(port) {
  try {
    return (await fetch(`http://${HOST}:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false; // Not listening yet.
  }
}

/** Polls code-server's health endpoint; fails early, with its log, if the process dies. */
async function waitUntilServing(port, child, readLog) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new CodeServerError(`code-server exited during start-up (${child.exitCode ?? child.signalCode}):\n${readLog()}`);
    }
    if (await isHealthy(port)) return;
    await delay(250);
  }
  throw new CodeServerError(`code-server did not answer on port ${port} within ${START_TIMEOUT_MS / 1000}s:\n${readLog()}`);
}

/** Ends the whole process group (SIGTERM, then SIGKILL if it lingers). */
async function stopProcessGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch (error) {
      if (error.code !== 'ESRCH') throw error; // ESRCH: already gone.
    }
  };
  signalGroup('SIGTERM');
  // An unreferenced timer: once the group has exited, it must not keep the script alive.
  const gaveUp = delay(STOP_TIMEOUT_MS, true, { ref: false });
  const timedOut = await Promise.race([exited.then(() => false), gaveUp]);
  if (timedOut) signalGroup('SIGKILL');
}

/** Path segments stay readable in a printed URL; everything else is escaped. */
function encodePath(path) {
  return encodeURIComponent(path).replaceAll('%2F', '/');
}

/**
 * Starts code-server on HOST with fresh user-data and extensions folders; `cleanup`
 * (from createCleanup) stops it and removes its temporary folder.
 * @param {ReturnType<typeof createCleanup>} cleanup
 * @param {object} [options]
 * @param {string} [options.workspace] folder or .code-workspace file code-server opens by default
 * @param {number} [options.port] a free port is picked when absent
 * @param {string} [options.extensionsDir] installed extensions to load (see installExtension); a fresh, empty one when absent
 */
/** `trust: false` keeps VS Code's workspace trust on, so the workspace opens in Restricted Mode. */
export async function startCodeServer(cleanup, { workspace, port, extensionsDir, trust = true } = {}) {
  const chosenPort = await choosePort(port);
  const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-code-server-'));
  cleanup.add(() => rmSync(tempDir, { recursive: true, force: true }));
  const userDataDir = join(tempDir, 'user');
  writeUserSettings(userDataDir, trust);
  // Its IPC sockets (and the extension host's temporary files) go into tempDir:
  // killed helpers would otherwise leave sockets in /tmp.
  const processTempDir = join(tempDir, 'tmp');
  mkdirSync(processTempDir);
  const logPath = join(tempDir, 'code-server.log');
  const args = [
    join(codeServerPackage, 'out', 'node', 'entry.js'),
    '--auth', 'none',
    '--bind-addr', `${HOST}:${chosenPort}`,
    // Its own config file, so it neither reads nor writes ~/.config/code-server.
    '--config', join(tempDir, 'config.yaml'),
    '--disable-telemetry', '--disable-update-check', ...(trust ? ['--disable-workspace-trust'] : []),
    // Only with the smoke-test driver does the built workbench honour the
    // extension-development parameters passed in the URL's payload.
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir ?? join(tempDir, 'extensions'),
    ...(workspace ? [workspace] : []),
  ];
  const logFd = openSync(logPath, 'w');
  // Its own process group, so stopping it also ends the extension host and the other helpers it forks.
  const child = spawn(node24Bin, args, {
    detached: true,
    env: { ...process.env, TMPDIR: processTempDir },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanup.add(() => stopProcessGroup(child, exited));
  const readLog = (lines = 60) => readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
  const authority = `${HOST}:${chosenPort}`;

  /**
   * The workbench URL for a folder (or a multi-root .code-workspace file) with
   * the extension under development loaded (none: only the installed ones) and,
   * optionally, its tests run or a file opened (`openFile`, at `line` when given).
   * Paths travel as vscode-remote URIs whose authority is the page's own host:port.
   */
  function workbenchUrl({
    folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment, openFile, line,
  }) {
    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]] : [];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
    if (openFile && line) payload.push(['openFile', remote(`${openFile}:${line}`)], ['gotoLineMode', 'true']);
    else if (openFile) payload.push(['openFile', remote(openFile)]);
    const target = workspaceFile ? `workspace=${encodePath(workspaceFile)}` : `folder=${encodePath(folder)}`;
    return `http://${authority}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  await waitUntilServing(chosenPort, child, readLog);
  return { port: chosenPort, logPath, readLog, workbenchUrl, exited };
}

/**
 * Installs a packaged extension (.vsix) into `extensionsDir` the way a user would,
 * with code-server's own `--install-extension`.
 */
export function installExtension(vsix, extensionsDir) {
  const result = spawnSync(node24Bin, [
    join(codeServerPackage, 'out', 'node', 'entry.js'), '--install-extension', vsix, '--extensions-dir', extensionsDir,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) {
    throw new CodeServerError(`code-server --install-extension ${vsix} failed (${result.error?.message ?? `exit code ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Debian's Chromium, driven by playwright-core (imported late: setup.mjs may
 * only just have installed it); `cleanup` closes it.
 * @param {ReturnType<typeof createCleanup>} cleanup
 */
export async function launchChromium(cleanup) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  cleanup.add(() => browser.close());
  return browser;
}

/**
 * Opens a workbench URL in a new page and waits until the workbench is drawn.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {object} [options]
 * @param {(text: string) => void} [options.onError] receives the page's console errors and uncaught exceptions
 * @param {(code: number) => void} [options.onExtensionHostExit] called when the extension host ends after
 *   running extension tests: the workbench reports that through the automation hook `codeAutomationExit`
 * @param {{ width: number, height: number }} [options.viewport]
 */
export async function openWorkbench(browser, url, { onError, onExtensionHostExit, viewport = { width: 1600, height: 1000 } } = {}) {
  const page = await browser.newPage({ viewport });
  if (onError) {
    const report = (text, sourceUrl = '') => {
      if (!HARMLESS_ERRORS.some((pattern) => pattern.test(`${text} ${sourceUrl}`))) onError(text);
    };
    page.on('console', (message) => {
      // VS Code styles its log lines (`%c  ERR` + CSS), which means nothing in a terminal.
      if (message.type() !== 'error') return;
      const text = message.text().replace(/%c\s*/g, '').replace(/color: #[0-9a-f]+\s*/gi, '');
      const { url } = message.location();
      // "Failed to load resource" names no resource: the location does.
      report(text.startsWith('Failed to load resource') ? `${text}: ${url}` : text, url);
    });
    page.on('pageerror', (error) => report(error.stack ?? String(error)));
  }
  if (onExtensionHostExit) await page.exposeFunction('codeAutomationExit', (code) => onExtensionHostExit(code));
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}
