// Renders media/icon.svg to media/icon.png (128×128, transparent), the Marketplace icon,
// with the Chromium the real-VS Code harness uses: no network, no image library.
//   node scripts/renderIcon.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCleanup, launchChromium } from './vscode/codeServer.mjs';
import { repoRoot } from './vscode/paths.mjs';

const svg = readFileSync(join(repoRoot, 'media', 'icon.svg'), 'utf8');
const cleanup = createCleanup();
try {
  const browser = await launchChromium(cleanup);
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'media', 'icon.png'), omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await cleanup.run();
}
