import { matmul } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import type { SslModel } from './model.js';
import { SSL_PARAMS } from './params.js';

/** n draws of (X₁, X₂, Y) from an {@link SslModel}, one sample per row. */
export interface SslSample {
  x1: Matrix;
  x2: Matrix;
  y: Matrix;
  /** η(X₁) = E[Y | X₁] (n×p), the noiseless label. */
  eta: Matrix;
}

/**
 * Draws n samples of the model (docs/theory.md §16.2): X₁ ~ N(0, I), Y = η(X₁) + σξ,
 * X₂ = C_h·Y + M·X₁ + τN, all from the Philox stream of `seed` (X₁, ξ and N from separate
 * children, so samples of different n share their first rows).
 * @throws {InvalidArgumentError} naming 'n' when n is not a positive integer.
 * @example sampleSsl(sslModel({ d1: 10, d2: 12, p: 2, s: 1 }, 1), 100, 7).x2.cols // 12
 */
export function sampleSsl(model: SslModel, n: number, seed: Seed | RandomStream): SslSample {
  SSL_PARAMS.n.check('n', n);
  const { d1, p, sigma, tau, d2 } = model.config;
  const stream = randomStream(seed);
  const x1 = gaussianMatrix(n, d1, stream.child('x1'));
  const eta = x1.columns(0, p);
  const y = gaussianMatrix(n, p, stream.child('label-noise'));
  for (let k = 0; k < y.data.length; k++) y.data[k] = eta.data[k]! + sigma * y.data[k]!;
  const x2 = matmul(y, model.encoding, { transB: true });
  const r = matmul(x1, model.redundancy, { transB: true });
  const noise = gaussianMatrix(n, d2, stream.child('target-noise'));
  for (let k = 0; k < x2.data.length; k++) x2.data[k]! += r.data[k]! + tau * noise.data[k]!;
  return { x1, x2, y, eta };
}
