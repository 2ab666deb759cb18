// Screenshots of the extension at work in a real VS Code (code-server in
// headless Chromium): what a person would see, as a PNG to look at.
//
//   node scripts/vscode/screenshot.mjs --out shot.png [--workspace examples]
//     [--file README.md] [--line 12] [--wait-for <css selector>] [--wait 5000]
//     [--extension .] [--width 1600] [--height 1000]
//
// Paths are taken from the current directory, except --file, which is relative
// to the workspace folder (default: the repository's examples/). --wait-for
// waits until something the extension draws is there (`.codelens-decoration`,
// say); --wait then gives it time to finish (milliseconds). It builds nothing:
// run `node esbuild.config.mjs` first. The workspace is used in place, so the
// extension may write into it.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CodeServerError, createCleanup, launchChromium, openWorkbench, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

/**
 * Starts code-server with the extension on `workspace`, opens `file` (if any),
 * waits for the `waitFor` selector (if any) and then `waitMs`, and saves a
 * full-page screenshot to `out`.
 * `cleanup` (from createCleanup) stops the server and the browser.
 */
export async function takeScreenshot({
  workspace, file, line, out, waitFor, waitMs = 5000, extension = repoRoot, viewport = { width: 1600, height: 1000 }, cleanup,
}) {
  const server = await startCodeServer(cleanup, { workspace });
  const browser = await launchChromium(cleanup);
  const url = server.workbenchUrl({
    folder: workspace,
    extensionDevelopmentPath: extension,
    openFile: file ? join(workspace, file) : undefined,
    line,
  });
  const page = await openWorkbench(browser, url, {
    viewport,
    onError: (text) => console.error(`[browser] ${text}`),
  });
  if (file) await page.waitForSelector('.editor-instance .monaco-editor', { timeout: 30_000 });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 60_000 });
  await delay(waitMs);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      workspace: { type: 'string', default: join(repoRoot, 'examples') },
      file: { type: 'string' },
      line: { type: 'string' },
      'wait-for': { type: 'string' },
      wait: { type: 'string', default: '5000' },
      extension: { type: 'string', default: repoRoot },
      width: { type: 'string', default: '1600' },
      height: { type: 'string', default: '1000' },
    },
  });
  if (!values.out) {
    console.error('usage: node scripts/vscode/screenshot.mjs --out <file.png> [--workspace <folder>] [--file <path>] …');
    return 1;
  }
  await setup();
  const cleanup = createCleanup();
  try {
    const out = resolve(values.out);
    await takeScreenshot({
      workspace: resolve(values.workspace),
      file: values.file,
      line: values.line && Number(values.line),
      out,
      waitFor: values['wait-for'],
      waitMs: Number(values.wait),
      extension: resolve(values.extension),
      viewport: { width: Number(values.width), height: Number(values.height) },
      cleanup,
    });
    console.log(`[screenshot] saved ${out}`);
    return 0;
  } finally {
    await cleanup.run();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main();
  } catch (error) {
    const known = [SetupError, CodeServerError].some((type) => error instanceof type);
    console.error(`[screenshot] ${known ? error.message : error.stack}`);
    process.exitCode = 1;
  }
}
