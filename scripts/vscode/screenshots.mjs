// The README's pictures, taken the way a person sees the extension: code-server in
// headless Chromium on a copy of examples/, driven like a user (open a file, point at a
// squiggle, open the Audit Lens view, point at the status bar). Each PNG is written to
// docs/media/; look at them after a change.
//
//   node scripts/vscode/screenshots.mjs [--out docs/media]
//
// It builds nothing: run `node esbuild.config.mjs` first (`npm run screenshots` does both).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { CodeServerError, createCleanup, launchChromium, openWorkbench, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

const VIEWPORT = { width: 1500, height: 860 };

/** Workspace settings for the pictures: no minimap, quick hovers, a readable font size. */
const SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  'editor.fontSize': 14,
  'workbench.editor.enablePreview': false,
  'breadcrumbs.enabled': false,
  'editor.lightbulb.enabled': 'off',
};

/** Drags the sash right of the side bar so the findings' titles and locations fit. */
async function widenSideBar(page, width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  const x = bar.x + bar.width + 1;
  const y = bar.y + bar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - bar.width) / 2, y, { steps: 4 });
  await page.mouse.move(bar.x + width, y, { steps: 4 });
  await page.mouse.up();
}

async function shot(page, out, name, target) {
  const path = join(out, name);
  if (target) await page.locator(target).first().screenshot({ path });
  else await page.screenshot({ path });
  console.log(`[screenshots] ${path}`);
}

/** Moves the mouse away and waits for any hover to close. */
async function clearHover(page) {
  await page.mouse.move(VIEWPORT.width - 5, 60);
  await page.keyboard.press('Escape');
  await delay(400);
}

async function openQuickly(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  await delay(600);
  await page.keyboard.press('Enter');
  await delay(800);
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'docs', 'media') } } });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  await setup();
  const cleanup = createCleanup();
  try {
    // A copy, so that nothing the extension (or a stray click) does lands in examples/.
    const workspace = mkdtempSync(join(tmpdir(), 'audit-lens-shots-'));
    cleanup.add(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(SETTINGS, null, 2));

    const server = await startCodeServer(cleanup, { workspace });
    const browser = await launchChromium(cleanup);
    const url = server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: repoRoot, openFile: join(workspace, 'src/api/search.ts') });
    const page = await openWorkbench(browser, url, { viewport: VIEWPORT, onError: (text) => console.error(`[browser] ${text}`) });

    // 1. Squiggles and CodeLens in the code.
    await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 60_000 });
    await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 30_000 });
    // 2. The findings view in its activity-bar container (opened with a click, as a user would).
    await page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Audit Lens"]') }).first().click();
    await page.waitForSelector('.part.sidebar .monaco-list-row', { timeout: 30_000 });
    await widenSideBar(page, 500);
    await clearHover(page);
    await delay(1000);
    await shot(page, out, 'overview.png');
    await shot(page, out, 'squiggles-codelens.png', '.part.editor');
    await shot(page, out, 'tree-view.png', '.part.sidebar');

    // 3. The hover on a finding's lines.
    // The comment on the finding's first line: no language hover of its own to mix in.
    const squiggle = page.locator('.editor-instance .squiggly-error').first();
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + Math.min(120, box.width / 2), box.y + box.height / 2);
    await page.waitForSelector('.monaco-editor .monaco-hover:not(.hidden)', { state: 'visible', timeout: 15_000 });
    await delay(800);
    await shot(page, out, 'hover.png', '.part.editor');
    await clearHover(page);

    // 4. The status bar entry and its tooltip.
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: 'open' }).first();
    await item.hover();
    await delay(1500);
    const statusBox = await item.boundingBox();
    const clipTop = Math.max(0, statusBox.y - 200);
    await page.screenshot({ path: join(out, 'status-bar.png'), clip: { x: 0, y: clipTop, width: 720, height: VIEWPORT.height - clipTop } });
    console.log(`[screenshots] ${join(out, 'status-bar.png')}`);
    await clearHover(page);

    // 5. A report: each finding's status and actions above it.
    await openQuickly(page, '2026-11-security-review.md');
    await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 30_000 });
    await delay(1000);
    await shot(page, out, 'report-codelens.png', '.part.editor');
    return 0;
  } finally {
    await cleanup.run();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const known = [SetupError, CodeServerError].some((type) => error instanceof type);
  console.error(`[screenshots] ${known ? error.message : error.stack}`);
  process.exitCode = 1;
}
