// Set-up of the weight-diagnostics browser test: the view's test page (diagnose-page/) built with
// Vite into a temporary folder, served on 127.0.0.1, opened in headless Chromium with a
// PerformanceObserver recording main-thread long tasks from the first script on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { serveFolder } from '../../src/server/explorer.js';
import type { DiagnoseProbe } from '../../web/src/diagnose/view.js';
import { launchChromium } from './browser.js';

/** The test page, served and open in Chromium. */
export interface DiagnoseSession {
  page: Page;
  close(): Promise<void>;
}

/** Builds and serves the view's test page and opens it; fails on any page error. */
export async function openDiagnosePage(): Promise<DiagnoseSession> {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-diagnose-'));
  await build({
    root: new URL('./diagnose-page/', import.meta.url).pathname,
    base: './',
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  const server = await serveFolder(dir, { port: 0 });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => '__diagnose' in window);
  if (errors.length) throw new Error(`the page raised: ${errors.join('; ')}`);
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chooses `paths` in the view's file input and waits for the diagnosis to finish. */
export async function diagnoseInPage(
  page: Page,
  paths: string[],
  timeoutMs: number,
): Promise<DiagnoseProbe & { longTasks: number[] }> {
  const runs = await page.evaluate(
    () => (window as unknown as { __diagnose: DiagnoseProbe }).__diagnose.runs,
  );
  await page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });
  await page.setInputFiles('input[data-role="files"]', paths);
  await page.waitForFunction(
    (n) => {
      const p = (window as unknown as { __diagnose: DiagnoseProbe }).__diagnose;
      return p.runs > n && p.state !== 'running';
    },
    runs,
    { timeout: timeoutMs, polling: 250 },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __diagnose: DiagnoseProbe; __longTasks: number[] };
    return { ...w.__diagnose, longTasks: [...w.__longTasks] };
  });
}
