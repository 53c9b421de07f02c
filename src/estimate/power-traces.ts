import { InvalidArgumentError } from '../errors.js';
import type { Matrix } from '../linalg/matrix.js';

/**
 * [tr A, tr A²] of an explicit symmetric matrix in O(n²): the diagonal sum and the squared
 * Frobenius norm (tr A² = Σ_ij a_ij² when A = Aᵀ). These are the control variates that
 * `slq(…, { knownTraces })` uses (docs/theory.md §13.9); the matrix's symmetry is the caller's
 * to check (slq needs it anyway).
 * @throws {InvalidArgumentError} naming 'a' unless square.
 * @example powerTraces(Matrix.fromRows([[2, 1], [1, 3]])) // [5, 15]
 */
export function powerTraces(a: Matrix): [number, number] {
  if (a.rows !== a.cols)
    throw new InvalidArgumentError('a', 'must be square', `${a.rows}×${a.cols}`);
  let trace = 0;
  let squares = 0;
  const data = a.data;
  for (let i = 0; i < a.rows; i++) trace += data[i * a.cols + i]!;
  for (let k = 0; k < data.length; k++) squares += data[k]! * data[k]!;
  return [trace, squares];
}
