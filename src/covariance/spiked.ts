import { COVARIANCE_PARAMS } from '../constraints.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { spectralForm } from '../rmt/spectral-form.js';
import { type CovarianceModel, matrixModel } from './model.js';

/**
 * The spiked covariance Σ = I + θuuᵀ with a unit vector u spread over all coordinates: u is a
 * normalised N(0, I) draw from stream `child('spike')` of the seed, so every |u_k|² ≈ 1/d
 * (docs/theory.md §4). The spectrum is closed-form (1 with multiplicity d−1, 1+θ once, coordinate
 * weights [1 − u_k², u_k²]), so the theory needs no eigendecomposition. Samples are
 * x = z + (√(1+θ) − 1)(uᵀz)u, exact and O(nd).
 * @throws {InvalidArgumentError} naming 'theta' unless θ ≥ −1, or 'd' unless d is a positive
 * integer.
 * @example spikedCovariance(2, 500, 0).spectrum().values // Float64Array [1, 3]
 */
export function spikedCovariance(theta: number, d: number, seed: Seed = 0): CovarianceModel {
  COVARIANCE_PARAMS.theta.check('theta', theta);
  COVARIANCE_PARAMS.d.check('d', d);
  const u = spikeDirection(d, seed);
  const sigma = Matrix.identity(d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) sigma.data[i * d + j] += theta * u[i] * u[j];
  const shift = Math.sqrt(1 + theta) - 1;
  return matrixModel(
    `spiked:${theta}:${seed}`,
    `spiked covariance I + ${theta}·uuᵀ, d = ${d}, u spread (seed ${seed})`,
    sigma,
    {
      spectrum() {
        const weights = Matrix.zeros(d, 2);
        for (let k = 0; k < d; k++) {
          weights.data[2 * k] = 1 - u[k] * u[k];
          weights.data[2 * k + 1] = u[k] * u[k];
        }
        return spectralForm(
          {
            d,
            values: Float64Array.of(1, 1 + theta),
            weights: Float64Array.of((d - 1) / d, 1 / d),
            coordinates: { kind: 'mixing', weights, multiplicity: new Float64Array(d).fill(1 / d) },
          },
          'theta',
        );
      },
      sample(n, sampleSeed) {
        const x = gaussianMatrix(n, d, sampleSeed);
        const a = x.data;
        for (let i = 0; i < n; i++) {
          let dot = 0;
          for (let k = 0; k < d; k++) dot += a[i * d + k] * u[k];
          for (let k = 0; k < d; k++) a[i * d + k] += shift * dot * u[k];
        }
        return x;
      },
    },
  );
}

/**
 * The spike direction of {@link spikedCovariance}: a unit vector, normalised Gaussian draw.
 * @example spikeDirection(4, 0) // unit vector of length 4
 */
export function spikeDirection(d: number, seed: Seed): Float64Array {
  const u = randomStream(seed).child('spike').fill(new Float64Array(d), 'normal');
  let norm = 0;
  for (const v of u) norm += v * v;
  norm = Math.sqrt(norm);
  for (let k = 0; k < d; k++) u[k] /= norm;
  return u;
}
