import type { Estimate, ResolvedProbeOptions } from './estimate.js';
import { studentQuantile } from './student-t.js';

/**
 * The regression (control-variate) estimate of E[y] from probe values y_i with covariates x_ik
 * whose means μ_k are known exactly (docs/theory.md §13.9; for SLQ, y_i = z_iᵀf(A)z_i,
 * x_ik = z_iᵀAᵏz_i and μ_k = tr Aᵏ). Least squares fits y = β₀ + Σ_k β_k (x_k − μ_k) + e; β₀,
 * the fit at the known means, is the estimate. With M = QR the design matrix, β₀ = wᵀy for
 * w = Q R⁻ᵀe₀, so its standard error is s‖w‖ with s² = RSS/(N − 1 − p), and the interval is
 * Student-t with N − 1 − p degrees of freedom. A covariate that is numerically constant or a
 * combination of earlier ones is dropped (as is any beyond N − 2), so p ≤ the number given; with
 * none left this is the plain mean with its t interval.
 * @example controlledEstimate([1, 2, 3], [[0, 1, 2]], [1], 0.95).value // 2, fitted exactly
 */
export function controlledEstimate(
  values: ArrayLike<number>,
  covariates: readonly ArrayLike<number>[],
  means: readonly number[],
  confidence: number,
  converged = false,
): Estimate {
  const n = values.length;
  const q: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(n))];
  // u solves Rᵀu = e₀ column by column: u₀ = 1/r₀₀ = 1/√n, u_j = −(Σ_{i<j} r_ij u_i)/r_jj.
  const u: number[] = [1 / Math.sqrt(n)];
  for (let k = 0; k < covariates.length && q.length < n - 1; k++) {
    const x = covariates[k]!;
    const v = Float64Array.from({ length: n }, (_, i) => x[i]! - means[k]!);
    const scale = norm(v);
    let projected = 0;
    for (let j = 0; j < q.length; j++) {
      const r = dot(q[j]!, v);
      for (let i = 0; i < n; i++) v[i]! -= r * q[j]![i]!;
      projected += r * u[j]!;
    }
    const rjj = norm(v);
    if (!(rjj > 1e-8 * scale)) continue;
    for (let i = 0; i < n; i++) v[i]! /= rjj;
    q.push(v);
    u.push(-projected / rjj);
  }
  const w = new Float64Array(n);
  const residual = Float64Array.from(values);
  for (let j = 0; j < q.length; j++) {
    const c = dot(q[j]!, residual);
    for (let i = 0; i < n; i++) {
      w[i]! += u[j]! * q[j]![i]!;
      residual[i]! -= c * q[j]![i]!;
    }
  }
  const value = dot(w, values);
  const dof = n - q.length;
  const standardError = dof > 0 ? (norm(residual) / Math.sqrt(dof)) * norm(w) : NaN;
  const half = dof > 0 ? studentQuantile((1 + confidence) / 2, dof) * standardError : NaN;
  return { value, standardError, interval: [value - half, value + half], probes: n, converged };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

const norm = (a: ArrayLike<number>) => Math.sqrt(dot(a, a));

/** Probe values and, per covariate, the probes' covariate values (same order). */
export interface ControlledSample {
  values: Float64Array;
  covariates: readonly Float64Array[];
}

/**
 * {@link sequentialMean} with control variates: probes are drawn in batches and, after every
 * single probe from minProbes on, the regression estimate {@link controlledEstimate} is checked
 * against the relative target, so the stopping point does not depend on the batch size.
 */
export function sequentialControlled(
  sample: (first: number, count: number) => ControlledSample,
  o: ResolvedProbeOptions,
  means: readonly number[],
): Estimate {
  const values: number[] = [];
  const covariates: number[][] = means.map(() => []);
  const estimate = (converged: boolean) =>
    controlledEstimate(values, covariates, means, o.confidence, converged);
  while (values.length < o.maxProbes) {
    const batch = sample(values.length, Math.min(o.batchSize, o.maxProbes - values.length));
    for (let b = 0; b < batch.values.length; b++) {
      values.push(batch.values[b]!);
      for (let k = 0; k < means.length; k++) covariates[k]!.push(batch.covariates[k]![b]!);
      if (values.length < o.minProbes || o.rtol === 0) continue;
      const e = estimate(true);
      if ((e.interval[1] - e.interval[0]) / 2 <= o.rtol * Math.abs(e.value)) return e;
    }
  }
  return estimate(false);
}
