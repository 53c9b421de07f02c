import type { SignedLogdet } from '../../../kernels.js';
import type { Matrix } from '../../../matrix.js';

/** Bunch–Kaufman's pivot threshold (1 + √17)/8, which bounds the growth of the entries. */
const ALPHA = (1 + Math.sqrt(17)) / 8;

/**
 * ln |det A| and the sign of det A for a symmetric A through the Bunch–Kaufman factorisation
 * PAPᵀ = LDLᵀ with 1×1 and 2×2 pivot blocks (LAPACK dsytf2's pivot rule, unblocked, on a full
 * symmetric copy): det A = det D, the product of the 1×1 pivots and of the 2×2 blocks'
 * determinants (Golub and Van Loan, §4.4.4; Bunch and Kaufman, Math. Comp. 31, 1977). A zero
 * pivot column gives { logAbsDet: −∞, sign: 0 }. Only the lower triangle of A is read.
 * @example ldlLogdet(Matrix.fromRows([[0, 1], [1, 0]])) // { logAbsDet: 0, sign: −1 }
 */
export function ldlLogdet(a: Matrix): SignedLogdet {
  const n = a.rows;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = a.data[i * n + j]!;
      w[i * n + j] = v;
      w[j * n + i] = v;
    }
  }
  let sum = 0;
  let sign = 1;
  let k = 0;
  while (k < n) {
    const absakk = Math.abs(w[k * n + k]!);
    let imax = k;
    let colmax = 0;
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(w[i * n + k]!);
      if (v > colmax) {
        colmax = v;
        imax = i;
      }
    }
    if (Math.max(absakk, colmax) === 0) return { logAbsDet: -Infinity, sign: 0 };
    let kp = k;
    let step = 1;
    if (absakk < ALPHA * colmax) {
      let rowmax = 0;
      for (let j = k; j < n; j++)
        if (j !== imax) rowmax = Math.max(rowmax, Math.abs(w[imax * n + j]!));
      if (absakk >= ALPHA * colmax * (colmax / rowmax)) kp = k;
      else if (Math.abs(w[imax * n + imax]!) >= ALPHA * rowmax) kp = imax;
      else {
        kp = imax;
        step = 2;
      }
    }
    const kk = k + step - 1; // the row and column that trade places with kp
    if (kp !== kk) swapSymmetric(w, n, kk, kp);
    if (step === 1) {
      const d = w[k * n + k]!;
      if (d < 0) sign = -sign;
      sum += Math.log(Math.abs(d));
      for (let i = k + 1; i < n; i++) {
        const l = w[i * n + k]! / d;
        if (l === 0) continue;
        for (let j = k + 1; j < n; j++) w[i * n + j]! -= l * w[k * n + j]!;
      }
    } else {
      // D = [a b; b c], det D = (a/b · c/b − 1)·b², inverted in dsytf2's scaled form.
      const b = w[(k + 1) * n + k]!;
      const d11 = w[(k + 1) * n + k + 1]! / b;
      const d22 = w[k * n + k]! / b;
      const t = d11 * d22 - 1;
      if (t === 0) return { logAbsDet: -Infinity, sign: 0 };
      if (t < 0) sign = -sign;
      sum += Math.log(Math.abs(t)) + 2 * Math.log(Math.abs(b));
      const d21 = 1 / t / b;
      for (let i = k + 2; i < n; i++) {
        const x = w[i * n + k]!;
        const y = w[i * n + k + 1]!;
        const wk = d21 * (d11 * x - y);
        const wk1 = d21 * (d22 * y - x);
        for (let j = k + 2; j < n; j++)
          w[i * n + j]! -= wk * w[k * n + j]! + wk1 * w[(k + 1) * n + j]!;
      }
    }
    k += step;
  }
  return { logAbsDet: sum, sign };
}

/** P·W·Pᵀ for the transposition P of indices p < q (rows, then columns) of the full matrix w. */
function swapSymmetric(w: Float64Array, n: number, p: number, q: number): void {
  for (let j = 0; j < n; j++) {
    const t = w[p * n + j]!;
    w[p * n + j] = w[q * n + j]!;
    w[q * n + j] = t;
  }
  for (let i = 0; i < n; i++) {
    const t = w[i * n + p]!;
    w[i * n + p] = w[i * n + q]!;
    w[i * n + q] = t;
  }
}
