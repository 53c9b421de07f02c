import { InvalidArgumentError } from '../errors.js';
import { qr } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { SSL_PARAMS } from './params.js';

/** Configuration of {@link sslModel} (docs/theory.md §16.2). */
export interface SslModelConfig {
  d1: number;
  d2: number;
  p: number;
  /** Rank s of the redundancy's low-rank part B·g(X₁). */
  s: number;
  /** Rank of the encoding C_h (default p, full rank: exact matching holds). */
  encodingRank?: number;
  /** Approximation error ε_s of the best rank-s factorisation of the redundancy (default 0). */
  epsilon?: number;
  /** Number of tail directions carrying ε_s (default min(4, room left)). */
  tailRank?: number;
  /** Amplitude of each low-rank redundancy direction (default 1). */
  amplitude?: number;
  /** Label noise σ (default 1) and pretext-target noise τ (default 1). */
  sigma?: number;
  tau?: number;
}

/**
 * A linear-Gaussian reconstructive-SSL model (docs/theory.md §16.2): X₁ ~ N(0, I_d₁),
 * Y = W·X₁ + σξ with W = [I_p 0 …] (η(x) = x_{0..p}), and X₂ = C_h·Y + R(X₁) + τN with
 * R(x) = B·x_{p..p+s} + √(ε_s/t)·T·x_{p+s..p+s+t}. C_h (d₂×p), B (d₂×s) and T (d₂×t) have
 * mutually orthogonal columns (B and T orthonormal), so ψ*(x) = E[X₂|X₁ = x] = Γ·x with
 * Γ = C_h·W + M, where M (d₂×d₁) is the redundancy map.
 */
export interface SslModel {
  readonly config: Required<SslModelConfig>;
  /** Label encoding C_h (d₂×p). */
  readonly encoding: Matrix;
  /** Redundancy map M (d₂×d₁): R(x) = M·x. */
  readonly redundancy: Matrix;
  /** The population representation map Γ = C_h·W + M (d₂×d₁). */
  readonly gamma: Matrix;
  /** ε_s by construction (the exact value, docs/theory.md §16.3). */
  readonly epsilon: number;
}

/**
 * Builds the model of a configuration, with random orthogonal directions drawn from `seed`.
 * @throws {InvalidArgumentError} naming 's' when s > d₂ − p (or the redundancy cannot fit),
 * 'encodingRank' outside [1, p], 'tailRank' when the tail does not fit in d₁ or d₂, and any
 * argument outside {@link SSL_PARAMS}.
 * @example sslModel({ d1: 20, d2: 30, p: 3, s: 2 }, 1).gamma.rows // 30
 */
export function sslModel(config: SslModelConfig, seed: Seed): SslModel {
  const { d1, d2, p, s } = config;
  SSL_PARAMS.d1.check('d1', d1);
  SSL_PARAMS.d2.check('d2', d2);
  SSL_PARAMS.p.check('p', p);
  SSL_PARAMS.s.check('s', s);
  if (s > d2) throw new InvalidArgumentError('s', `must be ≤ d2 = ${d2}`, s);
  if (p + s > d2) throw new InvalidArgumentError('s', `must be ≤ d2 − p = ${d2 - p}`, s);
  if (p + s > d1) throw new InvalidArgumentError('s', `must be ≤ d1 − p = ${d1 - p}`, s);
  const encodingRank = config.encodingRank ?? p;
  if (!Number.isInteger(encodingRank) || encodingRank < 1 || encodingRank > p)
    throw new InvalidArgumentError('encodingRank', `must be an integer in [1, ${p}]`, encodingRank);
  const epsilon = SSL_PARAMS.epsilon.check('epsilon', config.epsilon ?? 0);
  const room = Math.min(d1, d2) - p - s;
  const tailRank = SSL_PARAMS.tailRank.check('tailRank', config.tailRank ?? Math.min(4, room));
  if (tailRank > room)
    throw new InvalidArgumentError('tailRank', `must be ≤ min(d1, d2) − p − s = ${room}`, tailRank);
  if (epsilon > 0 && tailRank === 0)
    throw new InvalidArgumentError('tailRank', 'must be ≥ 1 when epsilon > 0', tailRank);
  const amplitude = SSL_PARAMS.amplitude.check('amplitude', config.amplitude ?? 1);
  const sigma = SSL_PARAMS.sigma.check('sigma', config.sigma ?? 1);
  const tau = SSL_PARAMS.tau.check('tau', config.tau ?? 1);
  if (epsilon / Math.max(tailRank, 1) > amplitude * amplitude)
    throw new InvalidArgumentError(
      'epsilon',
      `must be ≤ tailRank·amplitude² = ${tailRank * amplitude * amplitude} so that the rank-s part stays the leading one`,
      epsilon,
    );
  // Orthonormal directions in ℝ^d₂ for C_h, B and T: the Q of a Gaussian d₂×(p+s+t).
  const k = p + s + tailRank;
  const q = qr(gaussianMatrix(d2, k, randomStream(seed).child('ssl-model', 'directions'))).q;
  const encoding = Matrix.zeros(d2, p);
  for (let i = 0; i < d2; i++)
    for (let j = 0; j < p; j++)
      // Columns beyond the encoding rank repeat earlier ones: those labels are merged in X₂.
      encoding.data[i * p + j] = q.data[i * k + (j % encodingRank)]!;
  const redundancy = Matrix.zeros(d2, d1);
  const tailScale = tailRank > 0 ? Math.sqrt(epsilon / tailRank) : 0;
  for (let i = 0; i < d2; i++) {
    for (let j = 0; j < s; j++)
      redundancy.data[i * d1 + p + j] = amplitude * q.data[i * k + p + j]!;
    for (let j = 0; j < tailRank; j++)
      redundancy.data[i * d1 + p + s + j] = tailScale * q.data[i * k + p + s + j]!;
  }
  const gamma = redundancy.clone();
  for (let i = 0; i < d2; i++)
    for (let j = 0; j < p; j++) gamma.data[i * d1 + j]! += encoding.data[i * p + j]!;
  return {
    config: { d1, d2, p, s, encodingRank, epsilon, tailRank, amplitude, sigma, tau },
    encoding,
    redundancy,
    gamma,
    epsilon,
  };
}
