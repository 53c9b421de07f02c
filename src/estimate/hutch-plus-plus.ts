import { interval } from '../constraints.js';
import { qr } from '../linalg/api.js';
import { kernel } from '../linalg/backend.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { columnDots } from './columns.js';
import {
  type Estimate,
  type ProbeOptions,
  resolveProbeOptions,
  sequentialMean,
} from './estimate.js';
import { checkSquare } from './hutchinson.js';
import { probeBlock } from './probes.js';

/** Options of {@link hutchPlusPlus}: the probe options plus the sketch size. */
export interface HutchPlusPlusOptions extends ProbeOptions {
  /** Columns s of the range sketch AS (default minProbes; at most the dimension). */
  sketchSize?: number;
}

/** The sketch size of {@link hutchPlusPlus}: an integer ≥ 1. */
export const sketchSizeConstraint = interval(1, Infinity, '[)', { integer: true });

/**
 * The trace of a square operator by Hutch++ (Meyer, Musco, Musco and Woodruff 2021;
 * docs/theory.md §13): Q = orth(AS) for an n×s sketch S of probes, then
 * tr A = tr(QᵀAQ) + tr((I − QQᵀ)A(I − QQᵀ)), the first part computed exactly and the second by
 * Hutchinson with deflated probes (I − QQᵀ)z. When A has a decaying spectrum the deflated part
 * and its variance are small: the relative error falls like 1/m with m matvecs instead of
 * 1/√m. The standard error and the interval are those of the Hutchinson part (the deflated
 * probes are i.i.d. given Q); the stopping rule and the seeds are those of {@link hutchinson}.
 * Sketch column j comes from randomStream(seed).split('hutch++').split(j). Matvecs: 2s + probes.
 * @throws {InvalidArgumentError} naming 'op' unless it is square, 'sketchSize' unless an
 *   integer in [1, n], or an option of {@link ProbeOptions}.
 * @example hutchPlusPlus(op, { sketchSize: 20, maxProbes: 20, rtol: 0, seed: 1 }).value
 */
export function hutchPlusPlus(op: LinearOperator, options: HutchPlusPlusOptions = {}): Estimate {
  checkSquare(op);
  const o = resolveProbeOptions(options);
  const n = op.cols;
  const s = sketchSizeConstraint.check(
    'sketchSize',
    options.sketchSize ?? Math.min(o.minProbes, n),
  );
  interval(1, n, '[]', { integer: true }).check('sketchSize', s);
  const sketch = probeBlock(o.stream.split('hutch++'), n, 0, s, o.kind);
  const { q } = qr(op.matmat(sketch));
  const exact = columnDots(q, op.matmat(q)).reduce((a, b) => a + b, 0);
  const gemm = kernel('gemm');
  const sample = (first: number, count: number) => {
    const z = probeBlock(o.stream, n, first, count, o.kind);
    const projected = gemm(q, gemm(q, z, true, false, 1), false, false, 1);
    for (let k = 0; k < z.data.length; k++) z.data[k]! -= projected.data[k]!;
    return columnDots(z, op.matmat(z));
  };
  return sequentialMean(sample, o, exact);
}
