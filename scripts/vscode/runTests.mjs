// `npm run test:integration`: runs the compiled integration suite inside a real
// VS Code (code-server, opened in headless Chromium) and reports like a test
// runner, ending with `N passed, N failed`. It builds nothing: the extension
// bundle and out/test/integration/ must already exist.
//
//   node scripts/vscode/runTests.mjs [--workspace <folder | file.code-workspace>]
//     [--extension <folder>] [--tests <index.js>] [--grep <pattern>] [--timeout <seconds>]
//
// The workspace is copied to a temporary folder first, so tests may change files.
// A .code-workspace file is opened as a multi-root workspace; the folder holding
// it is what gets copied, so its folders must lie inside that folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createCleanup, launchChromium, openWorkbench, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

/** Exit codes: tests failed, or the harness could not get a result at all. */
const EXIT_TESTS_FAILED = 1;
const EXIT_HARNESS_ERROR = 2;

class HarnessError extends Error {}

function readOptions() {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string', default: process.env.AUDIT_LENS_TEST_WORKSPACE ?? 'test/fixtures/workspace' },
      extension: { type: 'string', default: repoRoot },
      tests: { type: 'string', default: 'out/test/integration/index.js' },
      grep: { type: 'string', default: process.env.AUDIT_LENS_TEST_GREP },
      timeout: { type: 'string', default: '300' },
    },
  });
  return {
    workspace: resolve(repoRoot, values.workspace),
    extension: resolve(repoRoot, values.extension),
    tests: resolve(repoRoot, values.tests),
    grep: values.grep,
    timeoutMs: Number(values.timeout) * 1000,
  };
}

/** Fails fast, naming the missing build, instead of timing out in the browser. */
function checkBuilt({ workspace, extension, tests }) {
  const manifest = join(extension, 'package.json');
  if (!existsSync(manifest)) throw new HarnessError(`no extension at ${extension} (package.json missing)`);
  const main = JSON.parse(readFileSync(manifest, 'utf8')).main;
  if (main && !existsSync(join(extension, main))) {
    throw new HarnessError(`extension entry ${join(extension, main)} is missing: build first (node esbuild.config.mjs)`);
  }
  if (!existsSync(tests)) {
    throw new HarnessError(`test entry ${tests} is missing: build first (node esbuild.config.mjs --integration)`);
  }
  if (!existsSync(workspace)) throw new HarnessError(`test workspace ${workspace} does not exist`);
}

/** Copies the fixture to `dest`; returns what to open there: a folder or a multi-root workspace file. */
function copyWorkspace(source, dest) {
  if (statSync(source).isDirectory()) {
    cpSync(source, dest, { recursive: true });
    return { folder: dest };
  }
  if (!source.endsWith('.code-workspace')) throw new HarnessError(`${source} is neither a folder nor a .code-workspace file`);
  cpSync(dirname(source), dest, { recursive: true });
  return { workspaceFile: join(dest, basename(source)) };
}

function readResult(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

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
  throw new HarnessError(`no test results after ${timeoutMs / 1000}s`);
}

const MARKS = { passed: '✓', failed: '✗', pending: '-' };

/** Prints the outcome; the summary line comes last, alone, for CI to read. */
function report(result) {
  for (const test of result.tests) {
    const duration = test.durationMs === undefined ? '' : ` (${test.durationMs}ms)`;
    console.log(`  ${MARKS[test.state]} ${test.fullTitle}${duration}`);
  }
  result.failures.forEach((failure, index) => {
    console.log(`\n  ${index + 1}) ${failure.fullTitle}\n     ${failure.stack ?? failure.message}`);
  });
  if (result.error) console.log(`\nThe suite could not run:\n${result.error}`);
  const total = result.passed + result.failed + result.pending;
  if (total === 0 && !result.error) console.log('\nNo integration tests were found.');
  console.log(`\n${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return result.failed === 0 && !result.error && total > 0;
}

async function runSuite(options, tempDir, cleanup) {
  const resultFile = join(tempDir, 'result.json');
  const target = copyWorkspace(options.workspace, join(tempDir, 'workspace'));
  const server = await startCodeServer({ workspace: target.folder ?? target.workspaceFile });
  cleanup.add(server.stop);
  try {
    const url = server.workbenchUrl({
      ...target,
      extensionDevelopmentPath: options.extension,
      extensionTestsPath: options.tests,
      extensionEnvironment: {
        AUDIT_LENS_TEST_RESULT: resultFile,
        ...(options.grep ? { AUDIT_LENS_TEST_GREP: options.grep } : {}),
      },
    });
    const browser = await launchChromium();
    cleanup.add(() => browser.close());
    let reportHostExit;
    const hostExit = new Promise((resolveExit) => { reportHostExit = resolveExit; });
    await openWorkbench(browser, url, {
      onError: (text) => console.error(`[browser] ${text}`),
      onExtensionHostExit: reportHostExit,
    });
    return await waitForResult({ resultFile, hostExit, serverExit: server.exited, timeoutMs: options.timeoutMs });
  } catch (error) {
    console.error(`--- last lines of the code-server log ---\n${server.readLog()}`);
    throw error;
  }
}

async function main() {
  const options = readOptions();
  await setup();
  checkBuilt(options);
  const cleanup = createCleanup();
  const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-it-'));
  cleanup.add(() => rmSync(tempDir, { recursive: true, force: true }));
  try {
    const started = Date.now();
    const result = await runSuite(options, tempDir, cleanup);
    console.log(`[integration] suite finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    await cleanup.run();
    return report(result) ? 0 : EXIT_TESTS_FAILED;
  } finally {
    await cleanup.run();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const known = error instanceof HarnessError || error instanceof SetupError;
  console.error(`[integration] ${known ? error.message : error.stack}`);
  process.exitCode = EXIT_HARNESS_ERROR;
}
