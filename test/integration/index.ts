// The integration tests' entry point, loaded by VS Code inside the extension
// host (extensionTestsPath) with the contract @vscode/test-electron also uses:
// a CommonJS module whose run() settles when the tests are done. It serves
// both launchers: scripts/vscode/runElectronTests.mjs reads the exit code,
// while scripts/vscode/runTests.mjs drives code-server in a browser, which has
// no exit code to read, so the results also go to the JSON file named by
// AUDIT_LENS_TEST_RESULT.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestFailure {
  fullTitle: string;
  message: string;
  stack?: string;
}

export interface TestOutcome {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
}

/** What the file named by AUDIT_LENS_TEST_RESULT holds. */
export interface IntegrationTestResult {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  failures: TestFailure[];
  /** Set when the suite could not run at all (e.g. a test file failed to load). */
  error?: string;
}

const TIMEOUT_MS = 30_000;

/** The compiled suite sits beside this bundle: out/test/integration/suite/**\/*.test.js. */
function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => path.join(dir, name))
    .sort();
}

function errorText(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

/** Collects outcomes from the runner's events; hook failures count as failures too. */
function record(runner: Mocha.Runner, result: IntegrationTestResult): void {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  runner.on(EVENT_TEST_PASS, (test) => {
    result.passed++;
    result.tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration });
  });
  runner.on(EVENT_TEST_FAIL, (test, error) => {
    result.failed++;
    result.tests.push({ fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration });
    result.failures.push({ fullTitle: test.fullTitle(), ...errorText(error) });
  });
  runner.on(EVENT_TEST_PENDING, (test) => {
    result.pending++;
    result.tests.push({ fullTitle: test.fullTitle(), state: 'pending' });
  });
}

/** Written whole then renamed, so the launcher polling for it never reads half a file. */
function writeResult(file: string, result: IntegrationTestResult): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(result, null, 2));
  fs.renameSync(partial, file);
}

export async function run(): Promise<void> {
  const result: IntegrationTestResult = { passed: 0, failed: 0, pending: 0, tests: [], failures: [] };
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: TIMEOUT_MS, color: false, grep: process.env.AUDIT_LENS_TEST_GREP });
    for (const file of findTestFiles(path.join(__dirname, 'suite'))) mocha.addFile(file);
    await new Promise<void>((resolve) => record(mocha.run(() => resolve()), result));
  } catch (error) {
    result.error = errorText(error).stack ?? errorText(error).message;
  }
  const resultFile = process.env.AUDIT_LENS_TEST_RESULT;
  if (resultFile) writeResult(resultFile, result);
  if (result.error) throw new Error(`integration tests could not run: ${result.error}`);
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
