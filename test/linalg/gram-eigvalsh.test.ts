// gramEigvalsh, the Gram matrix's eigenvalues in one kernel call: on both backends the same
// values as gram followed by eigvalsh, for XᵀX and for XXᵀ without transposing X, and the same
// argument errors as gram.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../../src/errors.js';
import { availableBackends, getBackend } from '../../src/linalg/backend.js';
import type { NativeAddon } from '../../src/linalg/backends/native/addon.js';
import { gramEigvalsh, gramEigvalshAsync } from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { EPS } from './helpers.js';
import { randomMatrix } from './native-setup.js';

describe('gramEigvalsh', () => {
  for (const name of availableBackends()) {
    const { kernels } = getBackend(name);
    it(`gives eigvalsh(gram) to (n + d)·ε·λmax on the ${name} backend, for XᵀX and for XXᵀ`, () => {
      for (const [n, d] of [
        [1, 1],
        [40, 7],
        [7, 40],
        [300, 120],
        [120, 300],
      ] as const) {
        const x = randomMatrix(n, d, n * 1000 + d);
        for (const outer of [false, true]) {
          const scale = 1 / n;
          const g = outer ? kernels.gram!(x.transpose(), scale) : kernels.gram!(x, scale);
          const expected = kernels.eigvalsh!(g);
          const got = kernels.gramEigvalsh!(x, scale, outer, false);
          assert.equal(got.length, outer ? n : d);
          const bound = (n + d) * EPS * expected[expected.length - 1]!;
          for (let i = 0; i < got.length; i++) {
            assert.ok(
              Math.abs(got[i]! - expected[i]!) <= bound,
              `${n}×${d} outer ${outer}: eigenvalue ${i} ${got[i]} vs ${expected[i]}, bound ${bound}`,
            );
          }
        }
      }
    });
  }

  it('runs a small eigensolver on one OpenBLAS thread after a product on all of them, then restores the count', (t) => {
    const addon = createRequire(import.meta.url)(
      fileURLToPath(new URL('../../build/Release/rmtkit.node', import.meta.url)),
    ) as NativeAddon;
    if (!availableBackends().includes('native') || !addon.info().threadsPerCall) {
      t.skip('OpenBLAS threads are not chosen per call here');
      return;
    }
    const threads = addon.info().threads;
    // 3000×500: the product's 7.5·10⁸ flops pass the BLAS-3 threshold (2·10⁸), the eigensolver's
    // 1.7·10⁸ stay below the LAPACK one (2·10⁹).
    getBackend('native').kernels.gramEigvalsh!(randomMatrix(3000, 500, 1), 1, false, false);
    assert.equal(addon.info().lastCallThreads, 1);
    assert.equal(addon.info().threads, threads);
  });

  it('returns s² of W for scale 1, synchronous and asynchronous alike', async () => {
    const w = Matrix.fromRows([
      [3, 0, 0],
      [0, 4, 0],
    ]);
    const values = gramEigvalsh(w, { outer: true });
    assert.ok(
      Math.abs(values[0]! - 9) <= 8 * EPS * 16 && Math.abs(values[1]! - 16) <= 8 * EPS * 16,
    );
    assert.deepEqual(await gramEigvalshAsync(w, { outer: true }), values);
  });

  it('names x for a non-finite entry and for squares that overflow, and scale when it is not finite', async () => {
    const bad = Matrix.fromRows([
      [1, 2],
      [NaN, 4],
      [5, 6],
    ]);
    assert.throws(() => gramEigvalsh(bad), InvalidArgumentError);
    assert.throws(() => gramEigvalsh(bad), /x/);
    await assert.rejects(gramEigvalshAsync(bad, { outer: true }), InvalidArgumentError);
    const huge = Matrix.fromRows([
      [1e200, 1],
      [1, 1],
    ]);
    assert.throws(() => gramEigvalsh(huge), /overflow float64/);
    assert.throws(() => gramEigvalsh(huge, { scale: Infinity }), /scale/);
  });
});
