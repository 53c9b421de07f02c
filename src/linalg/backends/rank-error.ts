import { InvalidArgumentError } from '../../errors.js';

/**
 * The error both backends throw when a least-squares solve meets an exactly zero diagonal entry
 * R(j, j) of A's Householder QR factor (LAPACK dgels reports info = j + 1): the columns of A are
 * linearly dependent, so the minimiser is not unique.
 * @example throw rankDeficientError(2) // invalid argument: a must have full column rank; …
 */
export function rankDeficientError(column: number): InvalidArgumentError {
  return new InvalidArgumentError(
    'a',
    `must have full column rank; diagonal entry (${column}, ${column}) of its QR factor R is zero`,
  );
}
