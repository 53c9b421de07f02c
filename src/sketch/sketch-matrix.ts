import { matmul, qr, triangularSolve } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { sketchingOperator } from './operator.js';
import type { SketchDistribution } from './types.js';

/** Columns of the Gaussian test matrix of {@link approximateLeverageScores}. */
const LEVERAGE_PROBES = 20;

/**
 * S·A and S·b for the sketch of the given family with l rows, drawn from `seed`. Leverage-score
 * row sampling ('laso:leverage') first estimates the scores with
 * {@link approximateLeverageScores}, from an independent child stream of the seed.
 */
export function sketchMatrix(
  distribution: SketchDistribution,
  l: number,
  a: Matrix,
  b: Float64Array,
  seed: Seed,
): { sa: Matrix; sb: Float64Array } {
  const root = randomStream(seed);
  const probabilities =
    distribution.kind === 'laso' && distribution.sampling === 'leverage'
      ? approximateLeverageScores(a, root.child('leverage'))
      : undefined;
  const s = sketchingOperator(distribution, l, a.rows, root, { probabilities });
  if (!DENSE_KINDS.has(distribution.kind)) return { sa: s.applyLeft(a), sb: s.applyVector(b) };
  // A dense sketch is regenerated (l·m random draws) by every product, which costs far more than
  // copying A once: sketch [A | b] in one product instead of A and b in two.
  const d = a.cols;
  const both = Matrix.zeros(a.rows, d + 1);
  for (let i = 0; i < a.rows; i++) {
    both.data.set(a.data.subarray(i * d, (i + 1) * d), i * (d + 1));
    both.data[i * (d + 1) + d] = b[i]!;
  }
  const sketched = s.applyLeft(both);
  return { sa: sketched.columns(0, d), sb: sketched.col(d) };
}

/** The families whose S is generated, not indexed: each product draws all of S again. */
const DENSE_KINDS = new Set(['gaussian', 'uniform', 'rademacher']);

/**
 * Sampling probabilities proportional to estimated leverage scores of a tall A (m×d) without a
 * QR of A (Drineas, Magdon-Ismail, Mahoney & Woodruff 2012; docs/theory.md §12): R from the QR
 * of a SASO sketch of size 2d makes A·R⁻¹ nearly orthonormal, and the squared row norms of
 * A·R⁻¹·G/√k for a d×k Gaussian G (k = 20) estimate its leverage scores within a constant factor.
 * Cost: one sketch of A plus an m×d×k product. The result sums to 1.
 */
export function approximateLeverageScores(
  a: Matrix,
  seed: Seed | ReturnType<typeof randomStream>,
): Float64Array {
  const root = randomStream(seed);
  const d = a.cols;
  const l = Math.min(a.rows, 2 * d);
  const pre = sketchingOperator({ kind: 'saso', vecNnz: 8 }, l, a.rows, root.split(0));
  const { r } = qr(pre.applyLeft(a));
  const g = Matrix.fromRowMajor(
    d,
    LEVERAGE_PROBES,
    root.split(1).fill(new Float64Array(d * LEVERAGE_PROBES), 'normal'),
  );
  const z = matmul(a, triangularSolve(r, g));
  const p = new Float64Array(a.rows);
  let total = 0;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < LEVERAGE_PROBES; j++) s += z.data[i * LEVERAGE_PROBES + j]! ** 2;
    p[i] = s;
    total += s;
  }
  for (let i = 0; i < a.rows; i++) p[i]! /= total;
  return p;
}
