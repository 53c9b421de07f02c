import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/explorer.js';
import { SIM_ALPHAS } from '../../web/src/montecarlo.js';
import { type SimPoint, simulate } from '../../web/src/sim.js';
import { afterUpdate, probe, useExplorer } from './browser.js';

describe('the explorer in headless Chromium: export, hover, Monte Carlo, latency', () => {
  let server: RunningServer;
  let page: Page;
  useExplorer((session) => ({ server, page } = session));

  it('exports a view as PNG, SVG and CSV', async () => {
    const figure = page.locator('[data-view="vs-lambda"]');
    const save = async (kind: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        figure.locator(`[data-export="${kind}"]`).click(),
      ]);
      assert.equal(download.suggestedFilename(), `vs-lambda.${kind}`);
      return readFileSync((await download.path())!);
    };
    const png = await save('png');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(
      png.readUInt32BE(16) > 400 && png.readUInt32BE(20) > 200,
      'PNG at least 400 × 200 pixels',
    );
    assert.match(
      (await save('svg')).toString('utf8'),
      /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const csv = (await save('csv')).toString('utf8').trim().split('\n');
    assert.equal(csv[0], 'kind,series,x,y,lo,hi');
    const { result } = await probe(page);
    const theory = csv.filter((line) => line.startsWith('theory,generalisation,'));
    assert.equal(theory.length, result.vsLambda.filter((q) => q.genError !== null).length);
  });

  it('shows the values of a theory point when the pointer hovers over it', async () => {
    const at = await page.evaluate(() => {
      const { charts, result } = (window as any).__explorer;
      const view = charts['vs-alpha'].view;
      const p = result.vsAlpha[30];
      const box = view.container().querySelector('canvas').getBoundingClientRect();
      const [ox, oy] = view.origin();
      return {
        x: box.left + ox + view.scale('x')(p.alpha),
        y: box.top + oy + view.scale('y')(p.genError),
        alpha: p.alpha,
      };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 5000 });
    const text = await page.textContent('#tooltip');
    assert.match(text!, /curve: (generalisation|training)/);
    assert.match(text!, /α = n\/d: /);
  });

  it('runs a small Monte Carlo overlay to the end and draws it on the error-vs-α and spectrum views', async () => {
    const mc = await page.context().newPage();
    await mc.goto(`${server.url}?model=ar1&rho=0.5&d=40&alpha=2&lambda=0.1`);
    await afterUpdate(mc, 0);
    await mc.fill('#mc-d', '40');
    await mc.fill('#mc-trials', '3');
    await mc.click('#mc-run');
    await mc.waitForFunction(
      () => document.getElementById('mc-status')!.textContent!.startsWith('done'),
      null,
      { timeout: 60_000 },
    );
    assert.equal(
      await mc.evaluate(
        () => (document.getElementById('mc-progress') as HTMLProgressElement).value,
      ),
      27,
    );
    assert.equal(await mc.evaluate(() => (window as any).__explorer.simPoints), 16);
    assert.equal(await mc.evaluate(() => (window as any).__explorer.simBins), 40);
    const spectrumCsv: string = await mc.evaluate(() =>
      (window as any).__explorer.charts.spectrum.csv(),
    );
    assert.equal(
      spectrumCsv.split('\n').filter((line) => line.startsWith('simulation,')).length,
      40,
    );
    const csv: string = await mc.evaluate(() =>
      (window as any).__explorer.charts['vs-alpha'].csv(),
    );
    const rows = csv.split('\n').filter((line) => line.startsWith('simulation,'));
    assert.equal(rows.length, 16);
    // The page's simulation is the library's: the same seeded trials run here agree to rounding.
    const expected: SimPoint[] = [];
    simulate(
      {
        spec: { kind: 'ar1', rho: 0.5 },
        d: 40,
        lambda: 0.1,
        alphas: SIM_ALPHAS,
        trials: 3,
        seed: 1,
      },
      () => {},
      (q) => expected.push(q),
    );
    const generalisation = rows
      .filter((row) => row.includes('"generalisation'))
      .map((row) => row.split(',').slice(-4).map(Number));
    assert.equal(generalisation.length, expected.length);
    generalisation.forEach(([x, y, lo, hi], i) => {
      assert.equal(x, expected[i]!.alpha);
      assert.ok(
        Math.abs(y! - expected[i]!.genMean) <= 1e-9 * expected[i]!.genMean,
        `α = ${x}: page ${y}, Node ${expected[i]!.genMean}`,
      );
      assert.ok(lo! < y! && y! < hi!);
    });
    await mc.close();
  });

  it('keeps the page responsive during a long simulation and cancels it', async () => {
    const mc = await page.context().newPage();
    await mc.goto(`${server.url}?model=ar1&rho=0.5&d=inf&alpha=2&lambda=0.1`);
    await afterUpdate(mc, 0);
    await mc.fill('#mc-d', '400');
    await mc.fill('#mc-trials', '100');
    await mc.click('#mc-run');
    await mc.waitForFunction(
      () => (document.getElementById('mc-progress') as HTMLProgressElement).value >= 1,
      null,
      { timeout: 60_000 },
    );
    const { updates } = await probe(mc);
    await mc.focus('#lambda');
    await mc.keyboard.press('ArrowRight');
    const p = await afterUpdate(mc, updates); // theory still updates while the simulation runs
    assert.ok(
      p.latencies.at(-1)!.total < 1000,
      `update during simulation took ${p.latencies.at(-1)!.total} ms`,
    );
    await mc.click('#mc-cancel');
    assert.match((await mc.textContent('#mc-status'))!, /^cancelled at \d+ \/ 900 trials$/);
    assert.equal(await mc.isDisabled('#mc-cancel'), true);
    assert.equal(await mc.isEnabled('#mc-run'), true);
    await mc.close();
  });

  it('measures the update latency after a slider move (AR(1) d = ∞ and dense d = 500)', async (t) => {
    const measure = async (target: Page, slider: string, moves: number) => {
      const totals: number[] = [];
      const computes: number[] = [];
      await target.focus(slider);
      for (let i = 0; i < moves; i++) {
        // A user pauses between moves: let the slower BBP/PCA views of the last state finish first.
        await target.waitForFunction(
          () => (window as any).__explorer.extrasUpdates >= (window as any).__explorer.updates,
        );
        const { updates } = await probe(target);
        await target.keyboard.press('ArrowRight');
        const p = await afterUpdate(target, updates);
        totals.push(p.latencies.at(-1)!.total);
        computes.push(p.latencies.at(-1)!.compute);
      }
      return [totals.sort((a, b) => a - b), computes.sort((a, b) => a - b)] as const;
    };
    const median = (xs: readonly number[]) => xs[Math.floor(xs.length / 2)]!;
    // A round is the median of several moves (one move can meet a GC pause). Timings on a shared
    // machine are noisy, so like timeit's best-of-N the target must be met by one of three
    // rounds; every round is reported.
    const rounds = async (url: string, slider: string, moves: number, target: number) => {
      const page2 = await page.context().newPage();
      await page2.goto(url);
      await afterUpdate(page2, 0);
      const results: Array<{ total: number; compute: number; max: number }> = [];
      for (let r = 0; r < 3; r++) {
        const [totals, computes] = await measure(page2, slider, moves);
        results.push({ total: median(totals), compute: median(computes), max: totals.at(-1)! });
        if (results.at(-1)!.total < target) break;
      }
      await page2.close();
      return results;
    };
    const infinite = await rounds(
      `${server.url}?model=ar1&rho=0.5&d=inf&alpha=2&lambda=0.1`,
      '#lambda',
      15,
      50,
    );
    const finite = await rounds(
      `${server.url}?model=ar1&rho=0.5&d=500&alpha=2&lambda=0.1`,
      '#alpha',
      8,
      300,
    );
    const show = (rs: typeof infinite) =>
      rs
        .map(
          (r) =>
            `median ${r.total.toFixed(1)} ms (theory ${r.compute.toFixed(1)} ms, max ${r.max.toFixed(1)} ms)`,
        )
        .join('; ');
    const line = `update latency (input event → plots redrawn), per round: AR(1) d = ∞, λ slider: ${show(infinite)} | dense AR(1) d = 500, α slider: ${show(finite)}`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(Math.min(...infinite.map((r) => r.total)) < 50, line);
    assert.ok(Math.min(...finite.map((r) => r.total)) < 300, line);
  });
});
