// Takes docs/explorer.png (the README's screenshot): builds and serves the explorer, opens a
// state in headless Chromium and saves the page. Run: npx tsx web/scripts/screenshot.ts
import { join } from 'node:path';
import { launchChromium, PACKAGE_ROOT, serveExplorer } from '../../test/web/browser.js';

const server = await serveExplorer();
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`${server.url}?model=ar1&rho=0.7&d=inf&alpha=1.5&lambda=0.01`);
  await page.waitForFunction(
    () => (window as unknown as { __explorer: { updates: number } }).__explorer.updates > 0,
  );
  await page.fill('#mc-d', '100');
  await page.fill('#mc-trials', '6');
  await page.click('#mc-run');
  await page.waitForFunction(
    () => document.getElementById('mc-status')!.textContent!.startsWith('done'),
    null,
    { timeout: 60_000 },
  );
  await page.screenshot({ path: join(PACKAGE_ROOT, 'docs', 'explorer.png'), fullPage: true });
  console.log(`wrote ${join(PACKAGE_ROOT, 'docs', 'explorer.png')}`);
} finally {
  await browser.close();
  await server.close();
}
