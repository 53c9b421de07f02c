import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildExplorer, type RunningServer, serveFolder } from '../../src/server/explorer.js';
import { seriousViolations } from './axe.js';
import { launchChromium, PACKAGE_ROOT, useExplorer } from './browser.js';
import { afterLabUpdate } from './lab.js';

const LAB = ['laws', 'double-descent', 'decompression', 'sketching'];

/**
 * Opens a view in a new page (after `prepare`, e.g. a viewport or colour scheme) and waits until
 * it has drawn (SSR, lab) or rendered (theory).
 */
async function openView(
  from: Page,
  url: string,
  view: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await from.context().newPage();
  await prepare?.(page);
  await page.goto(url);
  if (view === 'ssr')
    await page.waitForFunction(() => (window as any).__explorer?.extrasUpdates > 0, null, {
      timeout: 60_000,
    });
  else if (view === 'theory') await page.waitForSelector('#s2');
  else await afterLabUpdate(page, 0);
  return page;
}

describe('the explorer in headless Chromium: navigation, layout, accessibility, colour schemes', () => {
  let server: RunningServer;
  let page: Page;
  useExplorer((session) => ({ server, page } = session));
  const views = ['ssr', ...LAB, 'theory'];

  it('navigates between every view with the keyboard, and marks the current one', async () => {
    const nav = await openView(page, server.url, 'ssr');
    const names = await nav
      .locator('nav a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).dataset.nav));
    assert.deepEqual(names, ['ssr', ...LAB, 'weights', 'theory']);
    assert.equal(await nav.locator('nav a[aria-current="page"]').getAttribute('data-nav'), 'ssr');
    await nav.focus('nav a[data-nav="laws"]');
    await Promise.all([nav.waitForURL(/view=laws/), nav.keyboard.press('Enter')]);
    await afterLabUpdate(nav, 0);
    assert.equal(await nav.locator('nav a[aria-current="page"]').getAttribute('data-nav'), 'laws');
    // The weights entry loads the diagnostics view (web/src/diagnose/view.ts) lazily.
    const errors: string[] = [];
    nav.on('pageerror', (e) => errors.push(e.message));
    await nav.goto(`${server.url}?view=weights`);
    await nav.waitForFunction(() => {
      const root = document.getElementById('lab-page')!;
      return !root.hidden && root.textContent !== 'loading…' && root.childElementCount > 0;
    });
    assert.deepEqual(errors, []);
    await nav.close();
  });

  it('never scrolls sideways at a 390 × 844 phone viewport, and the plots fit their containers', async () => {
    for (const view of views) {
      const phone = await openView(page, `${server.url}?view=${view}`, view, (p) =>
        p.setViewportSize({ width: 390, height: 844 }),
      );
      const layout = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: Array.from(document.querySelectorAll('canvas'))
          .filter((c) => c.getBoundingClientRect().width > 0)
          .filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth)
          .length,
      }));
      assert.ok(layout.scroll <= layout.client, `${view}: scrollWidth ${layout.scroll} > 390`);
      assert.equal(layout.wide, 0, `${view}: a plot reaches past the right edge`);
      await phone.close();
    }
  });

  it('puts each legend beside its plot on a wide screen and above it on a phone', async () => {
    const legendPlace = (p: Page) =>
      p.evaluate(() => {
        const view = (window as any).__lab.charts['law-density'].view;
        const found: Array<{ x1: number; y1: number; y2: number }> = [];
        const stack: any[] = [view.scenegraph().root];
        while (stack.length > 0) {
          const item = stack.pop();
          if (item?.role === 'legend' || item?.mark?.role === 'legend') found.push(item.bounds);
          stack.push(...(item?.items ?? []));
        }
        return { legend: found[0], width: view.width(), height: view.height() };
      });
    const wide = await openView(page, `${server.url}?view=laws`, 'laws');
    const w = await legendPlace(wide);
    assert.ok(w.legend && w.legend.x1 >= w.width, `legend at x ${w.legend?.x1}, plot ${w.width}`);
    await wide.setViewportSize({ width: 390, height: 844 });
    await wide.reload();
    await afterLabUpdate(wide, 0);
    const n = await legendPlace(wide);
    assert.ok(n.legend && n.legend.y2 <= 0, `legend from y ${n.legend?.y1} to ${n.legend?.y2}`);
    await wide.close();
  });

  it('shows a loading message, not empty axes, until the first drawing', async () => {
    const slow = await page.context().newPage();
    await slow.goto(`${server.url}?view=decompression`, { waitUntil: 'commit' });
    await slow.waitForSelector('#lab-page .plot.loading');
    await afterLabUpdate(slow, 0);
    assert.equal(await slow.locator('#lab-page .plot.loading').count(), 0);
    await slow.close();
  });

  it('has no serious or critical accessibility violations (axe-core) in either colour scheme', async () => {
    for (const scheme of ['light', 'dark'] as const)
      for (const view of views) {
        const p = await openView(page, `${server.url}?view=${view}`, view, (q) =>
          q.emulateMedia({ colorScheme: scheme }),
        );
        assert.deepEqual(await seriousViolations(p), [], `${view}, ${scheme} scheme`);
        await p.close();
      }
  });

  it('follows the dark colour scheme in the page and in the plots', async () => {
    const colours = async (scheme: 'light' | 'dark') => {
      const p = await openView(page, `${server.url}?view=sketching`, 'sketching', (q) =>
        q.emulateMedia({ colorScheme: scheme }),
      );
      const out = await p.evaluate(() => {
        // The fill of the axis labels in the plot's scenegraph.
        const labels = new Set<string>();
        const stack: any[] = [(window as any).__lab.charts.sketching.view.scenegraph().root];
        while (stack.length > 0) {
          const item = stack.pop();
          if (item?.mark?.role === 'axis-label' && item.fill) labels.add(item.fill);
          stack.push(...(item?.items ?? []));
        }
        return { body: getComputedStyle(document.body).backgroundColor, labels: [...labels] };
      });
      await p.close();
      return out;
    };
    const light = await colours('light');
    const dark = await colours('dark');
    assert.equal(light.body, 'rgb(255, 255, 255)');
    assert.equal(dark.body, 'rgb(22, 22, 22)');
    assert.deepEqual(light.labels, ['#222']);
    assert.deepEqual(dark.labels, ['#e4e4e4']);
  });

  it('links every citation to its docs/theory.md section, shown in the page', async () => {
    const hrefs: Array<string | null> = [];
    for (const view of ['ssr', ...LAB]) {
      const p = await openView(page, `${server.url}?view=${view}`, view);
      hrefs.push(await p.locator('main > div:not([hidden]) .intro a').getAttribute('href'));
      await p.close();
    }
    const links = hrefs;
    const ssr = await page.context().newPage();
    for (const href of links) {
      await ssr.goto(`${server.url}${href}`);
      const section = href!.split('#s')[1]!;
      const heading = ssr.locator(`[id="s${section}"]`);
      assert.match((await heading.textContent())!, new RegExp(`^§${section.replace('.', '\\.')} `));
      assert.ok(await heading.isVisible());
      const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top > -2 && top < 200, `§${section} scrolled to y = ${top}`);
    }
    await ssr.close();
  });

  it('works from any static folder: relative asset paths, served from a sub-folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rmtkit-pages-'));
    const folder = join(root, 'some', 'site');
    mkdirSync(folder, { recursive: true });
    buildExplorer(PACKAGE_ROOT, folder);
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /(src|href)="\//, 'no absolute asset path');
    const host = await serveFolder(root, { port: 0 });
    const browser = await launchChromium();
    try {
      const p = await browser.context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${host.url}some/site/?view=laws`);
      await afterLabUpdate(p, 0);
      await p.goto(`${host.url}some/site/index.html`);
      await p.waitForFunction(() => (window as any).__explorer?.extrasUpdates > 0, null, {
        timeout: 60_000,
      });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await host.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
