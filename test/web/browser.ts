// Shared set-up of the explorer's end-to-end tests: Debian's headless Chromium driven by
// playwright-core, and the explorer built from the current sources and served on 127.0.0.1.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildExplorer, type RunningServer, serveFolder } from '../../src/server/explorer.js';
import type { ErrorCurves } from '../../web/src/compute.js';
import { runCli } from '../cli/run-cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts Chromium with a fresh profile; fails (never skips) when Debian's chromium is missing. */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the explorer's end-to-end tests need Debian's chromium package (apt-get install chromium; scripts/install.sh installs it)`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'rmtkit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 820 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the explorer from the current sources into a fresh temporary folder (not web/dist, which
 * `rmtkit serve` may be reading in a parallel test) and serves it on a free port.
 */
export async function serveExplorer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-web-'));
  const server = await serveFolder(buildExplorer(PACKAGE_ROOT, dir), { port: 0 });
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the CLI in-process and parses its `--json` output. */
export async function cliJson(argv: string[]): Promise<any> {
  return JSON.parse((await runCli(...argv)).out);
}

/** What the page exposes as `window.__explorer` (the serialisable part). */
export type Probe = {
  state: Record<string, unknown>;
  result: ErrorCurves;
  updates: number;
  latencies: Array<{ compute: number; total: number }>;
  error: string | null;
};

/** The page's current state, result, update count and latencies. */
export const probe = (page: Page) =>
  page.evaluate(() => {
    const { state, result, updates, latencies, error } = (
      window as unknown as { __explorer: Probe }
    ).__explorer;
    return { state, result, updates, latencies, error };
  }) as Promise<Probe>;

/** Waits until the page has drawn more than `count` updates and returns its probe. */
export async function afterUpdate(page: Page, count: number): Promise<Probe> {
  await page.waitForFunction(
    (n) => (window as unknown as { __explorer: Probe }).__explorer.updates > n,
    count,
    { timeout: 30_000 },
  );
  return probe(page);
}

/** A served explorer with one Chromium page on it, loaded and drawn without page errors. */
export interface ExplorerSession {
  server: RunningServer;
  page: Page;
  close(): Promise<void>;
}

/** Serves the explorer, opens it in headless Chromium, waits for the first drawing. */
export async function openExplorer(): Promise<ExplorerSession> {
  const server = await serveExplorer();
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await afterUpdate(page, 0);
  if (errors.length) throw new Error(`the page raised: ${errors.join('; ')}`);
  return {
    server,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One explorer session for the enclosing describe block: opened in a `before` hook and handed to
 * `take`, closed in an `after` hook.
 * @example let page: Page; useExplorer((s) => ({ page } = s));
 */
export function useExplorer(take: (session: ExplorerSession) => void): void {
  let session: ExplorerSession | undefined;
  before(async () => {
    session = await openExplorer();
    take(session);
  });
  after(async () => {
    await session?.close();
  });
}
