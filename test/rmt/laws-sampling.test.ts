import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eigvalsh } from '../../src/linalg/api.js';
import * as laws from '../../src/rmt/laws/index.js';
import type { SpectralLaw } from '../../src/rmt/laws/law.js';
import { rotateSpectrum } from '../../src/rmt/laws/sampling.js';
import { ksWithAtoms, LAW_CASES } from './laws-helpers.js';

const build = (name: string, args: readonly number[]): SpectralLaw =>
  (laws as unknown as Record<string, (...a: number[]) => SpectralLaw>)[name]!(...args);
const meanKs = (law: SpectralLaw, n: number): number =>
  [1, 2].reduce((s, seed) => s + ksWithAtoms(eigvalsh(law.sampleMatrix(n, seed)), law), 0) / 2;

describe('sampling a matrix with a law’s spectrum', () => {
  // Kolmogorov distance of the eigenvalues to the law, mean over 2 seeds, at n = 48 and 400. The
  // Meixner sampler rotates iid draws, whose distance follows Kolmogorov's law: mean ~0.87/√n,
  // 99 % quantile 1.63/√n (0.0815 at n = 400); the matrix models (GOE, Wishart, regular graphs,
  // MANOVA) converge faster, at ~log n / n.
  for (const [label, name, args] of LAW_CASES) {
    it(`${label}: the Kolmogorov distance falls as n grows (48 → 400), below the iid 99 % quantile 1.63/√n at 400`, () => {
      const law = build(name, args);
      const small = meanKs(law, 48);
      const large = meanKs(law, 400);
      assert.ok(large < small, `${small} → ${large}`);
      assert.ok(large < 1.63 / Math.sqrt(400), `${large}`);
    });
  }

  it('returns symmetric matrices of the requested size, the same for the same seed', () => {
    for (const [, name, args] of LAW_CASES) {
      const law = build(name, args);
      const a = law.sampleMatrix(16, 5);
      assert.equal(a.rows, 16);
      for (let i = 0; i < 16; i++)
        for (let j = 0; j < i; j++) assert.equal(a.get(i, j), a.get(j, i));
      assert.deepEqual(Array.from(law.sampleMatrix(16, 5).data), Array.from(a.data));
    }
  });

  it('rotateSpectrum keeps the given eigenvalues exactly up to rounding', () => {
    const values = [-2, 0.5, 0.5, 3, 7];
    const got = eigvalsh(rotateSpectrum(values, 11));
    values.forEach((v, k) => assert.ok(Math.abs(got[k]! - v) < 1e-13));
  });
});
