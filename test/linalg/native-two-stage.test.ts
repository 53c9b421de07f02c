// The native eigvalsh's two routes: dsyevd below the switch order, the two-stage reduction (dense
// to band to tridiagonal, native/two_stage.h) from it on. The addon exports the two-stage route
// alone as eigvalshTwoStage so that both can be compared at sizes a test can afford.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setBlasThreads } from '../../src/linalg/backend.js';
import type { NativeAddon } from '../../src/linalg/backends/native/addon.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { EPS } from './helpers.js';
import { native, nativeSuite, randomMatrix } from './native-setup.js';

type TwoStageAddon = NativeAddon & { eigvalshTwoStage(a: Float64Array, d: number): Float64Array };

const addon = (): TwoStageAddon =>
  createRequire(import.meta.url)(
    fileURLToPath(new URL('../../build/Release/rmtkit.node', import.meta.url)),
  ) as TwoStageAddon;

/** XᵀX of an n×d matrix whose columns are scaled by 10^(−5·j/d): eigenvalues over ~10 decades. */
function spreadGram(n: number, d: number, seed: number): Matrix {
  const x = randomMatrix(n, d, seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x.data[i * d + j] *= 10 ** ((-5 * j) / d);
  return native().kernels.gram!(x, 1);
}

describe('native eigvalsh, two-stage route', nativeSuite, () => {
  it("gives dsyevd's eigenvalues of a Gram matrix to (N + M)·ε·λmax, the Gram route's bound", () => {
    // Orders around the band width (64: the band is the whole matrix or one row short) and two
    // where dsyevd runs below the switch.
    for (const [n, d] of [
      [3, 1],
      [5, 2],
      [70, 64],
      [70, 65],
      [90, 66],
      [450, 300],
      [900, 700],
    ] as const) {
      const g = spreadGram(n, d, n + d);
      const oneStage = native().kernels.eigvalsh!(g);
      const twoStage = addon().eigvalshTwoStage(g.data, d);
      const bound = (n + d) * EPS * oneStage[d - 1]!;
      for (let i = 0; i < d; i++) {
        assert.ok(
          Math.abs(twoStage[i]! - oneStage[i]!) <= bound,
          `${n}×${d}: eigenvalue ${i} ${twoStage[i]} vs ${oneStage[i]}, bound ${bound}`,
        );
      }
    }
  });

  it('takes the two-stage route from the order info() reports on', () => {
    const from = addon().info().eigvalshTwoStageFrom!;
    assert.equal(from, 2048);
    const g = spreadGram(from + 10, from, 5);
    // One thread: two threads fighting other jobs for the cores took 30 s instead of 2 s.
    const before = setBlasThreads(1)!;
    try {
      assert.deepEqual(native().kernels.eigvalsh!(g), addon().eigvalshTwoStage(g.data, from));
    } finally {
      setBlasThreads(before);
    }
  });

  it('runs the first stage on the threads it was given and gives them back after the second', () => {
    const from = addon().info().eigvalshTwoStageFrom!;
    const g = spreadGram(from + 10, from, 6);
    const before = setBlasThreads(1)!;
    try {
      const oneThread = native().kernels.eigvalsh!(g);
      setBlasThreads(2);
      const twoThreads = native().kernels.eigvalsh!(g);
      // The bulge chasing ran on one thread, dsytrd_sy2sb on two; OpenBLAS has its two again.
      assert.equal(addon().info().lastCallThreads, 2);
      assert.equal(addon().info().threads, 2);
      const bound = (2 * from + 10) * EPS * oneThread[from - 1]!;
      for (let i = 0; i < from; i++) {
        assert.ok(Math.abs(twoThreads[i]! - oneThread[i]!) <= bound, `eigenvalue ${i}`);
      }
    } finally {
      setBlasThreads(before);
    }
  });
});
