// The trial path checks its inputs without scanning them up front (docs/performance.md "Sweeps"):
// fitSsr lets the Gram's diagonal find a non-finite entry of uncentred data, the centring's column
// sums find one of centred data, and populationError lets the trace find one of Σ or Â. These
// tests pin the errors (argument, place, value) and the bits to what the scans gave.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableBackends, setBackend } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';
import { fitSsrInPlace } from '../../src/ssr/estimator.js';
import { fitSsr, fitSsrAsync, populationError } from '../../src/ssr/index.js';
import { populationErrorInPlace } from '../../src/ssr/population-error.js';
import { ssrMatrixInPlace } from '../../src/ssr/ssr-fit.js';

const NON_FINITE = [NaN, Infinity, -Infinity];

/** Runs `body` once per loaded backend, restoring the active one. */
async function onEveryBackend(body: () => void | Promise<void>): Promise<void> {
  for (const name of availableBackends()) {
    const previous = setBackend(name);
    try {
      await body();
    } finally {
      setBackend(previous);
    }
  }
}

/** A finite d×d symmetric positive definite Σ (AR(1)-like). */
function sigmaOf(d: number): Matrix {
  const s = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) s.data[i * d + j] = 0.6 ** Math.abs(i - j);
  return s;
}

describe('checks without a scan up front', () => {
  it('names the first non-finite entry of the data, centred or not, sync, async and in place', async () => {
    await onEveryBackend(async () => {
      for (const value of NON_FINITE)
        for (const centre of [false, true]) {
          const bad = gaussianMatrix(12, 4, 3);
          bad.data[5 * 4 + 2] = value;
          bad.data[9 * 4 + 0] = NaN; // a later entry: the message must name the first one
          const message = new RegExp(
            `data must be finite; entry \\(5, 2\\) is not\\. Value: ${value}\\.`,
          );
          assert.throws(() => fitSsr(bad, { lambda: 0.1, centre }), message);
          assert.throws(() => fitSsr(bad, { lambda: 0, centre }), message);
          assert.throws(() => fitSsrInPlace(bad.clone(), { lambda: 0.1, centre }), message);
          await assert.rejects(fitSsrAsync(bad, { lambda: 0.1, centre }), message);
        }
    });
  });

  it('still reports finite data whose squares overflow as the Gram does', () => {
    const huge = gaussianMatrix(6, 3, 4);
    huge.data[4] = 1e200;
    assert.throws(
      () => fitSsr(huge, { lambda: 0.1, centre: false }),
      /x has entries whose squares overflow/,
    );
  });

  it('names every non-finite entry of Σ and of Â with its place and value, Σ first', async () => {
    await onEveryBackend(() => {
      const d = 4;
      const fit = fitSsr(gaussianMatrix(20, d, 5), { lambda: 0.1, centre: false });
      for (const value of NON_FINITE)
        for (let t = 0; t < d * d; t++) {
          const [row, col] = [Math.floor(t / d), t % d];
          const sigma = sigmaOf(d);
          sigma.data[t] = value;
          const place = `entry \\(${row}, ${col}\\) is not\\. Value: ${value}\\.`;
          assert.throws(
            () => populationError(fit, sigma),
            new RegExp(`sigma must be finite; ${place}`),
          );
          const a = fit.A.clone();
          a.data[t] = value;
          const badFit = { A: a, mean: fit.mean };
          const aMessage = new RegExp(`fit\\.A must be finite; ${place}`);
          assert.throws(() => populationError(badFit, sigmaOf(d)), aMessage);
          assert.throws(() => populationError(badFit, sigma), /sigma must be finite/);
          assert.throws(
            () => populationErrorInPlace({ A: a.clone(), mean: fit.mean }, sigmaOf(d)),
            aMessage,
          );
        }
    });
  });

  it('names a non-finite Σ before a mean of the wrong length, as the scan did', () => {
    const fit = fitSsr(gaussianMatrix(20, 3, 6), { lambda: 0.1, centre: false });
    const sigma = sigmaOf(3);
    sigma.data[1] = NaN;
    assert.throws(() => populationError(fit, sigma, new Float64Array(2)), /sigma must be finite/);
    assert.throws(
      () => populationError(fit, sigmaOf(3), new Float64Array(2)),
      /mean must have 3 entries/,
    );
  });

  it('gives the same error to the bit in place, leaving I − Â in fit.A', async () => {
    await onEveryBackend(() => {
      const d = 7;
      const x = gaussianMatrix(30, d, 7);
      const mu = Float64Array.from({ length: d }, (_, k) => 0.1 * k);
      for (const centre of [false, true])
        for (const mean of [undefined, mu]) {
          const fit = fitSsr(x, { lambda: 0.05, centre });
          const kept = fit.A.clone();
          const copy = populationError(fit, sigmaOf(d), mean);
          assert.deepEqual(fit.A.data, kept.data, 'populationError leaves Â alone');
          assert.equal(populationErrorInPlace(fit, sigmaOf(d), mean), copy);
          assert.deepEqual(
            fit.A.data,
            kept.data.map((v, t) => -v + (t % (d + 1) === 0 ? 1 : 0)),
          );
        }
    });
  });

  it('takes the column norms in the pass that writes Â, to the bit', () => {
    const q = fitSsr(gaussianMatrix(15, 5, 8), { lambda: 0.3 }).A; // any square matrix
    for (let k = 0; k < 5; k++) q.data[k * 6] = 1 + k; // a non-zero diagonal to divide by
    const norms = new Float64Array(5);
    for (let i = 0; i < 5; i++)
      for (let k = 0; k < 5; k++) norms[k] += q.data[i * 5 + k] * q.data[i * 5 + k];
    const plain = ssrMatrixInPlace(q.clone());
    const fused = new Float64Array(5);
    assert.deepEqual(ssrMatrixInPlace(q, fused).data, plain.data);
    assert.deepEqual(fused, norms);
  });
});
