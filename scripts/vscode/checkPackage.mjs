// `npm run test:package`: the packaged extension, used as a user would. It installs the
// .vsix into a fresh code-server with `--install-extension`, opens a workspace that is not
// examples/ (a report with an unusual name, citing a Python file), and checks in headless
// Chromium that the finding shows in the findings view and as a squiggle, and that the
// extension's page renders the user README, its pictures linked to files of the repository.
// It leaves two screenshots to look at in out/package-check/.
//
//   node scripts/vscode/checkPackage.mjs [--vsix audit-lens-<version>.vsix] [--out out/package-check]
//
// It packages nothing: run `npm run package` first (`npm run test:package` does both).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  CodeServerError, createCleanup, installExtension, launchChromium, openWorkbench, startCodeServer,
} from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

/** A check that failed: its message says what was expected and what was seen. */
class CheckError extends Error {}

const VIEWPORT = { width: 1400, height: 860 };
const FINDING_TITLE = 'Refund amount is not checked';

/** A project that is not examples/: a report named in mixed case, citing code in another language. */
const WORKSPACE_FILES = {
  'docs/Payments-Security-Review.md': [
    '# Payments review',
    '',
    `### P-1. ${FINDING_TITLE}`,
    '',
    '**Severity:** High',
    '**Location:** `billing/refunds.py:4-5`',
    '',
    'A caller can refund more than was paid.',
    '',
  ].join('\n'),
  'billing/refunds.py': [
    'from billing.db import ledger',
    '',
    'def refund(order, amount):',
    '    # The amount is taken as given.',
    '    ledger.credit(order.customer, amount)',
    '',
  ].join('\n'),
};

function log(message) {
  console.log(`[package] ${message}`);
}

function writeWorkspace(root) {
  for (const [path, text] of Object.entries(WORKSPACE_FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function waitFor(page, selector, what) {
  try {
    await page.waitForSelector(selector, { timeout: 60_000 });
  } catch {
    throw new CheckError(`${what} did not appear within 60 s`);
  }
}

/** The findings view shows the report's finding, and its lines carry a squiggle. */
async function checkFindings(page, out) {
  await waitFor(page, '.editor-instance .squiggly-error', 'a squiggle on billing/refunds.py');
  await page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Audit Lens"]') }).first().click();
  await waitFor(page, '.part.sidebar .monaco-list-row', 'a row in the findings view');
  const rows = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
  if (!rows.some((row) => row.includes(FINDING_TITLE))) {
    throw new CheckError(`the findings view does not show "${FINDING_TITLE}"; its rows: ${JSON.stringify(rows)}`);
  }
  await delay(1000);
  const path = join(out, 'package-workspace.png');
  await page.screenshot({ path });
  log(`findings shown: ${rows.map((row) => row.replace(/\s+/g, ' ')).join(' | ')}`);
  log(`screenshot ${path}`);
}

/** The frame of the extension page's webview that holds the rendered README. */
async function readmeFrame(page) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.locator('h1', { hasText: 'Audit Lens' }).count() > 0) return frame;
      } catch {
        // A frame that went away while we looked.
      }
    }
    await delay(500);
  }
  throw new CheckError('the extension page did not render its README within 30 s');
}

/**
 * Where the page's pictures must point: the repository's files over HTTPS (what vsce makes of
 * the README's `/docs/…` links), since VS Code's extension page shows no picture from the package.
 */
function repositoryRawUrl() {
  const { repository } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const project = /github\.com[/:]([^/]+\/[^/]+?)(\.git)?$/.exec(repository?.url ?? '')?.[1];
  if (!project) throw new CheckError(`package.json's repository (${repository?.url}) is not on GitHub: vsce cannot link the pictures`);
  return `https://github.com/${project}/raw/HEAD/`;
}

/** The page a user opens from the Extensions view: the README, each picture a file of the repository. */
async function checkExtensionPage(page, out) {
  await page.keyboard.press('Control+Shift+X');
  await waitFor(page, '.extensions-viewlet .monaco-list-row', 'the installed extension in the Extensions view');
  await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Audit Lens' }).first().click();
  const frame = await readmeFrame(page);
  const sources = await frame.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
  await delay(500);
  const path = join(out, 'package-page.png');
  await page.screenshot({ path });
  log(`screenshot ${path}`);
  if (sources.length === 0) throw new CheckError('the extension page shows no picture');
  const base = repositoryRawUrl();
  const tracked = new Set(spawnSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).stdout.split('\n'));
  const wrong = sources.filter((src) => !src.startsWith(base) || !tracked.has(decodeURI(src.slice(base.length))));
  if (wrong.length > 0) {
    throw new CheckError(`pictures on the extension page that are not files of the repository under ${base}: ${JSON.stringify(wrong)}`);
  }
  log(`extension page: README rendered; its ${sources.length} pictures are repository files under ${base} (they load where GitHub is reachable)`);
}

async function main() {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const { values } = parseArgs({
    options: {
      vsix: { type: 'string', default: join(repoRoot, `audit-lens-${version}.vsix`) },
      out: { type: 'string', default: join(repoRoot, 'out', 'package-check') },
    },
  });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  await setup();
  const cleanup = createCleanup();
  try {
    const tempDir = mkdtempSync(join(tmpdir(), 'audit-lens-package-'));
    cleanup.add(() => rmSync(tempDir, { recursive: true, force: true }));
    const workspace = join(tempDir, 'payments');
    writeWorkspace(workspace);
    const extensionsDir = join(tempDir, 'extensions');
    log(installExtension(resolve(values.vsix), extensionsDir).split('\n').pop());

    const server = await startCodeServer(cleanup, { workspace, extensionsDir });
    const browser = await launchChromium(cleanup);
    const url = server.workbenchUrl({ folder: workspace, openFile: join(workspace, 'billing/refunds.py') });
    const errors = [];
    const page = await openWorkbench(browser, url, { viewport: VIEWPORT, onError: (text) => errors.push(text) });
    await checkFindings(page, out);
    await checkExtensionPage(page, out);
    for (const text of errors) console.error(`[browser] ${text}`);
    log('the packaged extension works');
    return 0;
  } finally {
    await cleanup.run();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const known = [CheckError, SetupError, CodeServerError].some((type) => error instanceof type);
  console.error(`[package] ${known ? error.message : error.stack}`);
  process.exitCode = 1;
}
