// gramEigvalsh with precision 'single': the product in single precision (X scaled by a power of
// two, rounded to float32, ssyrk), the eigensolver in double. Against numpy's double-precision
// eigenvalues (test/fixtures/gram_single_fixtures.py) within the rounding bound of the product,
// at scales where an unscaled float32 product would underflow or overflow.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { availableBackends, getBackend } from '../../src/linalg/backend.js';
import { gramEigvalsh, gramEigvalshAsync } from '../../src/linalg/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { EPS, loadFixture } from './helpers.js';

interface Case {
  rows: number;
  cols: number;
  x: number[];
  inner: number[];
  outer: number[];
  innerSingle: number[];
  outerSingle: number[];
}

const { cases } = loadFixture<{ cases: Case[] }>('linalg/gram-single.json');
const EPS32 = 2 ** -24;

/**
 * A bound on each eigenvalue's error: rounding X to float32 and the float32 dot products of
 * length k perturb each Gram entry by at most (k + 2)·ε₃₂·(|X|ᵀ|X|)_ij (Higham, ch. 3), so by
 * Weyl every eigenvalue moves by at most ‖that‖_F; the double eigensolver adds (n + d)·ε·λmax.
 */
function singleBound(x: Matrix, outer: boolean, top: number): number {
  const [m, k] = outer ? [x.rows, x.cols] : [x.cols, x.rows];
  const at = (i: number, l: number) =>
    Math.abs(outer ? x.data[i * x.cols + l]! : x.data[l * x.cols + i]!);
  let sum = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let l = 0; l < k; l++) dot += at(i, l) * at(j, l);
      sum += dot * dot;
    }
  return (k + 3) * EPS32 * Math.sqrt(sum) + (x.rows + x.cols) * EPS * top;
}

describe("gramEigvalsh, precision 'single'", () => {
  for (const name of availableBackends()) {
    const { kernels } = getBackend(name);
    it(`stays within the single-precision bound of numpy's exact eigenvalues on the ${name} backend, at scales 1e-25 to 1e25`, () => {
      for (const c of cases) {
        const x = Matrix.fromRowMajor(c.rows, c.cols, c.x);
        for (const outer of [false, true]) {
          const exact = outer ? c.outer : c.inner;
          const numpySingle = outer ? c.outerSingle : c.innerSingle;
          const got = kernels.gramEigvalsh!(x, 1, outer, true);
          const top = exact[exact.length - 1]!;
          const bound = singleBound(x, outer, top);
          const label = `${c.rows}×${c.cols} (λmax ${top.toExponential(2)}) outer ${outer}`;
          assert.equal(got.length, exact.length, label);
          let deviation = 0;
          for (let i = 0; i < got.length; i++) {
            const error = Math.abs(got[i]! - exact[i]!);
            assert.ok(
              error <= bound,
              `${label}: eigenvalue ${i} ${got[i]} vs ${exact[i]}, bound ${bound}`,
            );
            // numpy's own float32 product obeys the same bound, so the two differ by at most twice
            // it.
            assert.ok(
              Math.abs(got[i]! - numpySingle[i]!) <= 2 * bound,
              `${label}: ${i} vs numpy float32`,
            );
            deviation = Math.max(deviation, error);
          }
          const doubleBound = (c.rows + c.cols) * EPS * top;
          if (name === 'native') {
            // The product really ran in single precision (the option reached the kernel).
            assert.ok(deviation > doubleBound, `${label}: deviation ${deviation} ≤ ${doubleBound}`);
          } else {
            // The JS backend has no float32 product: the double result, the same bits.
            assert.deepEqual(got, kernels.gramEigvalsh!(x, 1, outer, false));
          }
        }
      }
    });
  }

  it('goes through the API synchronously and asynchronously, and names precision when it is unknown', async () => {
    const c = cases[1]!;
    const x = Matrix.fromRowMajor(c.rows, c.cols, c.x);
    const values = gramEigvalsh(x, { precision: 'single', outer: true });
    assert.deepEqual(await gramEigvalshAsync(x, { precision: 'single', outer: true }), values);
    assert.throws(
      () => gramEigvalsh(x, { precision: 'half' as 'single' }),
      (e: unknown) => e instanceof InvalidArgumentError && /precision/.test(String(e)),
    );
    const bad = Matrix.fromRows([
      [1, Infinity],
      [2, 3],
    ]);
    assert.throws(() => gramEigvalsh(bad, { precision: 'single' }), /x/);
  });
});
