// `npm run test:electron`: the same integration suite in desktop VS Code
// through @vscode/test-electron, for machines with internet access: it
// downloads a VS Code build into .vscode-test/ on first use. Where that
// download cannot work (no internet), use `npm run test:integration`, which
// runs the suite in code-server. On a Linux machine without a display, run it
// under xvfb-run. It builds nothing; the options are runTests.mjs's:
//
//   node scripts/vscode/runElectronTests.mjs [--workspace <folder | file.code-workspace>]
//     [--extension <folder>] [--tests <index.js>] [--grep <pattern>]
//     [--vscode-version stable | --vscode-executable <installed VS Code binary, no download>]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import {
  EXIT_HARNESS_ERROR, HarnessError, checkBuilt, copyWorkspace, readResult, readTestOptions, report, testEnvironment,
} from './testRun.mjs';

async function downloadVSCode(version) {
  try {
    return await downloadAndUnzipVSCode({ version });
  } catch (error) {
    throw new HarnessError(
      `could not download VS Code (${version}): ${error.message ?? error}\n` +
      'This launcher needs internet access. Without it, run `npm run test:integration` (code-server) instead.',
    );
  }
}

async function main() {
  const options = readTestOptions({
    'vscode-version': { type: 'string', default: 'stable' },
    'vscode-executable': { type: 'string' },
  });
  checkBuilt(options);
  const vscodeExecutablePath = options['vscode-executable'] ?? await downloadVSCode(options['vscode-version']);
  const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-electron-'));
  try {
    const resultFile = join(tempDir, 'result.json');
    const target = copyWorkspace(options.workspace, join(tempDir, 'workspace'));
    let runError;
    try {
      // test-electron adds its own user-data and extensions folders under .vscode-test/.
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: options.extension,
        extensionTestsPath: options.tests,
        extensionTestsEnv: testEnvironment({ resultFile, grep: options.grep }),
        launchArgs: [target.folder ?? target.workspaceFile, '--disable-extensions'],
      });
    } catch (error) {
      // A failing test also ends VS Code with a non-zero code: the result file tells which case this is.
      runError = error;
    }
    const result = readResult(resultFile);
    if (!result) throw new HarnessError(`VS Code ended without writing test results${runError ? `: ${runError.message ?? runError}` : ''}`);
    return report(result);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[electron] ${error instanceof HarnessError ? error.message : error.stack}`);
  process.exitCode = EXIT_HARNESS_ERROR;
}
