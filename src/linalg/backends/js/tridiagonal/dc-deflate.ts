/**
 * Deflation step of the divide-and-conquer merge (LAPACK dlaed2) for D + ρ z zᵀ, ρ > 0, ‖z‖ = 1:
 * entries with ρ|z_j| ≤ tol keep their pole as eigenvalue and their column unchanged; two poles
 * closer than tol/|cs| are combined by a Givens rotation of their columns, which zeroes one z
 * entry. What remains has strictly increasing poles and non-zero weights, as the secular solver
 * requires. tol = 8ε·max(max|D|, ρ) bounds the perturbation of the merged matrix.
 */
export interface Deflation {
  /** Local column indices of the surviving (non-deflated) entries, in ascending pole order. */
  kept: number[];
  /** Their poles and weights. */
  poles: Float64Array;
  weights: Float64Array;
  /** Deflated local columns and their (final) eigenvalues. */
  deflated: number[];
  deflatedValues: number[];
  /** Bit 1: the column has entries in the top (first-half) rows; bit 2: in the bottom rows. */
  types: Uint8Array;
}

/**
 * Deflates the merge of two sorted halves. `d`/`z` are local (length N, halves sorted, the first
 * n1 from the top subproblem); the block's columns live in `q` (row-major, row stride `ld`, block
 * origin `off`) and are rotated in place when two poles are combined.
 * @example const defl = deflate(d, z, rho, n1, q, lo * n + lo, n)
 */
export function deflate(
  d: Float64Array,
  z: Float64Array,
  rho: number,
  n1: number,
  q: Float64Array,
  off: number,
  ld: number,
): Deflation {
  const n = d.length;
  const order = mergeOrder(d, n1);
  let dmax = 0;
  for (let j = 0; j < n; j++) dmax = Math.max(dmax, Math.abs(d[j]!));
  const tol = 8 * 2 ** -53 * Math.max(dmax, rho);
  const types = new Uint8Array(n);
  for (let j = 0; j < n; j++) types[j] = j < n1 ? 1 : 2;
  const kept: number[] = [];
  const deflated: number[] = [];
  const deflatedValues: number[] = [];
  let prev = -1;
  for (const j of order) {
    if (rho * Math.abs(z[j]!) <= tol) {
      deflated.push(j);
      deflatedValues.push(d[j]!);
      continue;
    }
    if (prev < 0) {
      prev = j;
      continue;
    }
    const s0 = z[prev]!;
    const c0 = z[j]!;
    const r = Math.hypot(c0, s0);
    const c = c0 / r;
    const s = -s0 / r;
    if (Math.abs((d[j]! - d[prev]!) * c * s) <= tol) {
      // Rotate so that z[prev] vanishes; prev's rotated column then is an eigenvector.
      z[j] = r;
      z[prev] = 0;
      rotateColumns(q, off, ld, n, prev, j, c, s);
      types[prev] = types[j] = types[prev]! | types[j]!;
      const t = d[prev]! * c * c + d[j]! * s * s;
      d[j] = d[prev]! * s * s + d[j]! * c * c;
      d[prev] = t;
      deflated.push(prev);
      deflatedValues.push(t);
    } else {
      kept.push(prev);
    }
    prev = j;
  }
  if (prev >= 0) kept.push(prev);
  const poles = Float64Array.from(kept, (j) => d[j]!);
  const weights = Float64Array.from(kept, (j) => z[j]!);
  return { kept, poles, weights, deflated, deflatedValues, types };
}

/** Indices of d in ascending order, merging the sorted runs [0, n1) and [n1, n). */
function mergeOrder(d: Float64Array, n1: number): number[] {
  const out: number[] = [];
  let a = 0;
  let b = n1;
  while (a < n1 || b < d.length) {
    if (b >= d.length || (a < n1 && d[a]! <= d[b]!)) out.push(a++);
    else out.push(b++);
  }
  return out;
}

/** (x, y) ← (c·x + s·y, c·y − s·x) for local columns x = i, y = j of the block (BLAS drot). */
function rotateColumns(
  q: Float64Array,
  off: number,
  ld: number,
  n: number,
  i: number,
  j: number,
  c: number,
  s: number,
): void {
  for (let r = 0; r < n; r++) {
    const row = off + r * ld;
    const x = q[row + i]!;
    const y = q[row + j]!;
    q[row + i] = c * x + s * y;
    q[row + j] = c * y - s * x;
  }
}
