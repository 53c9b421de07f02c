import type { SignedLogdet } from '../../../kernels.js';
import type { Matrix } from '../../../matrix.js';

/**
 * ln |det A| and the sign of det A for a square A through LU with partial pivoting, PA = LU
 * (LAPACK dgetf2, right-looking, on a copy): det A = (−1)^(interchanges) · Π U_ii. The sum of
 * logarithms never overflows, unlike the product. A zero pivot (A singular in floating point)
 * gives { logAbsDet: −∞, sign: 0 }, as numpy's slogdet does (Golub and Van Loan, §3.4).
 * @example luLogdet(Matrix.fromRows([[0, 1], [2, 3]])) // { logAbsDet: ln 2, sign: −1 }
 */
export function luLogdet(a: Matrix): SignedLogdet {
  const n = a.rows;
  const w = Float64Array.from(a.data);
  let sum = 0;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    // The pivot: the entry of largest magnitude in column k on or below the diagonal (the first
    // such, as idamax picks it).
    let p = k;
    let best = Math.abs(w[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(w[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return { logAbsDet: -Infinity, sign: 0 };
    if (p !== k) {
      sign = -sign;
      for (let j = k; j < n; j++) {
        const t = w[k * n + j]!;
        w[k * n + j] = w[p * n + j]!;
        w[p * n + j] = t;
      }
    }
    const pivot = w[k * n + k]!;
    if (pivot < 0) sign = -sign;
    sum += Math.log(best);
    const rowK = k * n;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const l = w[rowI + k]! / pivot;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) w[rowI + j]! -= l * w[rowK + j]!;
    }
  }
  return { logAbsDet: sum, sign };
}
