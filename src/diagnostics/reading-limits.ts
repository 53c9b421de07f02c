// The size limits diagnoseModel applies to each reading of a tensor (WeightWatcher's min_evals,
// max_evals, max_N), and the sentence that says what WeightWatcher itself does with a tensor that
// rmtkit reads its own way (docs/diagnostics.md, "Layer kinds").
import type { WwSlices } from './ww/slices.js';

/** The limits of a reading: pooled eigenvalue counts and N. */
export interface EvalLimits {
  minEvals?: number;
  maxEvals?: number;
  maxN?: number;
}

/**
 * Why the slices are too small or too large to diagnose (pooled count min(N, M)·rf against
 * minEvals, default 10, and maxEvals, default 15000; max(N, M) against maxN, default 50000), or
 * undefined when they fit.
 * @example sizeProblem(slices, { minEvals: 10 }) // 'too small: 9 slices × 1 eigenvalues < min-evals 10'
 */
export function sizeProblem(slices: WwSlices, limits: EvalLimits): string | undefined {
  const m = Math.min(slices.N, slices.M) * slices.rf;
  const minEvals = limits.minEvals ?? 10;
  const maxEvals = limits.maxEvals ?? 15000;
  const what = slices.rf > 1 ? `${slices.rf} slices × ${m / slices.rf}` : `${m}`;
  if (m < minEvals) return `too small: ${what} eigenvalues < min-evals ${minEvals}`;
  if (m > maxEvals) return `too large: ${what} eigenvalues > max-evals ${maxEvals}`;
  const maxN = limits.maxN ?? 50000;
  if (Math.max(slices.N, slices.M) > maxN) return `too large: N > max-N ${maxN}`;
  return undefined;
}

/**
 * What WeightWatcher 0.7.5 does with a tensor, given its slicing: the matrices it cuts and whether
 * layer_supported keeps them. Its test is on M·rf with M as conv2D_Wmats leaves it (after the
 * per-slice swaps), and N against max_N.
 * @example wwVerdict(wwSlices([64, 1, 3, 3], data), {}) // 'WeightWatcher 0.7.5: 9 slices of 64 × 1, M·rf = 9 < min_evals 10: skipped'
 */
export function wwVerdict(ww: WwSlices | string, limits: EvalLimits): string {
  if (typeof ww === 'string') return `WeightWatcher 0.7.5: ${ww}`;
  const first = ww.mats[0]!;
  const cut =
    ww.rf > 1
      ? `${ww.rf} slices of ${first.rows} × ${first.cols}`
      : `one ${first.rows} × ${first.cols} matrix`;
  const count = ww.M * ww.rf;
  const minEvals = limits.minEvals ?? 10;
  const maxEvals = limits.maxEvals ?? 15000;
  const maxN = limits.maxN ?? 50000;
  const verdict =
    count < minEvals
      ? `M·rf = ${count} < min_evals ${minEvals}: skipped`
      : count > maxEvals
        ? `M·rf = ${count} > max_evals ${maxEvals}: skipped`
        : ww.N > maxN
          ? `N = ${ww.N} > max_N ${maxN}: skipped`
          : `analysed (M·rf = ${count})`;
  return `WeightWatcher 0.7.5: ${cut}, ${verdict}`;
}
