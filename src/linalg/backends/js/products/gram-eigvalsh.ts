import type { Matrix } from '../../../matrix.js';
import { eigvalsh } from '../eigen/eigen.js';
import { gram } from './gram.js';

/**
 * Eigenvalues, ascending, of scale·XᵀX or (outer) scale·XXᵀ: the JS backend's gram and eigvalsh
 * in turn (the native backend fuses them); all NaN when the Gram matrix has a non-finite
 * diagonal, as the native kernel reports it. The product is always in double precision: `single`
 * only allows a backend to round (the native one does, for speed), and exact products meet the
 * single-precision accuracy the caller accepted.
 * @example gramEigvalsh(x, 1, false, false) // the squared singular values of x, ascending
 */
export function gramEigvalsh(
  x: Matrix,
  scale: number,
  outer: boolean,
  _single: boolean,
): Float64Array {
  const g = gram(outer ? x.transpose() : x, scale);
  for (let i = 0; i < g.rows; i++)
    if (!Number.isFinite(g.data[i * g.rows + i]!)) return new Float64Array(g.rows).fill(NaN);
  return eigvalsh(g);
}
