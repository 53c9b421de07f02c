// How diagnoseModel gets the singular values of a layer's matrices: the M×M Gram matrix and its
// eigenvalues in one native job (gramEigvalsh: dsyrk, then dsyevd or from M = 2048 the two-stage
// reduction) when they resolve the whole spectrum (about a quarter of an SVD's work, and what
// makes 4096 × 11008 layers fast), an SVD otherwise. docs/diagnostics.md, "Large layers".
import { gramEigvalshBorrowedAsync, svdAsync } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import type { SpectrumRoute } from './spectrum-route.js';

/** The singular values of each matrix and the route that gave them. */
export interface SliceSpectra {
  /** Unscaled singular values of each matrix, descending. */
  singular: Float64Array[];
  /**
   * 'gram', 'svd' or 'gram-single' when every matrix took that route, 'gram+svd' when they
   * differed.
   */
  method: 'gram' | 'svd' | 'gram+svd' | 'gram-single';
}

/**
 * Safety factor of {@link gramResolved}: every eigenvalue must exceed the Gram route's error
 * scale (N + M)·ε·λmax (a bound on each eigenvalue's absolute error, tested; observed errors are
 * below 1e-3 of it) this many times, so that no eigenvalue is noise and rank decisions are the
 * SVD's. The smallest eigenvalues then carry relative errors up to 1/RESOLUTION by the bound
 * (≤ 1e-5 at the observed errors); the metrics, dominated by the larger ones, agree with the SVD's
 * to 1e-8.
 */
export const RESOLUTION = 100;

/**
 * Whether Gram eigenvalues (ascending) of an N×M matrix stand for its squared singular values at
 * the accuracy the diagnostics need: the smallest is at least RESOLUTION·(N + M)·ε·λmax (so rank
 * and rank loss come out as the SVD's), and none lies within 1/RESOLUTION relative of a decision
 * level (`levels`: weak-rank tolerance, fit thresholds, in the units of `evals`), where the error
 * could flip a count.
 * @example gramResolved(Float64Array.of(1, 4), 3, 2, [1e-6]) // true
 */
export function gramResolved(
  evals: Float64Array,
  N: number,
  M: number,
  levels: readonly number[] = [],
): boolean {
  const top = evals[evals.length - 1] ?? 0;
  if (!(top > 0)) return false;
  const error = (N + M) * Number.EPSILON * top;
  if (!(evals[0]! >= RESOLUTION * error)) return false;
  const band = 1 / RESOLUTION;
  for (const level of levels)
    for (const v of evals) if (Math.abs(v - level) <= band * Math.max(v, level)) return false;
  return true;
}

/**
 * The unscaled singular values (descending) of each matrix, each oriented N×M with N ≥ M, by the
 * chosen route; the decompositions run off the main thread, one at a time (each uses every core).
 * The Gram route reads the matrices' entries in place, without a copy (gramEigvalshBorrowedAsync):
 * they must stay unmodified until the promise settles; they are never modified.
 * @example (await sliceSpectra(slices.mats, 'auto', [1e-6, 1e-5])).singular[0]
 */
export async function sliceSpectra(
  mats: readonly Matrix[],
  route: SpectrumRoute = 'auto',
  levels: readonly number[] = [],
): Promise<SliceSpectra> {
  const singular: Float64Array[] = [];
  if (route === 'gram-single') {
    for (const w of mats) {
      const evals = await gramEigvalshBorrowedAsync(w, {
        outer: w.rows < w.cols,
        precision: 'single',
      });
      singular.push(singularValues(evals));
    }
    return { singular, method: 'gram-single' };
  }
  const used = new Set<'gram' | 'svd'>();
  for (const w of mats) {
    // Oriented N×M with N ≥ M: the Gram matrix is WᵀW, or WWᵀ of a wide W (no transposed copy).
    const wide = w.rows < w.cols;
    let s: Float64Array | undefined;
    if (route !== 'svd') {
      const evals = await gramEigvalshBorrowedAsync(w, { outer: wide });
      const [N, M] = wide ? [w.cols, w.rows] : [w.rows, w.cols];
      if (route === 'gram' || gramResolved(evals, N, M, levels)) {
        s = singularValues(evals);
        used.add('gram');
      }
    }
    if (!s) {
      s = (await svdAsync(wide ? w.transpose() : w)).s;
      used.add('svd');
    }
    singular.push(s);
  }
  return { singular, method: used.size === 2 ? 'gram+svd' : used.has('gram') ? 'gram' : 'svd' };
}

/** Singular values, descending, from Gram eigenvalues (ascending; rounding may make some < 0). */
function singularValues(evals: Float64Array): Float64Array {
  return Float64Array.from(evals, (v) => Math.sqrt(Math.max(0, v))).reverse();
}
