// `npm run test:integration`: runs the compiled integration suite inside a real
// VS Code (code-server, opened in headless Chromium) and reports like a test
// runner, ending with `N passed, N failed`. It builds nothing: the extension
// bundle and out/test/integration/ must already exist.
//
//   node scripts/vscode/runTests.mjs [--workspace <folder | file.code-workspace>]
//     [--extension <folder>] [--tests <index.js>] [--grep <pattern>] [--timeout <seconds>]
//     [--untrusted]   (workspace trust on: the workspace opens in Restricted Mode)
//
// Exit code 0 when every test passed, 1 when a test failed (or none ran), 2
// when no result came back (set-up problem, the test entry failed to load, timeout).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CodeServerError, createCleanup, launchChromium, openWorkbench, startCodeServer } from './codeServer.mjs';
import { setup, SetupError } from './setup.mjs';
import {
  EXIT_HARNESS_ERROR, HarnessError, checkBuilt, copyWorkspace, readResult, readTestOptions, report, testEnvironment,
} from './testRun.mjs';

/**
 * Waits for the result file run() writes. The workbench also reports when the
 * extension host exits after the tests, which ends the wait early when run()
 * never got to write it (the test entry failed to load, say).
 */
async function waitForResult({ resultFile, hostExit, serverExit, timeoutMs }) {
  let exitCode;
  hostExit.then((code) => { exitCode = code; });
  let serverGone = false;
  serverExit.then(() => { serverGone = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = readResult(resultFile);
    if (result) return result;
    if (exitCode !== undefined) {
      throw new HarnessError(`the extension host exited (code ${exitCode}) without writing test results: see the errors above`);
    }
    if (serverGone) throw new HarnessError('code-server exited before the tests finished');
    await delay(500);
  }
  throw new HarnessError(`no test results ${timeoutMs / 1000}s after the workbench opened`);
}

async function runSuite(options, tempDir, cleanup) {
  const resultFile = join(tempDir, 'result.json');
  const target = copyWorkspace(options.workspace, join(tempDir, 'workspace'));
  const server = await startCodeServer(cleanup, { workspace: target.folder ?? target.workspaceFile, trust: !options.untrusted });
  try {
    const url = server.workbenchUrl({
      ...target,
      extensionDevelopmentPath: options.extension,
      extensionTestsPath: options.tests,
      extensionEnvironment: testEnvironment({ resultFile, grep: options.grep, untrusted: options.untrusted }),
    });
    const browser = await launchChromium(cleanup);
    let reportHostExit;
    const hostExit = new Promise((resolveExit) => { reportHostExit = resolveExit; });
    await openWorkbench(browser, url, {
      onError: (text) => console.error(`[browser] ${text}`),
      onExtensionHostExit: reportHostExit,
    });
    return await waitForResult({
      resultFile, hostExit, serverExit: server.exited, timeoutMs: Number(options.timeout) * 1000,
    });
  } catch (error) {
    console.error(`--- last lines of the code-server log ---\n${server.readLog()}`);
    throw error;
  }
}

async function main() {
  const options = readTestOptions({ timeout: { type: 'string', default: '300' }, untrusted: { type: 'boolean', default: false } });
  await setup();
  checkBuilt(options);
  const cleanup = createCleanup();
  const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-it-'));
  cleanup.add(() => rmSync(tempDir, { recursive: true, force: true }));
  try {
    const started = Date.now();
    const result = await runSuite(options, tempDir, cleanup);
    console.log(`[integration] suite finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    // Stopped before the report, so the summary line is the last one printed.
    await cleanup.run();
    return report(result);
  } finally {
    await cleanup.run();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const known = [HarnessError, SetupError, CodeServerError].some((type) => error instanceof type);
  console.error(`[integration] ${known ? error.message : error.stack}`);
  process.exitCode = EXIT_HARNESS_ERROR;
}
