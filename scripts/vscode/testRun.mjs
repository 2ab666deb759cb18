// What both integration-test launchers share: their options, the checks that
// the builds exist, the temporary copy of the fixture workspace, and the
// report read from the result file that test/integration/index.ts writes.
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './paths.mjs';

/** Exit codes: tests failed, or the harness could not get a result at all. */
export const EXIT_TESTS_FAILED = 1;
export const EXIT_HARNESS_ERROR = 2;

/** A problem of the set-up, not of the tests: reported as a message, without a stack. */
export class HarnessError extends Error {}

/**
 * Options shared by both launchers, plus launcher-specific `extraOptions` (parseArgs format).
 * Paths given are taken from the current directory; the defaults lie in the repository.
 */
export function readTestOptions(extraOptions = {}) {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string', default: process.env.AUDIT_LENS_TEST_WORKSPACE ?? join(repoRoot, 'test/fixtures/workspace') },
      extension: { type: 'string', default: repoRoot },
      tests: { type: 'string', default: join(repoRoot, 'out/test/integration/index.js') },
      grep: { type: 'string', default: process.env.AUDIT_LENS_TEST_GREP },
      ...extraOptions,
    },
  });
  return {
    ...values,
    workspace: resolve(values.workspace),
    extension: resolve(values.extension),
    tests: resolve(values.tests),
  };
}

/** Fails fast, naming the missing build, instead of timing out in VS Code. */
export function checkBuilt({ workspace, extension, tests }) {
  const manifest = join(extension, 'package.json');
  if (!existsSync(manifest)) throw new HarnessError(`no extension at ${extension} (package.json missing)`);
  const { main } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (main && !existsSync(join(extension, main))) {
    throw new HarnessError(`extension entry ${join(extension, main)} is missing: build first (node esbuild.config.mjs)`);
  }
  if (!existsSync(tests)) {
    throw new HarnessError(`test entry ${tests} is missing: build first (node esbuild.config.mjs --integration)`);
  }
  if (!existsSync(workspace)) throw new HarnessError(`test workspace ${workspace} does not exist`);
}

/**
 * Copies the fixture to `dest`, so tests may change files, and returns what to
 * open there: `{ folder }`, or `{ workspaceFile }` for a multi-root
 * .code-workspace file, whose whole folder is copied (its folders must lie inside it).
 */
export function copyWorkspace(source, dest) {
  if (statSync(source).isDirectory()) {
    cpSync(source, dest, { recursive: true });
    return { folder: dest };
  }
  if (!source.endsWith('.code-workspace')) throw new HarnessError(`${source} is neither a folder nor a .code-workspace file`);
  cpSync(dirname(source), dest, { recursive: true });
  return { workspaceFile: join(dest, basename(source)) };
}

/** The environment the test entry reads inside the extension host. */
export function testEnvironment({ resultFile, grep, untrusted }) {
  return { AUDIT_LENS_TEST_RESULT: resultFile, ...(grep ? { AUDIT_LENS_TEST_GREP: grep } : {}), ...(untrusted ? { AUDIT_LENS_TEST_UNTRUSTED: '1' } : {}) };
}

export function readResult(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const MARKS = { passed: '✓', failed: '✗', pending: '-' };

/**
 * Prints the outcome; the summary line comes last and alone, for CI to read.
 * Returns the exit code: a suite that found no test at all fails too.
 */
export function report(result) {
  for (const test of result.tests) {
    const duration = test.durationMs === undefined ? '' : ` (${test.durationMs}ms)`;
    console.log(`  ${MARKS[test.state]} ${test.fullTitle}${duration}`);
  }
  result.failures.forEach((failure, index) => {
    const text = (failure.stack ?? failure.message).replaceAll('\n', '\n     ');
    console.log(`\n  ${index + 1}) ${failure.fullTitle}\n     ${text}`);
  });
  const total = result.passed + result.failed + result.pending;
  if (result.error) console.log(`\nThe suite could not run:\n${result.error}`);
  else if (total === 0) console.log('\nNo integration tests were found.');
  console.log(`\n${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return result.failed === 0 && !result.error && total > 0 ? 0 : EXIT_TESTS_FAILED;
}
