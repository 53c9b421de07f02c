import { EIGEN_SLOT } from '../eigen/slots.js';
import { isShared } from '../pool/pool.js';
import { scratch } from '../pool/scratch.js';
import { packedLength } from '../products/pack.js';
import { reserveRegions } from '../simd/arena.js';
import { type PanelWork, reducePanel } from './panel.js';
import { symvWork } from './symv.js';
import { type Syr2kWork, syr2kLower, syr2kWork } from './syr2k.js';

/** Q·T·Qᵀ = A: diagonal `d`, off-diagonal `e` (length n−1) and the reflector scalars `tau`. */
export interface Tridiagonal {
  d: Float64Array;
  e: Float64Array;
  tau: Float64Array;
}

/**
 * Panel width: wide enough for the level-3 update to dominate, narrow enough for X, Y to stay in
 * L2.
 */
const BLOCK = 32;
/** Below this trailing size the rest is reduced as one unblocked panel. */
const CROSSOVER = 64;

/**
 * Blocked Householder reduction of a symmetric matrix to tridiagonal form (LAPACK dsytrd, lower):
 * Qᵀ A Q = T with Q = H₀ H₁ … H_{n−2}, H_j = I − τ_j v_j v_jᵀ.
 *
 * `a` (n×n, column-major lower, which is the row-major upper triangle of a symmetric matrix) is
 * overwritten: reflector j lives in a[j+2 … n−1 + j·n] with its leading 1 implicit at row j+1.
 * Each panel of {@link BLOCK} reflectors is built by {@link reducePanel}; the trailing matrix
 * then receives one rank-2·BLOCK update (syr2k), so about half of the 4n³/3 flops run in a
 * register-blocked level-3 kernel instead of level-2 sweeps; that update runs on the worker pool
 * when `a` is SharedArrayBuffer-backed, and on the SIMD kernel when `simdUpdate` (from
 * {@link reductionWorkspace}) is given.
 * @example const { d, e, tau } = tridiagonalize(a, n) // a overwritten with the reflectors
 */
export function tridiagonalize(a: Float64Array, n: number, simdUpdate?: Syr2kWork): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 1, 0));
  const nb = Math.min(BLOCK, n);
  const shared = isShared(a);
  // The last, unblocked panel is the widest one: at most min(n, CROSSOVER) columns.
  const work: PanelWork = {
    w: new Float64Array(n * Math.min(n, CROSSOVER)),
    v: new Float64Array(n),
    beta: new Float64Array(1),
    symv: symvWork(n, shared),
    f: new Float64Array(CROSSOVER),
    g: new Float64Array(CROSSOVER),
  };
  const update = n > CROSSOVER ? (simdUpdate ?? syr2kWork(n, nb, shared)) : undefined;
  let k0 = 0;
  for (; n - k0 > CROSSOVER; k0 += nb) {
    reducePanel(a, n, k0, nb, work, e, tau);
    syr2kLower(a, n, k0, nb, work.w, update!);
    finishPanel(a, n, k0, nb, d, e);
  }
  // Remaining columns: one unblocked panel (its W is never applied, every column is updated
  // lazily).
  reducePanel(a, n, k0, n - k0, work, e, tau);
  finishPanel(a, n, k0, n - k0, d, e);
  return { d, e, tau };
}

/**
 * Room for an n×n reduction: the matrix `a` and, where the SIMD kernel runs, the syr2k buffers
 * next to it in the kernel's memory (so the trailing updates run there); else `a` from the
 * scratch cache. `shared` asks for memory the worker pool can use.
 * @example const { a, update } = reductionWorkspace(n, true); a.set(input); tridiagonalize(a, n, update)
 */
export function reductionWorkspace(
  n: number,
  shared: boolean,
): { a: Float64Array; update?: Syr2kWork } {
  // Below a few panels the copies into the kernel's memory cost more than its speed saves.
  if (n >= 4 * CROSSOVER) {
    const length = packedLength(n, 2 * BLOCK);
    const regions = reserveRegions([n * n, length, length], shared);
    if (regions)
      return {
        a: regions.views[0]!,
        update: { x: regions.views[1]!, y: regions.views[2]!, simd: regions.simd },
      };
  }
  return { a: scratch(EIGEN_SLOT.work, n * n, shared) };
}

/**
 * Restores the off-diagonal entries overwritten by the reflectors' leading 1 and reads the
 * diagonal.
 */
function finishPanel(
  a: Float64Array,
  n: number,
  k0: number,
  nb: number,
  d: Float64Array,
  e: Float64Array,
): void {
  for (let j = k0; j < k0 + nb; j++) {
    d[j] = a[j + j * n]!;
    if (j < n - 1) a[j + 1 + j * n] = e[j]!;
  }
}
