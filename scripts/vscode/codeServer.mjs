// Starts code-server (VS Code's server and web workbench, installed by
// setup.mjs) and opens its workbench in headless Chromium: the real VS Code
// behind the integration tests, `npm start` and screenshots. The recipe and
// the reasons for each flag are in shared/docs/real-vscode-tests.md.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromiumPath, codeServerPackage, node24Bin } from './paths.mjs';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

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
 * not shipped with code-server, and calls still pending at shutdown are cancelled.
 */
const HARMLESS_ERRORS = [/open-vsx\.org/, /ERR_NAME_NOT_RESOLVED/, /\/vsda\//, /Canceled: Canceled/];

/** Without the background-networking flags Chromium keeps dialling Google's hosts through the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function findFreePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function writeUserSettings(userDataDir, settings) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
}

/** Polls code-server's health endpoint; fails early, with its log, if the process dies. */
async function waitUntilServing(port, child, readLog) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited during start-up (${child.exitCode ?? child.signalCode}):\n${readLog()}`);
    }
    try {
      if ((await fetch(`http://${HOST}:${port}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`code-server did not answer on port ${port} within ${START_TIMEOUT_MS / 1000}s:\n${readLog()}`);
}

/** Path segments stay readable in a printed URL; everything else is escaped. */
function encodePath(path) {
  return encodeURIComponent(path).replaceAll('%2F', '/');
}

/**
 * Starts code-server on HOST with fresh user-data and extensions folders.
 * @param {object} [options]
 * @param {string} [options.workspace] folder or .code-workspace file code-server opens by default
 * @param {number} [options.port] a free port is picked when absent
 * @param {object} [options.settings] user settings added to USER_SETTINGS
 */
export async function startCodeServer({ workspace, port, settings = {} } = {}) {
  const chosenPort = port ?? await findFreePort();
  const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-code-server-'));
  const userDataDir = join(tempDir, 'user');
  writeUserSettings(userDataDir, settings);
  const logPath = join(tempDir, 'code-server.log');
  const args = [
    join(codeServerPackage, 'out', 'node', 'entry.js'),
    '--auth', 'none',
    '--bind-addr', `${HOST}:${chosenPort}`,
    // Its own config file, so it neither reads nor writes ~/.config/code-server.
    '--config', join(tempDir, 'config.yaml'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    // Only with the smoke-test driver does the built workbench honour the
    // extension-development parameters passed in the URL's payload.
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(tempDir, 'extensions'),
    ...(workspace ? [workspace] : []),
  ];
  // Its IPC sockets (and the extension host's temporary files) go into tempDir,
  // which stop() removes; killed helpers would otherwise leave sockets in /tmp.
  const processTempDir = join(tempDir, 'tmp');
  mkdirSync(processTempDir);
  const logFd = openSync(logPath, 'w');
  // Its own process group, so stop() also ends the extension host and the other helpers it forks.
  const child = spawn(node24Bin, args, {
    detached: true,
    env: { ...process.env, TMPDIR: processTempDir },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const readLog = (lines = 60) => readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
  const authority = `${HOST}:${chosenPort}`;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), delay(STOP_TIMEOUT_MS).then(() => true)]);
      if (timedOut) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(tempDir, { recursive: true, force: true });
  }

  /**
   * The workbench URL for a folder (or a multi-root .code-workspace file) with
   * the extension under development loaded and, optionally, its tests run.
   * Development paths travel as vscode-remote URIs whose authority is the page's own host:port.
   */
  function workbenchUrl({ folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }) {
    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
    const target = workspaceFile ? `workspace=${encodePath(workspaceFile)}` : `folder=${encodePath(folder)}`;
    return `http://${authority}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  try {
    await waitUntilServing(chosenPort, child, readLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port: chosenPort, logPath, readLog, workbenchUrl, exited, stop };
}

/** Debian's Chromium, driven by playwright-core (imported late: setup.mjs may only just have installed it). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
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
      const text = message.text().replace(/%c\s*/g, '').replace(/color: #[0-9a-f]+\s*/gi, '');
      if (message.type() === 'error') report(text, message.location().url);
    });
    page.on('pageerror', (error) => report(error.stack ?? String(error)));
  }
  if (onExtensionHostExit) await page.exposeFunction('codeAutomationExit', (code) => onExtensionHostExit(code));
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}

/**
 * Stops what a script started exactly once, whether it finishes, fails or is
 * sent SIGINT/SIGTERM: code-server runs in its own process group, so it would
 * outlive us otherwise. Tasks run last-added first.
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
    process.once(signal, () => run().then(() => process.exit(130)));
  }
  return { add: (task) => tasks.push(task), run };
}
