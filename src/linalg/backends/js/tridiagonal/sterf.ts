import { ConvergenceError } from '../../../../errors.js';
import { eig2 } from './2x2.js';
import { EPS2, unreducedBlocks } from './block.js';

/** Iterations allowed per eigenvalue, as in LAPACK. */
const MAX_ITER = 30;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the root-free QL/QR iteration of Pal, Walker
 * and Kahan (LAPACK dsterf): O(n²) work, no square roots in the inner loop because it runs on the
 * squared off-diagonal. For each unreduced block it picks QL or QR so that the iteration chases
 * towards the end with the smaller diagonal entry (graded matrices stay accurate).
 *
 * `d` (length n) is overwritten with the eigenvalues in ascending order; `e` (length n−1) is
 * destroyed.
 * @throws {ConvergenceError} ('eigh') after 30·n iterations without convergence.
 * @example const d = new Float64Array([2, 2]); eigvalsTridiagonal(d, new Float64Array([1])) // d = [1, 3]
 */
export function eigvalsTridiagonal(d: Float64Array, e: Float64Array): void {
  const n = d.length;
  const out = new Float64Array(2);
  const maxIter = n * MAX_ITER;
  let iter = 0;
  for (const { start: lsv, end: lendsv, scale } of unreducedBlocks(d, e)) {
    let l = lsv;
    let lend = lendsv;
    for (let i = l; i < lend; i++) e[i] = e[i]! * e[i]!;
    if (Math.abs(d[lend]!) < Math.abs(d[l]!)) {
      lend = lsv;
      l = lendsv;
    }
    if (lend >= l) {
      // QL iteration: eigenvalues converge at the top (index l).
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) if (Math.abs(e[mm]!) <= EPS2 * Math.abs(d[mm]! * d[mm + 1]!)) break;
        if (mm < lend) e[mm] = 0;
        let p = d[l]!;
        if (mm === l) {
          d[l] = p;
          l++;
          continue;
        }
        if (mm === l + 1) {
          eig2(d[l]!, Math.sqrt(e[l]!), d[l + 1]!, out);
          d[l] = out[0]!;
          d[l + 1] = out[1]!;
          e[l] = 0;
          l += 2;
          continue;
        }
        if (iter === maxIter) break;
        iter++;
        const rte = Math.sqrt(e[l]!);
        let sigma = (d[l + 1]! - p) / (2 * rte);
        const r0 = Math.hypot(sigma, 1);
        sigma = p - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c = 1;
        let s = 0;
        let gamma = d[mm]! - sigma;
        p = gamma * gamma;
        for (let i = mm - 1; i >= l; i--) {
          const bb = e[i]!;
          const r = p + bb;
          if (i !== mm - 1) e[i + 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = d[i]!;
          gamma = c * (alpha - sigma) - s * oldgam;
          d[i + 1] = oldgam + (alpha - gamma);
          p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
        }
        e[l] = s * p;
        d[l] = sigma + gamma;
      }
    } else {
      // QR iteration: eigenvalues converge at the bottom (index l, moving down to lend).
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--)
          if (Math.abs(e[mm - 1]!) <= EPS2 * Math.abs(d[mm]! * d[mm - 1]!)) break;
        if (mm > lend) e[mm - 1] = 0;
        let p = d[l]!;
        if (mm === l) {
          d[l] = p;
          l--;
          continue;
        }
        if (mm === l - 1) {
          eig2(d[l]!, Math.sqrt(e[l - 1]!), d[l - 1]!, out);
          d[l] = out[0]!;
          d[l - 1] = out[1]!;
          e[l - 1] = 0;
          l -= 2;
          continue;
        }
        if (iter === maxIter) break;
        iter++;
        const rte = Math.sqrt(e[l - 1]!);
        let sigma = (d[l - 1]! - p) / (2 * rte);
        const r0 = Math.hypot(sigma, 1);
        sigma = p - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c = 1;
        let s = 0;
        let gamma = d[mm]! - sigma;
        p = gamma * gamma;
        for (let i = mm; i < l; i++) {
          const bb = e[i]!;
          const r = p + bb;
          if (i !== mm) e[i - 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = d[i + 1]!;
          gamma = c * (alpha - sigma) - s * oldgam;
          d[i] = oldgam + (alpha - gamma);
          p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
        }
        e[l - 1] = s * p;
        d[l] = sigma + gamma;
      }
    }
    if (scale !== 1) for (let i = lsv; i <= lendsv; i++) d[i] = d[i]! / scale;
    if (iter >= maxIter) {
      let unconverged = 0;
      for (let i = 0; i < n - 1; i++) if (e[i] !== 0) unconverged++;
      if (unconverged > 0)
        throw new ConvergenceError(
          'eigh',
          `${unconverged} off-diagonal entries of the tridiagonal matrix did not vanish after ${maxIter} QL/QR iterations`,
        );
    }
  }
  d.sort();
}
