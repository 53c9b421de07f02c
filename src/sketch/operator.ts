import { InvalidArgumentError } from '../errors.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { denseSketch } from './dense.js';
import { checkSketchDistribution } from './distribution.js';
import { ceilPow2 } from './fwht.js';
import { lasoSketch } from './laso.js';
import { sasoSketch } from './saso.js';
import { srhtSketch } from './srht.js';
import type { SketchDistribution, SketchingOperator } from './types.js';

/** Largest sketch dimension: indices are stored as 32-bit integers. */
const MAX_DIMENSION = 2 ** 31 - 1;

/**
 * A seeded sketching operator S (l = `rows` × n = `cols`) with E[SᵀS] = I_n, drawn from
 * `distribution` (see {@link SketchDistribution}).
 *
 * Reproducibility: the entries of S depend only on the distribution, the shape and the seed,
 * never on the backend, the worker or the thread count (the products' rounding may). A stream
 * passed as the seed is used through its children only, so its own position does not matter.
 * - gaussian, uniform, rademacher: row i of the unscaled S comes from `stream.split(i)` in
 *   column order, so a larger l adds rows (equal up to the 1/√l scale) and a larger n extends
 *   every row;
 * - saso: column j from `stream.split(j)`; a larger n adds columns, a larger l changes S;
 * - laso: sampled row i from `stream.split(i)`; a larger l adds rows (same indices, scale
 *   1/√(l·p)); a larger n changes the indices;
 * - srht: signs from `stream.child('signs')` (a larger n extends them), kept rows from
 *   `stream.child('rows')`; a larger l with the same n′ = 2^⌈log₂ n⌉ adds rows and a larger n
 *   with the same n′ extends them, a larger n′ changes them.
 *
 * Sparse (saso, laso) and SRHT sketches are never formed densely by the apply methods; dense
 * ones are generated in blocks of rows that each go through the backend's gemm.
 * @param rows the sketch size l, an integer ≥ 1 (srht: ≤ n′; saso: ≥ vecNnz).
 * @param cols the ambient dimension n, an integer ≥ 1.
 * @param options.probabilities for `laso:leverage` only (and required by it): n finite,
 * non-negative sampling probabilities summing to 1 within 1e-8, e.g. normalised
 * `leverageScores`.
 * @throws {InvalidArgumentError} naming `distribution` (or its field), `rows`, `cols`, `seed` or
 * `probabilities`.
 * @example
 * const s = sketchingOperator({ kind: 'saso', vecNnz: 8 }, 1000, a.rows, 42);
 * const sa = s.applyLeft(a); // 1000 × a.cols
 */
export function sketchingOperator(
  distribution: SketchDistribution,
  rows: number,
  cols: number,
  seed: Seed | RandomStream,
  options: { probabilities?: Float64Array } = {},
): SketchingOperator {
  const d = checkSketchDistribution(distribution);
  checkDimension('rows', rows);
  checkDimension('cols', cols);
  const stream = randomStream(seed);
  const { probabilities } = options ?? {};
  const leverage = d.kind === 'laso' && d.sampling === 'leverage';
  if (probabilities !== undefined && !leverage)
    throw new InvalidArgumentError('probabilities', 'are used by laso:leverage only', d.kind);
  switch (d.kind) {
    case 'saso':
      if (d.vecNnz > rows)
        throw new InvalidArgumentError(
          'distribution.vecNnz',
          `must be ≤ rows = ${rows} (distinct rows per column)`,
          d.vecNnz,
        );
      return sasoSketch(d, rows, cols, stream);
    case 'laso':
      if (leverage && probabilities === undefined)
        throw new InvalidArgumentError(
          'probabilities',
          'are required by laso:leverage (e.g. leverageScores(a) divided by their sum)',
        );
      return lasoSketch(
        d,
        rows,
        cols,
        stream,
        leverage ? checkProbabilities(probabilities!, cols) : undefined,
      );
    case 'srht':
      if (rows > ceilPow2(cols))
        throw new InvalidArgumentError(
          'rows',
          `must be ≤ n′ = ${ceilPow2(cols)} for srht (the padded length of cols = ${cols})`,
          rows,
        );
      return srhtSketch(d, rows, cols, stream);
    default:
      return denseSketch(d, rows, cols, stream);
  }
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION)
    throw new InvalidArgumentError(name, 'must be an integer in [1, 2³¹)', value);
}

/** Returns p when it is a Float64Array of n finite, non-negative entries summing to 1 ± 1e-8. */
function checkProbabilities(p: Float64Array, n: number): Float64Array {
  if (!(p instanceof Float64Array))
    throw new InvalidArgumentError('probabilities', 'must be a Float64Array', String(p));
  if (p.length !== n)
    throw new InvalidArgumentError('probabilities', `must have cols = ${n} entries`, p.length);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const v = p[k]!;
    if (!Number.isFinite(v) || v < 0)
      throw new InvalidArgumentError(
        'probabilities',
        `must be finite and ≥ 0; entry ${k} is not`,
        v,
      );
    sum += v;
  }
  if (!(Math.abs(sum - 1) <= 1e-8))
    throw new InvalidArgumentError('probabilities', 'must sum to 1 within 1e-8', sum);
  return p;
}
