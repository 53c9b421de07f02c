import { svd } from '../../linalg/api.js';
import type { Matrix } from '../../linalg/matrix.js';

/** WeightWatcher's pooled ESD of a layer (combined_eigenvalues) with its SVD byproducts. */
export interface WwEsd {
  /** λ = s² of every slice (scaled), pooled, ascending. */
  evals: Float64Array;
  /** Largest singular value over the slices. */
  svMax: number;
  /** max over slices of the smallest singular value (WeightWatcher's sv_min, as computed there). */
  svMin: number;
  /** Σ over slices of #s − #{s > s_max·N·ε} (calc_rank_loss, N the layer's N). */
  rankLoss: number;
}

/**
 * The singular values of each matrix (LAPACK SVD, values kept to full relative accuracy, unlike
 * Gram eigenvalues) times `scale`, squared and pooled: WeightWatcher's combined_eigenvalues with
 * n_comp = all values (its default).
 * @example wwEsd([W], W.rows, 1).evals
 */
export function wwEsd(mats: readonly Matrix[], N: number, scale: number): WwEsd {
  return wwEsdFromSingular(
    mats.map((w) => singularValues(w, 1)),
    N,
    scale,
  );
}

/**
 * {@link wwEsd} from the unscaled singular values of each matrix, computed once per layer and
 * shared with rmtkit's own metrics (the unscaled s² pooled): no second decomposition.
 * @example wwEsdFromSingular((await sliceSpectra(mats)).singular, N, scale).evals
 */
export function wwEsdFromSingular(svs: readonly Float64Array[], N: number, scale: number): WwEsd {
  const parts: Float64Array[] = [];
  let svMax = 0;
  let svMin = 0;
  let rankLoss = 0;
  for (const unscaled of svs) {
    const s = scale === 1 ? unscaled : unscaled.map((v) => v * scale);
    let top = 0;
    let low = Infinity;
    for (const v of s) {
      top = Math.max(top, v);
      low = Math.min(low, v);
    }
    svMax = Math.max(svMax, top);
    svMin = Math.max(svMin, low);
    const tol = top * N * Number.EPSILON;
    let rank = 0;
    for (const v of s) if (v > tol) rank++;
    rankLoss += s.length - rank;
    parts.push(s.map((v) => v * v));
  }
  return { evals: concatSorted(parts), svMax, svMin, rankLoss };
}

/**
 * The pooled ESD of randomised copies: for each replica and each matrix, its entries permuted by
 * the next permutation of `perms` (in order: replica-major, then matrix), WeightWatcher's
 * random_eigenvalues.
 * @example wwRandomEvals([W], 1, [perm]).length
 */
export function wwRandomEvals(
  mats: readonly Matrix[],
  scale: number,
  perms: readonly Int32Array[],
): Float64Array {
  const parts: Float64Array[] = [];
  let k = 0;
  while (k < perms.length)
    for (const w of mats) {
      parts.push(singularValues(permuted(w, perms[k++]!), scale).map((v) => v * v));
    }
  return concatSorted(parts);
}

function permuted(w: Matrix, p: Int32Array): Matrix {
  const out = w.clone();
  for (let i = 0; i < p.length; i++) out.data[i] = w.data[p[i]!]!;
  return out;
}

function singularValues(w: Matrix, scale: number): Float64Array {
  const x = w.rows >= w.cols ? w : w.transpose();
  const s = svd(x).s;
  return scale === 1 ? s : s.map((v) => v * scale);
}

function concatSorted(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out.sort();
}
