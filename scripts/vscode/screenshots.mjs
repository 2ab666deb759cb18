// The README's pictures, taken the way a person sees the extension: code-server in
// headless Chromium on a copy of examples/, driven like a user (open a file, point at a
// squiggle, open the quick-fix menu, mark a finding, open the Audit Lens view, point at the
// status bar), with the side bar at VS Code's usual width of about 300 px. Each PNG is
// written to docs/media/; look at them after a change.
//
//   node scripts/vscode/screenshots.mjs [--out docs/media] [--only reading]
//
// `--only reading` takes only the pictures of the reading commands (Explain Report Reading, the
// Not a Finding and Track as Finding quick fixes), leaving the others as they are. `--only drift`
// takes only the pictures of findings that follow the code (a changed finding's hover, a gone
// finding in its report, Compare with the base), on a small git repository built for them.
//
// It builds nothing: run `node esbuild.config.mjs` first (`npm run screenshots` does both).
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The side bar's width in the pictures: about VS Code's default, so they show what a new user sees. */
const SIDE_BAR_WIDTH = 300;

/**
 * A long finding for the pictures, added to the copy of the example report: the examples'
 * own findings span four lines at most, and the squiggle-on-the-first-line behaviour shows on
 * a long one.
 */
const LONG_FINDING = `
### M3. Sessions live in process memory only

**Severity:** Medium
**Location:** \`src/auth/session.ts:9-28\`

The session map, and every function that reads or writes it, keeps sessions in one process:
a restart logs every user out, and two instances disagree about who is logged in.
`;

/**
 * A section the reader passes over, for the Track as Finding picture: a heading under a
 * neutral section, with no id, severity or status of its own.
 */
const FOLLOW_UP = `
## Follow-up

### Rate limits on the export endpoint

The export endpoint was not part of this review; look at its rate limits in the next round.
`;

