import { ConvergenceError } from '../../../../errors.js';
import { eigvec2, rotation } from './2x2.js';
import { EPS2, SAFE_MIN, unreducedBlocks } from './block.js';
import { rotateColumns } from './rotate.js';

const MAX_ITER = 30;

/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by implicit QL/QR with Wilkinson
 * shifts (LAPACK dsteqr, compz = 'V'). Every sweep's rotations are stored and then applied to all
 * rows of Z at once ({@link rotateColumns}), so Z ← Z·G accumulates them; pass Z = Q from the
 * Householder reduction to obtain the eigenvectors of the original matrix directly.
 *
 * `d` (n) becomes the eigenvalues, unsorted; `e` (n−1) is destroyed; Z is row-major n×n and its
 * column k ends up as the eigenvector of d[k].
 * @throws {ConvergenceError} ('eigh') after 30·n iterations without convergence.
 * @example const z = identity; eigTridiagonal(d, e, z) // T = Z diag(d) Zᵀ
 */
export function eigTridiagonal(d: Float64Array, e: Float64Array, z: Float64Array): void {
  const n = d.length;
  const cw = new Float64Array(n);
  const sw = new Float64Array(n);
  const out = new Float64Array(4);
  const maxIter = n * MAX_ITER;
  let iter = 0;
  for (const { start: lsv, end: lendsv, scale } of unreducedBlocks(d, e)) {
    let l = lsv;
    let lend = lendsv;
    if (Math.abs(d[lend]!) < Math.abs(d[l]!)) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL: deflate at the top, chase the bulge upwards from the bottom of the block.
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++)
          if (e[mm]! * e[mm]! <= EPS2 * Math.abs(d[mm]!) * Math.abs(d[mm + 1]!) + SAFE_MIN) break;
        if (mm < lend) e[mm] = 0;
        let p = d[l]!;
        if (mm === l) {
          l++;
          continue;
        }
        if (mm === l + 1) {
          eigvec2(d[l]!, e[l]!, d[l + 1]!, out);
          cw[l] = out[2]!;
          sw[l] = out[3]!;
          rotateColumns(z, n, l, 2, cw, sw, l, false);
          d[l] = out[0]!;
          d[l + 1] = out[1]!;
          e[l] = 0;
          l += 2;
          continue;
        }
        if (iter === maxIter) break;
        iter++;
        let g = (d[l + 1]! - p) / (2 * e[l]!);
        let r = Math.hypot(g, 1);
        g = d[mm]! - p + e[l]! / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          rotation(g, f, out);
          c = out[0]!;
          s = out[1]!;
          if (i !== mm - 1) e[i + 1] = out[2]!;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          cw[i] = c;
          sw[i] = -s;
        }
        rotateColumns(z, n, l, mm - l + 1, cw, sw, l, false);
        d[l] = d[l]! - p;
        e[l] = g;
      }
    } else {
      // QR: deflate at the bottom, chase the bulge downwards from the top of the block.
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--)
          if (e[mm - 1]! * e[mm - 1]! <= EPS2 * Math.abs(d[mm]!) * Math.abs(d[mm - 1]!) + SAFE_MIN)
            break;
        if (mm > lend) e[mm - 1] = 0;
        let p = d[l]!;
        if (mm === l) {
          l--;
          continue;
        }
        if (mm === l - 1) {
          eigvec2(d[l - 1]!, e[l - 1]!, d[l]!, out);
          cw[mm] = out[2]!;
          sw[mm] = out[3]!;
          rotateColumns(z, n, l - 1, 2, cw, sw, mm, true);
          d[l - 1] = out[0]!;
          d[l] = out[1]!;
          e[l - 1] = 0;
          l -= 2;
          continue;
        }
        if (iter === maxIter) break;
        iter++;
        let g = (d[l - 1]! - p) / (2 * e[l - 1]!);
        let r = Math.hypot(g, 1);
        g = d[mm]! - p + e[l - 1]! / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mm; i < l; i++) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          rotation(g, f, out);
          c = out[0]!;
          s = out[1]!;
          if (i !== mm) e[i - 1] = out[2]!;
          g = d[i]! - p;
          r = (d[i + 1]! - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          cw[i] = c;
          sw[i] = s;
        }
        rotateColumns(z, n, mm, l - mm + 1, cw, sw, mm, true);
        d[l] = d[l]! - p;
        e[l - 1] = g;
      }
    }
    if (scale !== 1) {
      for (let i = lsv; i <= lendsv; i++) d[i] = d[i]! / scale;
      for (let i = lsv; i < lendsv; i++) e[i] = e[i]! / scale;
    }
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
}
