import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensembleLaw } from '../../src/experiments/defs/free-decompression-trial.js';
import { characteristicRoot, neighbourRoot } from '../../src/free/characteristics.js';
import { type FreeForm, freeForm, resizeDensity } from '../../src/free/index.js';
import { eigvalsh } from '../../src/linalg/api.js';

// Following the characteristic root from grid point to grid point replaces most of the ~50-step
// paths; these check that it gives the path's density (docs/free-decompression.md, "Cost").
const sample = (ensemble: string, n: number, seed: number) =>
  eigvalsh(ensembleLaw(ensemble, 1).sampleMatrix(n, seed));

/** Two Wishart(1/50) bulks, the second shifted by 1: a density whose compression folds. */
function twoBulks(n: number, seed: number): Float64Array {
  const second = Array.from(sample('wishart-1/50', n / 2, seed + 1), (v) => v + 1);
  return Float64Array.from([...sample('wishart-1/50', n / 2, seed), ...second]).sort();
}

function resizeBothWays(fit: FreeForm, factor: number, up: boolean) {
  const sheets = up ? fit.sheets : fit.firstSheet;
  const options = { mean: fit.mean, variance: fit.secondMoment - fit.mean ** 2, points: 256 };
  return {
    followed: resizeDensity(sheets, factor, options),
    onPaths: resizeDensity(sheets, factor, { ...options, followRoots: false }),
  };
}

function assertSameDensity(fit: FreeForm, factor: number, up: boolean) {
  const { followed, onPaths } = resizeBothWays(fit, factor, up);
  assert.deepEqual(followed.support, onPaths.support);
  assert.equal(followed.failures, onPaths.failures);
  for (let i = 0; i < onPaths.density.length; i++) {
    const [a, b] = [followed.density[i]!, onPaths.density[i]!];
    assert.ok(Math.abs(a - b) <= 1e-10 * Math.abs(b), `density[${i}]: ${a} against ${b}`);
  }
}

describe('resizeDensity: roots followed along the grid equal the roots on their own paths', () => {
  it('decompression of Wishart c = 1/2, 200 → 1600 (the explorer view), to 1e-10', () => {
    assertSameDensity(freeForm(sample('wishart-1/2', 200, 0)), 8, true);
  });

  it('decompression of GOE ×32 and Wishart c = 1/50 ×8, to 1e-10', () => {
    assertSameDensity(freeForm(sample('goe', 200, 3)), 32, true);
    assertSameDensity(freeForm(sample('wishart-1/50', 300, 13)), 8, true);
  });

  it('compression of two bulks, where plain following would jump to another root, to 1e-10', () => {
    const fit = freeForm(twoBulks(400, 20));
    const { onPaths } = resizeBothWays(fit, 0.5, false);
    // The fold exists: near the left edge, Newton from one point's path root converges at the
    // next point to a root other than that point's path root.
    const [a, b] = fit.support;
    const spread = 12 * Math.sqrt(0.5 * (fit.secondMoment - fit.mean ** 2));
    const range =
      Math.max(fit.mean + spread, fit.mean + 0.5 * (b - fit.mean)) -
      Math.min(fit.mean - spread, fit.mean + 0.5 * (a - fit.mean));
    const path = (x: number) =>
      characteristicRoot(fit.firstSheet, 0.5, { re: x, im: 0 }, 8 * range, fit.mean);
    const jumps = Array.from(onPaths.grid.subarray(2, 40), (x, i) => {
      const followed = neighbourRoot(
        fit.firstSheet,
        0.5,
        { re: x, im: 0 },
        path(onPaths.grid[i + 1]!).w,
      );
      const own = path(x);
      return Math.hypot(followed.w.re - own.w.re, followed.w.im - own.w.im) > 1e-3;
    });
    assert.ok(jumps.some(Boolean), 'no fold near the edge: the case tests nothing');
    assertSameDensity(fit, 0.5, false);
  });
});
