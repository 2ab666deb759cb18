// `npm start`: try the extension by hand on a fresh copy of examples/.
// With a desktop VS Code (`code` on PATH) it opens an Extension Development
// Host window. Otherwise it serves the extension in code-server at
// http://127.0.0.1:$PORT/ (8090 by default) until Ctrl+C or SIGTERM.
// After changing the code: `npm run build`, then "Developer: Reload Window".
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { CodeServerError, createCleanup, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

const DEFAULT_PORT = 8090;
const trackedExamples = join(repoRoot, 'examples');

/** An expected failure: its message says it all. */
class StartError extends Error {}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function build() {
  const result = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new StartError('the build failed');
}

/**
 * Triage writes into the reports, so the demo opens a copy: examples/ in git stays
 * as it is, and every start begins from the same reports. The copy is called
 * `examples` too, since that is the name the window shows.
 */
function copyExamples() {
  const parent = mkdtempSync(join(tmpdir(), 'audit-lens-demo-'));
  const copy = join(parent, 'examples');
  cpSync(trackedExamples, copy, { recursive: true });
  return { copy, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

function readPort() {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new StartError(`PORT=${process.env.PORT} is not a port number`);
  return port;
}

/**
 * Desktop VS Code forks its window and returns at once, so the copy outlives this
 * script: it stays in the temporary folder, which the system clears.
 */
function openDesktopVSCode() {
  const { copy } = copyExamples();
  console.log(`[start] opening an Extension Development Host window in VS Code on a copy of examples/: ${copy}`);
  return spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, copy], { stdio: 'inherit' }).status ?? 1;
}

/** Runs until a signal stops it (createCleanup then exits) or code-server dies by itself. */
async function serveWithCodeServer() {
  const port = readPort();
  await setup();
  const cleanup = createCleanup();
  const { copy: examples, remove } = copyExamples();
  cleanup.add(remove);
  let server;
  try {
    server = await startCodeServer(cleanup, { workspace: examples, port });
  } catch (error) {
    await cleanup.run();
    throw error;
  }
  const url = server.workbenchUrl({ folder: examples, extensionDevelopmentPath: repoRoot });
  console.log([
    '',
    `Audit Lens is running in code-server (VS Code in the browser) on a fresh copy of examples/ (${examples};`,
    'your triage changes go there and are dropped when this stops). Open:',
    '',
    `  ${url}`,
    '',
    'Use that exact address: the extension is loaded from the host:port it names (forward the same port to reach it',
    `from another machine). code-server's log: ${server.logPath}. Ctrl+C stops it.`,
  ].join('\n'));
  const code = await server.exited;
  if (cleanup.isRunning()) return 0;
  console.error(`[start] code-server stopped by itself (${code}):\n${server.readLog()}`);
  await cleanup.run();
  return 1;
}

try {
  build();
  process.exitCode = onPath('code') ? openDesktopVSCode() : await serveWithCodeServer();
} catch (error) {
  const known = [StartError, SetupError, CodeServerError].some((type) => error instanceof type);
  console.error(`[start] ${known ? error.message : error.stack}`);
  process.exitCode = 1;
}
