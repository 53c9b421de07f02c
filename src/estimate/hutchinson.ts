import { InvalidArgumentError } from '../errors.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { columnDots } from './columns.js';
import {
  type Estimate,
  type ProbeOptions,
  resolveProbeOptions,
  sequentialMean,
} from './estimate.js';
import { probeBlock } from './probes.js';

/**
 * The trace of a square operator by Hutchinson's estimator (Hutchinson 1989; docs/theory.md
 * §13): tr A = E[zᵀAz] for probes with E[zzᵀ] = I, averaged over probes z_i drawn from
 * randomStream(seed).split(i), batchSize of them per matmat, until the Student-t interval's
 * half-width is ≤ rtol·|value| or maxProbes is reached. One probe's variance is
 * 2(‖A‖_F² − Σ_i a_ii²) for Rademacher and 2‖A‖_F² for Gaussian probes (symmetric A).
 * @throws {InvalidArgumentError} naming 'op' unless it is square, or an option of
 *   {@link ProbeOptions}.
 * @example hutchinson(denseOperator(A), { maxProbes: 200, rtol: 0.001, seed: 3 }).interval
 */
export function hutchinson(op: LinearOperator, options: ProbeOptions = {}): Estimate {
  checkSquare(op);
  const o = resolveProbeOptions(options);
  const sample = (first: number, count: number) => {
    const z = probeBlock(o.stream, op.cols, first, count, o.kind);
    return columnDots(z, op.matmat(z));
  };
  return sequentialMean(sample, o);
}

/** @throws {InvalidArgumentError} naming 'op' unless it is square. */
export function checkSquare(op: LinearOperator): void {
  if (op.rows !== op.cols || op.rows === 0)
    throw new InvalidArgumentError(
      'op',
      'must be a square, non-empty operator for a trace',
      `${op.rows}×${op.cols}`,
    );
}