/** The 1-based line of a file's first line that starts with `prefix`. */
function lineStartingWith(file, prefix) {
  const i = readFileSync(file, 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with "${prefix}" in ${file}`);
  return i + 1;
}

/** Puts the cursor on a line of the active editor with Go to Line. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await delay(500);
}

/** Runs a command from the palette by its title, as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await delay(800);
  await page.keyboard.press('Enter');
  await delay(1000);
}

/** Opens the quick-fix menu at the cursor and waits for it. */
async function openQuickFixes(page) {
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { state: 'visible', timeout: 15_000 });
  await delay(600);
}

/** The open quick-fix menu with the report lines around it (the line it is on, some above), not the empty editor below. */
async function menuShot(page, out, name) {
  const editor = await page.locator('.part.editor').boundingBox();
  const menu = await page.locator('.action-widget').first().boundingBox();
  const top = Math.max(editor.y, menu.y - 220);
  const path = join(out, name);
  await page.screenshot({ path, clip: { x: editor.x, y: top, width: Math.min(editor.width, 900), height: menu.y + menu.height + 90 - top } });
  console.log(`[screenshots] ${path}`);
}

/** Drags the sash right of the side bar to the given width. */
async function setSideBarWidth(page, width) {
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

/** The screenshot settings written into `workspace`, code-server and Chromium started, the workbench open on `openFile`. */
async function openShotWorkspace(cleanup, workspace, openFile) {
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const server = await startCodeServer(cleanup, { workspace });
  const browser = await launchChromium(cleanup);
  const url = server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: repoRoot, openFile: join(workspace, openFile) });
  return openWorkbench(browser, url, { viewport: VIEWPORT, onError: (text) => console.error(`[browser] ${text}`) });
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'docs', 'media') }, only: { type: 'string' } } });
  if (values.only !== undefined && values.only !== 'reading' && values.only !== 'drift') throw new Error(`--only takes "reading" or "drift", not "${values.only}"`);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  await setup();
  if (values.only === 'drift') return driftPictures(out);
  const cleanup = createCleanup();
  try {
    // A copy, so that nothing the extension (or a stray click) does lands in examples/.
    const workspace = mkdtempSync(join(tmpdir(), 'audit-lens-shots-'));
    cleanup.add(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    const report = join(workspace, 'audits', '2026-11-security-review.md');
    appendFileSync(report, LONG_FINDING + FOLLOW_UP);
    const page = await openShotWorkspace(cleanup, workspace, 'src/api/search.ts');

    await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 60_000 });
    await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 30_000 });
    if (values.only !== 'reading') await triagePictures(page, out);
    await readingPictures(page, out, report);
  } finally {
    await cleanup.run();
  }
  if (values.only === undefined) return driftPictures(out);
  return 0;
}

/** The pictures of everyday triage: the view, a long finding, the hover, quick fixes, Undo, the status bar, a report. */
async function triagePictures(page, out) {
  // 1. The findings view in its activity-bar container (opened with a click, as a user would).
  await page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Audit Lens"]') }).first().click();
  await page.waitForSelector('.part.sidebar .monaco-list-row', { timeout: 30_000 });
  await setSideBarWidth(page, SIDE_BAR_WIDTH);
  await clearHover(page);
  await delay(1000);
  await shot(page, out, 'overview.png');
  await shot(page, out, 'tree-view.png', '.part.sidebar');

  // 2. A long finding: one squiggle on its first line, the whole range marked quietly.
  await openQuickly(page, 'session.ts');
  await page.waitForSelector('.editor-instance .squiggly-warning', { timeout: 30_000 });
  await delay(1000);
  await shot(page, out, 'long-finding.png', '.part.editor');

  // 3. The hover on a finding's line (below the squiggle: the title, the body and its links).
  const squiggle = page.locator('.editor-instance .squiggly-warning').first();
  const box = await squiggle.boundingBox();
  await page.mouse.move(box.x + Math.min(120, box.width / 2), box.y + box.height / 2 + 3 * box.height);
  await page.waitForSelector('.monaco-editor .monaco-hover:not(.hidden)', { state: 'visible', timeout: 15_000 });
  await delay(800);
  await shot(page, out, 'hover.png', '.part.editor');
  await clearHover(page);

  // 4. The quick-fix menu on the squiggle, then Mark fixed and its notification with Undo.
  // The squiggle lies under the text layer: click where it is drawn, as a user would.
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  await delay(300);
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { state: 'visible', timeout: 15_000 });
  await delay(600);
  await shot(page, out, 'quick-fix.png', '.part.editor');
  await page.keyboard.press('Enter');
  // Headless, the workbench queues the notification (the bell shows a dot) instead of a toast:
  // it is opened from the bell, as a user would.
  const toasts = page.locator('.notifications-toasts .notification-list-item');
  if (!(await toasts.first().isVisible({ timeout: 3000 }).catch(() => false))) {
    await delay(1000);
    await page.locator('.part.statusbar [aria-label*="Notification"]').last().click();
  }
  const panel = page.locator('.notifications-center.visible, .notifications-toasts.visible').first();
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  await delay(800);
  const toast = await panel.boundingBox();
  await page.screenshot({ path: join(out, 'undo-notification.png'), clip: { x: toast.x - 20, y: toast.y - 20, width: toast.width + 40, height: Math.min(VIEWPORT.height - toast.y + 20, toast.height + 60) } });
  console.log(`[screenshots] ${join(out, 'undo-notification.png')}`);
  await page.keyboard.press('Escape');

  // 5. The status bar entry and its tooltip.
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: 'open' }).first();
  await item.hover();
  await delay(1500);
  const statusBox = await item.boundingBox();
  const clipTop = Math.max(0, statusBox.y - 200);
  await page.screenshot({ path: join(out, 'status-bar.png'), clip: { x: 0, y: clipTop, width: 720, height: VIEWPORT.height - clipTop } });
  console.log(`[screenshots] ${join(out, 'status-bar.png')}`);
  await clearHover(page);

  // 6. A report: each finding's status and actions above it.
  await openQuickly(page, '2026-11-security-review.md');
  await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 30_000 });
  await delay(1000);
  await shot(page, out, 'report-codelens.png', '.part.editor');
}

/** The pictures of the reading commands, on the example report (with FOLLOW_UP appended). */
async function readingPictures(page, out, report) {
  // 7. Explain Report Reading, run from the palette with the cursor in H1, beside the report.
  await openQuickly(page, '2026-11-security-review.md');
  await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 30_000 });
  await goToLine(page, lineStartingWith(report, '### H1.'));
  await runCommand(page, 'Audit Lens: Explain Report Reading');
  await page.locator('.part.editor .tab', { hasText: '(reading)' }).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async (error) => {
    await page.screenshot({ path: join(out, 'explain-failed.png') });
    throw error;
  });
  await delay(1000);
  await shot(page, out, 'explain-reading.png', '.part.editor');
  await page.keyboard.press('Control+W');
  await delay(500);

  // 8. The quick fixes on a report's lines: Not a Finding on a finding, Track as Finding on a heading passed over.
  await goToLine(page, lineStartingWith(report, '### H1.'));
  await openQuickFixes(page);
  await menuShot(page, out, 'reader-not-a-finding.png');
  await page.keyboard.press('Escape');
  await goToLine(page, lineStartingWith(report, '### Rate limits'));
  await openQuickFixes(page);
  await menuShot(page, out, 'reader-track-as-finding.png');
  await page.keyboard.press('Escape');
}

// The drift pictures' repository: the code as reviewed, committed; then the code as it is now
// (three lines inserted above one finding, another's lines deleted, a line inside a third
// edited), committed; and a report naming the reviewed commit.
const DRIFT_BASE = {
  'src/auth.ts': ["import { timingSafeEqual } from 'node:crypto';", '', "const SECRET = process.env.API_SECRET ?? '';", '', 'export function checkToken(token: string): boolean {', '  return token == SECRET;', '}', '', 'export function isAdmin(role: string): boolean {', "  return role === 'admin';", '}'],
  'src/legacy.ts': ['// Legacy session store.', '', 'export function legacyLogin(user: string, password: string) {', '  const hash = md5(password);', '  if (hash === users[user]) {', '    return createSession(user);', '  }', '  return null;', '}', '', 'export const VERSION = 2;'],
  'src/amount.ts': ['export function parseAmount(input: string): number {', '  const value = Number(input);', '  if (value < 0) {', "    throw new Error('negative amount');", '  }', '  return value;', '}'],
};
const DRIFT_NOW = {
  'src/auth.ts': [DRIFT_BASE['src/auth.ts'][0], "import { log } from './log';", '// Tokens are compared in constant time below.', '', ...DRIFT_BASE['src/auth.ts'].slice(1)],
  'src/legacy.ts': [...DRIFT_BASE['src/legacy.ts'].slice(0, 2), DRIFT_BASE['src/legacy.ts'][10]],
  'src/amount.ts': DRIFT_BASE['src/amount.ts'].map((l, i) => (i === 2 ? '  if (!Number.isFinite(value) || value < 0) {' : l)),
};
const driftReport = (sha) => [
  '# Payments audit', '', `**Commit:** ${sha.slice(0, 7)}`, '',
  '### [G1] Token compared with ==', '', '**Severity:** High', '**Location:** `src/auth.ts:5-7`', '', 'The token is compared with `==`, which leaks timing.', '',
  '### [G2] MD5 password hashing', '', '**Severity:** High', '**Location:** `src/legacy.ts:4-7`', '', 'Passwords are hashed with unsalted MD5.', '',
  '### [G3] Amount not checked for NaN', '', '**Severity:** Medium', '**Location:** `src/amount.ts:2-4`', '', '`Number("abc")` is NaN and passes the check.', '',
].join('\n');

function gitIn(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Audit Lens', GIT_AUTHOR_EMAIL: 'pictures@example.com', GIT_COMMITTER_NAME: 'Audit Lens', GIT_COMMITTER_EMAIL: 'pictures@example.com', LC_ALL: 'C' } }).trim();
}

function writeFiles(root, files) {
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), lines.join('\n') + '\n');
  }
}

/** Hovers the middle of the first squiggle of the given kind in the active editor and waits for the hover. */
async function hoverSquiggle(page, kind) {
  const squiggle = page.locator(`.editor-instance .squiggly-${kind}`).first();
  await squiggle.waitFor({ state: 'attached', timeout: 30_000 });
  const box = await squiggle.boundingBox();
  await page.mouse.move(box.x + Math.min(60, box.width / 2), box.y + box.height / 2 - 4);
  await page.waitForSelector('.monaco-editor .monaco-hover:not(.hidden)', { state: 'visible', timeout: 15_000 });
  await delay(800);
}

/** The pictures of findings that follow the code, on their own git repository. */
async function driftPictures(out) {
  const cleanup = createCleanup();
  try {
    const workspace = mkdtempSync(join(tmpdir(), 'audit-lens-drift-shots-'));
    cleanup.add(() => rmSync(workspace, { recursive: true, force: true }));
    gitIn(workspace, 'init', '-q', '-b', 'main');
    gitIn(workspace, 'config', 'commit.gpgsign', 'false');
    writeFiles(workspace, DRIFT_BASE);
    gitIn(workspace, 'add', '-A');
    gitIn(workspace, 'commit', '-qm', 'code as reviewed');
    const base = gitIn(workspace, 'rev-parse', 'HEAD');
    writeFiles(workspace, DRIFT_NOW);
    gitIn(workspace, 'commit', '-qam', 'the code moves on');
    const report = join(workspace, 'audits', 'payments-audit.md');
    writeFiles(workspace, { 'audits/payments-audit.md': driftReport(base).split('\n') });
    gitIn(workspace, 'add', '-A');
    gitIn(workspace, 'commit', '-qm', 'the audit report');
    const page = await openShotWorkspace(cleanup, workspace, 'src/amount.ts');

    // 1. A changed finding's hover: the squiggle says "code changed since <sha>", the hover what it was written against.
    await page.waitForSelector('.editor-instance .squiggly-warning', { timeout: 60_000 });
    await delay(1500);
    await hoverSquiggle(page, 'warning');
    await shot(page, out, 'drift-changed-hover.png', '.part.editor');
    await clearHover(page);

    // 2. A gone finding in its report: the lens says the code was deleted, the location's diagnostic offers Mark Fixed and Compare.
    await openQuickly(page, 'payments-audit.md');
    await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 30_000 });
    await goToLine(page, lineStartingWith(report, '**Location:** `src/legacy.ts'));
    await delay(1500);
    await openQuickFixes(page);
    await menuShot(page, out, 'drift-gone-report.png');
    await page.keyboard.press('Escape');

    // 3. Compare with the base, from the palette with the cursor in the gone finding.
    await runCommand(page, 'Audit Lens: Compare with Base Revision');
    await page.locator('.part.editor .tab', { hasText: '↔' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await delay(1500);
    await shot(page, out, 'drift-compare.png', '.part.editor');
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
