import { InvalidArgumentError } from '../errors.js';
import type { LinearOperator } from '../operators/linear-operator.js';
import { sequentialControlled } from './control-variates.js';
import {
  type Estimate,
  type ProbeOptions,
  resolveProbeOptions,
  sequentialMean,
} from './estimate.js';
import { lanczosSteps, type Reorthogonalization } from './lanczos-block.js';
import { probeQuadratures } from './probe-quadrature.js';
import { resolveFunction, type SpectralFunction } from './spectral-function.js';

/** Options of {@link slq}: the probe options plus the Lanczos degree. */
export interface SlqOptions extends ProbeOptions {
  /** Lanczos steps per probe, m (default 20, imate's lanczos_degree). */
  lanczosSteps?: number;
  /** Reorthogonalisation of the Lanczos vectors (default 'none'). */
  reorthogonalize?: Reorthogonalization;
  /**
   * Exact traces [tr A, tr A², …] used as control variates (docs/theory.md §13.9): each probe's
   * zᵀAᵏz comes from the same Gauss rule (exact for k ≤ 2m − 1), and the estimate is the
   * regression of zᵀf(A)z on them evaluated at the known traces. For an explicit matrix they
   * cost O(n²) ({@link powerTraces}) and cut the probe variance by the part of f that a
   * polynomial of degree K captures on the spectrum (6× in standard deviation for log of a
   * Wishart matrix with K = 2). Default: none, the plain mean.
   */
  knownTraces?: readonly number[];
}

/**
 * tr f(A) of a symmetric operator by stochastic Lanczos quadrature (Ubaru, Chen and Saad 2017;
 * docs/theory.md §13): for probes z_i with E[zzᵀ] = I, tr f(A) = E[zᵀf(A)z], and
 * zᵀf(A)z ≈ ‖z‖²·Σ_k τ_k f(θ_k) by the m-point Gauss rule of the Lanczos tridiagonal started at
 * z. The estimate is the mean over probes with its standard error and a Student-t interval;
 * probes are added (batchSize at a time, each batch one matmat per Lanczos step) until the
 * interval's half-width is ≤ rtol·|value| or maxProbes is reached. Probe i comes from
 * randomStream(seed).split(i), so the answer does not depend on batchSize. The interval covers
 * the stochastic error only; the quadrature error decays like exp(−4m/√κ) for log on an SPD
 * matrix of condition κ, so choose m ≳ √κ. For `{ schatten: p }` the value is the norm
 * (tr|A|ᵖ)^{1/p}, its interval the image of the trace's and its standard error by the delta
 * method.
 * @throws {InvalidArgumentError} naming 'op' unless square and marked symmetric (or, for 'log'
 *   and non-integer powers, when a Ritz value is ≤ 0: A is not positive definite), 'fn',
 *   'lanczosSteps', 'reorthogonalize' or an option of {@link ProbeOptions}.
 * @example
 * const op = gramOperator(X, 0.01)
 * slq(op, 'log', { lanczosSteps: 30, minProbes: 30, maxProbes: 30, seed: 1 }) // log det(XᵀX/n + 0.01I)
 */
export function slq(op: LinearOperator, fn: SpectralFunction, options: SlqOptions = {}): Estimate {
  const resolved = resolveFunction(fn);
  const o = resolveProbeOptions(options);
  const steps = lanczosSteps.check('lanczosSteps', options.lanczosSteps ?? 20);
  const reorthogonalize = options.reorthogonalize ?? 'none';
  const traces = checkKnownTraces(options.knownTraces ?? [], steps);
  const sample = (first: number, count: number) => {
    const rules = probeQuadratures(op, o.stream, o.kind, first, count, steps, reorthogonalize);
    const values = new Float64Array(count);
    const covariates = traces.map(() => new Float64Array(count));
    rules.forEach(({ nodes, weights, norm2 }, i) => {
      for (let k = 0; k < nodes.length; k++) {
        if (resolved.positive && !(nodes[k]! > 0))
          throw new InvalidArgumentError(
            'op',
            `must be positive definite for fn ${resolved.name}: a Ritz value is not positive`,
            nodes[k],
          );
        values[i]! += norm2 * weights[k]! * resolved.f(nodes[k]!);
        let power = norm2 * weights[k]!;
        for (const c of covariates) {
          power *= nodes[k]!;
          c[i]! += power;
        }
      }
    });
    return { values, covariates };
  };
  const estimate =
    traces.length > 0
      ? sequentialControlled(sample, o, traces)
      : sequentialMean((first, count) => sample(first, count).values, o);
  return resolved.outer ? mapEstimate(estimate, resolved.outer) : estimate;
}

/** The known traces, each finite, at most 2m − 1 of them (where the Gauss rule is exact). */
function checkKnownTraces(traces: readonly number[], steps: number): readonly number[] {
  if (!Array.isArray(traces) || traces.length > 2 * steps - 1 || !traces.every(Number.isFinite))
    throw new InvalidArgumentError(
      'knownTraces',
      `must be an array of at most 2·lanczosSteps − 1 = ${2 * steps - 1} finite numbers [tr A, tr A², …]`,
      JSON.stringify(traces),
    );
  return traces;
}

/** The image of an estimate under an increasing map g (delta-method standard error). */
function mapEstimate(e: Estimate, g: (t: number) => number): Estimate {
  const h = Math.max(Math.abs(e.value) * 1e-6, 1e-300);
  const slope =
    (g(e.value + h) - g(Math.max(e.value - h, 0))) / (e.value + h - Math.max(e.value - h, 0));
  return {
    ...e,
    value: g(e.value),
    standardError: slope * e.standardError,
    interval: [g(e.interval[0]), g(e.interval[1])],
  };
}
