import { InvalidArgumentError, NonFiniteError } from '../errors.js';
import type { Matrix } from '../linalg/matrix.js';
import { assertFiniteVector, assertLength } from '../linalg/vector.js';

/**
 * Boundary checks shared by the operator constructors: an operator validates its own data once,
 * when it is built, and each product checks only its argument (shape and finiteness, O(size)),
 * then calls the kernels directly, so that a Krylov method does not rescan a d×d matrix on every
 * step.
 */

/**
 * Throws unless `v` has `length` finite entries; returns it.
 * @throws {InvalidArgumentError} naming `name` for a wrong length.
 * @throws {NonFiniteError} naming `name` and the entry (row k, column 0).
 */
export function checkVector(name: string, v: Float64Array, length: number): Float64Array {
  assertLength(name, v, length);
  assertFiniteVector(name, v);
  return v;
}

/**
 * Throws unless `m` has `rows` rows and finite entries; returns it.
 * @throws {InvalidArgumentError} naming `name` for a wrong number of rows.
 * @throws {NonFiniteError} naming `name` and the entry.
 */
export function checkBlock(name: string, m: Matrix, rows: number): Matrix {
  if (m.rows !== rows)
    throw new InvalidArgumentError(name, `must have ${rows} rows to match the operator`, m.rows);
  const { data, cols } = m;
  let poison = 0; // 0 unless some entry is NaN or ±Infinity
  for (let k = 0; k < data.length; k++) poison += data[k]! * 0;
  if (poison !== 0)
    for (let k = 0; k < data.length; k++)
      if (!Number.isFinite(data[k]!))
        throw new NonFiniteError(name, Math.floor(k / cols), k % cols, data[k]!);
  return m;
}
