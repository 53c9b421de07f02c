import { NotPositiveDefiniteError } from '../../../../errors.js';
import { isShared } from '../pool/pool.js';
import { SLOT } from '../pool/scratch.js';
import { packRows } from '../products/pack.js';
import { multiplyPacked } from '../products/packed-product.js';
import { solvePanel } from './panel.js';

/** Block size of the Cholesky factorisation: the inner dimension of its trailing updates. */
const NB = 64;

/**
 * Blocked right-looking Cholesky in place on a row-major n×n array: afterwards its lower triangle
 * holds L; the strict upper triangle is left with scratch values. For each block column: factor
 * the diagonal block, solve the panel below it against that factor, then subtract the panel's
 * outer product from the trailing lower triangle with the packed micro-kernel (dsyrk), in parallel
 * when `work` is shared.
 * @throws {NotPositiveDefiniteError} ('a', order) for the first non-positive leading minor.
 * @example factorLower(work, n)
 */
export function factorLower(work: Float64Array, n: number): void {
  const shared = isShared(work);
  for (let j0 = 0; j0 < n; j0 += NB) {
    const jb = Math.min(NB, n - j0);
    const j1 = j0 + jb;
    factorDiagonalBlock(work, n, j0, jb);
    if (j1 === n) break;
    solvePanel(work, n, j0, jb);
    const panel = packRows(work, j1 * n + j0, n, n - j1, jb, false, SLOT.packA, shared);
    multiplyPacked(panel, panel, work, j1 * n + j1, n, { alpha: -1, part: 'lower' });
  }
}

/**
 * Unblocked Cholesky–Crout of the jb×jb diagonal block at (j0, j0): row-contiguous dot products.
 */
function factorDiagonalBlock(w: Float64Array, n: number, j0: number, jb: number): void {
  for (let i = j0; i < j0 + jb; i++) {
    const ri = i * n;
    for (let j = j0; j <= i; j++) {
      const rj = j * n;
      let s = w[ri + j]!;
      for (let p = j0; p < j; p++) s -= w[ri + p]! * w[rj + p]!;
      if (j < i) {
        w[ri + j] = s / w[rj + j]!;
      } else {
        // `!(s > 0)` also catches NaN, as LAPACK's disnan check does.
        if (!(s > 0)) throw new NotPositiveDefiniteError('a', i + 1);
        w[ri + i] = Math.sqrt(s);
      }
    }
  }
}
