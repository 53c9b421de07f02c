import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ar1Covariance } from '../../src/covariance/index.js';
import { toNpyBytes } from '../../src/io/npy-write.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { ar1GammaStar } from '../../src/pca/boundary.js';
import type { RunningServer } from '../../src/server/explorer.js';
import { bbpTheory } from '../../src/ssr/bbp.js';
import { comparePca } from '../../src/ssr/compare-pca.js';
import type { ErrorCurves } from '../../web/src/compute.js';
import { GAMMAS, THETAS } from '../../web/src/extras.js';
import { afterUpdate, cliJson, type Probe, probe, useExplorer } from './browser.js';

/**
 * The explorer's curve and `rmtkit theory --json` agree to 1e-12 relative (same code, same order of
 * operations).
 */
async function assertMatchesCli(result: ErrorCurves, curve: 'vsAlpha' | 'vsLambda'): Promise<void> {
  const points = result[curve];
  const alphas = [...new Set(points.map((p) => p.alpha))];
  const lambdas = [...new Set(points.map((p) => p.lambda))];
  const cli = await cliJson([
    'theory',
    '--cov',
    result.cov,
    '--d',
    String(result.d),
    '--alpha',
    alphas.join(','),
    '--lambda',
    lambdas.join(','),
    '--json',
  ]);
  assert.equal(cli.points.length, points.length);
  points.forEach((p, i) => {
    const q = cli.points[i];
    assert.equal(q.alpha, p.alpha);
    assert.equal(q.lambda, p.lambda);
    for (const field of ['genError', 'trainError'] as const) {
      const [a, b] = [p[field], q[field]];
      if (a === null || b === null)
        assert.equal(a, b, `${field} at α = ${p.alpha}, λ = ${p.lambda}`);
      else
        assert.ok(
          Math.abs(a - b) <= 1e-12 * Math.abs(b),
          `${field} at α = ${p.alpha}, λ = ${p.lambda}: page ${a}, CLI ${b}`,
        );
    }
  });
}
describe('the explorer in headless Chromium: views against the CLI and the library', () => {
  let server: RunningServer;
  let page: Page;
  useExplorer((session) => ({ server, page } = session));

  it('draws the error, spectrum, BBP, PCA and phase-diagram views for the default AR(1) model at d = ∞, matching the CLI and the library', async () => {
    const p = await probe(page);
    assert.equal(p.result.cov, 'ar1:0.5');
    assert.equal(p.result.d, 'inf');
    assert.ok((await page.locator('[data-view="vs-alpha"] canvas').count()) > 0);
    await page.waitForFunction(() => (window as any).__explorer.extrasUpdates > 0);
    // The BBP and PCA views show the library's theory at the page's (α, λ).
    const extras = await page.evaluate(() => (window as any).__explorer.extras);
    const bbp = bbpTheory(THETAS, p.result.current.alpha, p.result.lambda);
    assert.equal(extras.bbp.threshold, bbp.threshold);
    assert.deepEqual(
      extras.bbp.points.map((q: { overlap: number }) => q.overlap),
      bbp.points.map((q) => q.overlap),
    );
    const pca = comparePca(ar1Covariance(0.5, Infinity).spectrum(), p.result.current.alpha, {
      lambda: p.result.lambda,
      gammas: GAMMAS,
    });
    assert.equal(extras.pca.gammaStar, pca.gammaStar);
    assert.equal(await page.locator('[data-view="pca"] canvas').count(), 1);
    const half = extras.diagram.points.find((q: { rho: number }) => q.rho === 0.5);
    assert.equal(half.population, ar1GammaStar(0.5));
    assert.equal(
      half.finite,
      comparePca(ar1Covariance(0.5, Infinity).spectrum(), p.result.current.alpha, { gammas: [] })
        .gammaStar,
    );
    await assertMatchesCli(p.result, 'vsLambda');
    await assertMatchesCli(p.result, 'vsAlpha');
  });

  it('redraws the λ curve when the α slider moves, and the new curve matches the CLI', async () => {
    const before = await probe(page);
    await page.focus('#alpha');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    // 20 key presses send up to 20 requests; the worker collapses queued ones, so wait for the
    // last.
    await page.waitForFunction(() => {
      const { result, state } = (window as unknown as { __explorer: Probe }).__explorer;
      return result.current.alpha === state.alpha;
    });
    const now = await probe(page);
    assert.ok(
      now.result.current.alpha > before.result.current.alpha,
      `α ${before.result.current.alpha} → ${now.result.current.alpha}`,
    );
    assert.notDeepEqual(
      now.result.vsLambda.map((q) => q.genError),
      before.result.vsLambda.map((q) => q.genError),
    );
    assert.match(page.url(), new RegExp(`alpha=${now.result.current.alpha}(&|$)`));
    assert.ok(now.updates > before.updates);
    await assertMatchesCli(now.result, 'vsLambda');
  });

  it('opens a shared link with its state (spiked θ = 3, d = 300, optimal λ) and matches the CLI optimum', async () => {
    const shared = await page.context().newPage();
    await shared.goto(`${server.url}?model=spiked&theta=3&d=300&alpha=1.5&lambda=opt`);
    const p = await afterUpdate(shared, 0);
    assert.equal(await shared.locator('#model').inputValue(), 'spiked');
    assert.equal(await shared.locator('#theta').inputValue(), '3');
    assert.equal(await shared.locator('#d').inputValue(), '300');
    assert.equal(await shared.locator('#lambda-opt').isChecked(), true);
    assert.equal(p.result.cov, 'spiked:3');
    const cli = await cliJson([
      'theory',
      '--cov',
      'spiked:3',
      '--d',
      '300',
      '--alpha',
      '1.5',
      '--lambda',
      'opt',
      '--json',
    ]);
    const optimum = cli.points.find((q: { optimal: boolean }) => q.optimal);
    assert.ok(
      Math.abs(p.result.lambda - optimum.lambda) <= 1e-12 * optimum.lambda,
      `λ* page ${p.result.lambda}, CLI ${optimum.lambda}`,
    );
    assert.ok(Math.abs(p.result.current.genError! - optimum.genError) <= 1e-12 * optimum.genError);
    await shared.close();
  });

  it('opens a power-law link at d = 200 like `rmtkit theory --cov powerlaw:1.5 --d 200`', async () => {
    const other = await page.context().newPage();
    await other.goto(`${server.url}?model=powerlaw&exponent=1.5&d=200&alpha=0.8&lambda=0.02`);
    const p = await afterUpdate(other, 0);
    assert.equal(p.result.cov, 'powerlaw:1.5');
    assert.equal(p.result.d, 200);
    const lambdas = p.result.vsLambda.map((q) => q.lambda);
    const cli = await cliJson([
      'theory',
      '--cov',
      'powerlaw:1.5',
      '--d',
      '200',
      '--alpha',
      '0.8',
      '--lambda',
      lambdas.join(','),
      '--json',
    ]);
    // Finite d: Σ's eigendecomposition may come from another backend in the CLI (OpenBLAS), so
    // agreement is to rounding of the eigenvalues, not bit for bit.
    p.result.vsLambda.forEach((q, i) => {
      const expected = cli.points[i].genError;
      assert.ok(
        Math.abs(q.genError! - expected) <= 1e-10 * expected,
        `λ = ${q.lambda}: page ${q.genError}, CLI ${expected}`,
      );
    });
    await other.close();
  });

  it('says why when a link names a file that this page has not loaded', async () => {
    const other = await page.context().newPage();
    await other.goto(`${server.url}?model=file&kind=dense&file=sigma.npy&alpha=2&lambda=0.1`);
    await other.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
    assert.match(
      (await other.textContent('#error'))!,
      /file must be loaded into this page \(links do not carry files\); drop it again\. Value: "?sigma\.npy"?/,
    );
    await other.close();
  });

  it("accepts what the library accepts (θ = −0.5, λ = 0 typed) and shows the library's error text for what it rejects", async () => {
    const other = await page.context().newPage();
    await other.goto(`${server.url}?model=spiked&theta=-2&d=300&alpha=2&lambda=0.1`);
    await other.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
    assert.match(
      (await other.textContent('#error'))!,
      /invalid argument: theta must be ≥ -1\. Value: -2\./,
    );
    await other.goto(`${server.url}?model=spiked&theta=-0.5&d=300&alpha=2&lambda=0.1`);
    await other.waitForFunction(() => (window as any).__explorer.updates > 0, undefined, {
      timeout: 30_000,
    });
    assert.equal(await other.evaluate(() => (window as any).__explorer.error), null);
    assert.equal(await other.evaluate(() => (window as any).__explorer.state.theta), -0.5);
    const before: number = await other.evaluate(() => (window as any).__explorer.updates);
    await other.fill('#lambda-value', '0');
    await other.waitForFunction((n) => (window as any).__explorer.updates > n, before, {
      timeout: 30_000,
    });
    const result = await other.evaluate(() => (window as any).__explorer.result);
    assert.equal(result.lambda, 0);
    const cli = await cliJson([
      'theory',
      '--cov',
      'spiked:-0.5',
      '--d',
      '300',
      '--alpha',
      '2',
      '--lambda',
      '0',
      '--json',
    ]);
    assert.ok(
      Math.abs(result.current.genError - cli.points[0].genError) <= 1e-10 * cli.points[0].genError,
    );
    await other.fill('#lambda-value', '-1');
    await other.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
    assert.match(
      (await other.textContent('#error'))!,
      /invalid argument: lambda must be ≥ 0\. Value: -1\./,
    );
    assert.equal(await other.evaluate(() => (window as any).__explorer.state.lambda), 0);
    await other.close();
  });

  it('builds the model from a loaded .npy covariance file like `rmtkit theory --cov dense:<file>`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-explorer-'));
    const path = join(dir, 'sigma.npy');
    const d = 40;
    const sigma = Matrix.zeros(d, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++)
        sigma.data[i * d + j] = 0.6 ** Math.abs(i - j) * (1 + 0.5 * Number(i === j));
    writeFileSync(path, toNpyBytes(sigma));
    const page2 = await page.context().newPage();
    await page2.goto(`${server.url}?alpha=1.5&lambda=0.05`);
    const { updates } = await afterUpdate(page2, 0);
    await page2.selectOption('#model', 'file');
    await page2.selectOption('#file-kind', 'dense');
    await page2.setInputFiles('#file', path);
    await page2.waitForFunction(
      () => (window as any).__explorer.result.cov === 'dense:sigma.npy',
      null,
      { timeout: 30_000 },
    );
    const p = await probe(page2);
    assert.ok(p.updates > updates);
    assert.equal(p.result.d, d);
    assert.match(page2.url(), /model=file&kind=dense&file=sigma\.npy/);
    const lambdas = p.result.vsLambda.map((q) => q.lambda);
    assert.equal(p.result.current.alpha, 1.5); // the shared link's α survives the model change
    const cli = await cliJson([
      'theory',
      '--cov',
      `dense:${path}`,
      '--alpha',
      '1.5',
      '--lambda',
      lambdas.join(','),
      '--json',
    ]);
    // Both eigendecompose Σ, possibly on different backends (the CLI may use OpenBLAS): agreement
    // to rounding of a well-conditioned d = 40 problem, not bit for bit.
    p.result.vsLambda.forEach((q, i) => {
      const expected = cli.points[i].genError;
      assert.ok(
        Math.abs(q.genError! - expected) <= 1e-10 * expected,
        `λ = ${q.lambda}: page ${q.genError}, CLI ${expected}`,
      );
    });
    await page2.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
