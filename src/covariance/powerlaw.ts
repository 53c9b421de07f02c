import { COVARIANCE_PARAMS } from '../constraints.js';
import { matmul, qr } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { symmetriseInPlace } from '../rmt/laws/sampling.js';
import { eigenSpectrum } from '../rmt/spectral-form.js';
import { diagonalCovariance } from './diagonal.js';
import { type CovarianceModel, matrixModel } from './model.js';

/**
 * A power-law spectrum σ_j = c·j^(−a), j = 1…d, scaled so that (1/d) tr Σ = 1. Without a seed Σ
 * is diagonal (independent coordinates: SSR cannot beat predicting 0). With a seed the
 * eigenbasis is a Haar-random rotation O (QR of a seeded Gaussian matrix, signs fixed by
 * diag R > 0), Σ = O diag(σ) Oᵀ, so the coordinates are correlated; its theory uses O directly,
 * no eigendecomposition.
 * @throws {InvalidArgumentError} naming 'exponent' unless a ≥ 0, or 'd'.
 * @example powerLawCovariance(1, 200).spectrum().values[0] // the largest variance
 * @example powerLawCovariance(0.5, 200, 3) // rotated: correlated coordinates
 */
export function powerLawCovariance(exponent: number, d: number, seed?: Seed): CovarianceModel {
  COVARIANCE_PARAMS.exponent.check('exponent', exponent);
  COVARIANCE_PARAMS.d.check('d', d);
  const values = new Float64Array(d);
  let sum = 0;
  for (let j = 0; j < d; j++) sum += values[j] = (j + 1) ** -exponent;
  for (let j = 0; j < d; j++) values[j] *= d / sum;
  if (seed === undefined) return diagonalCovariance(values, `powerlaw:${exponent}`);
  const rotation = haarOrthogonal(d, seed);
  const scaled = rotation.clone();
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) scaled.data[i * d + j] *= Math.sqrt(values[j]);
  const sigma = symmetriseInPlace(matmul(scaled, scaled, { transB: true }));
  return matrixModel(
    `powerlaw:${exponent}:${seed}`,
    `power-law spectrum j^−${exponent} (mean 1) in a random basis (seed ${seed}), d = ${d}`,
    sigma,
    {
      spectrum: () => eigenSpectrum(values, rotation),
      sample: (n, sampleSeed) => matmul(gaussianMatrix(n, d, sampleSeed), scaled, { transB: true }),
    },
  );
}

function haarOrthogonal(d: number, seed: Seed): Matrix {
  const { q, r } = qr(gaussianMatrix(d, d, randomStream(seed).child('rotation')));
  for (let j = 0; j < d; j++) {
    if (r.data[j * d + j] < 0) for (let i = 0; i < d; i++) q.data[i * d + j] = -q.data[i * d + j];
  }
  return q;
}
