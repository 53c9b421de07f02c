import { interval } from '../constraints.js';
import { eigTridiagonal } from '../linalg/backends/js/tridiagonal/steqr.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { lanczosBlock } from './lanczos-block.js';
import { probeBlock } from './probes.js';

/**
 * An interval [lo, hi] that contains the spectrum of a symmetric operator with high probability,
 * from a few Lanczos steps (fully reorthogonalised) on one Rademacher probe: the extreme Ritz
 * values widened by their residual norms, lo = θ_min − β_m|y_min,m| and
 * hi = θ_max + β_m|y_max,m| (y the unit eigenvectors of T, β_m the last residual norm). The Ritz
 * values lie inside the spectrum and the extreme ones converge first; an eigenvalue lies within
 * its residual norm of each (docs/theory.md §13; Weiße et al. 2006 §II.B). Exact when the Krylov
 * space is invariant. The kernel polynomial method needs such bounds to map A into [−1, 1].
 * @throws {InvalidArgumentError} naming 'op' unless square and marked symmetric, 'steps' unless
 *   an integer ≥ 1.
 * @example spectrumBounds(gramOperator(X)) // e.g. [0.07, 2.95] for a Wishart matrix, d/n = 1/2
 */
export function spectrumBounds(
  op: LinearOperator,
  options: { steps?: number; seed?: Seed | RandomStream } = {},
): [number, number] {
  const steps = interval(1, Infinity, '[)', { integer: true }).check('steps', options.steps ?? 20);
  const z = probeBlock(
    randomStream(options.seed ?? 0).split('bounds'),
    op.cols,
    0,
    1,
    'rademacher',
  );
  const { runs } = lanczosBlock(op, z, Math.min(steps, op.cols), { reorthogonalize: 'full' });
  const { alpha, beta, residual } = runs[0]!;
  const m = alpha.length;
  const theta = alpha.slice();
  const y = new Float64Array(m * m);
  for (let i = 0; i < m; i++) y[i * m + i] = 1;
  eigTridiagonal(theta, beta.slice(), y);
  let lo = 0;
  let hi = 0;
  for (let k = 1; k < m; k++) {
    if (theta[k]! < theta[lo]!) lo = k;
    if (theta[k]! > theta[hi]!) hi = k;
  }
  const last = (k: number) => residual * Math.abs(y[(m - 1) * m + k]!);
  return [theta[lo]! - last(lo), theta[hi]! + last(hi)];
}
