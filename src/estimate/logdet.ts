import { InvalidArgumentError, NotPositiveDefiniteError } from '../errors.js';
import { ldlLogdet, luLogdet } from '../linalg/api.js';
import { assertFinite, assertSquare, assertSymmetric, type Matrix } from '../linalg/matrix.js';
import { type LogDeterminant, logdetCholesky } from './logdet-cholesky.js';

/** What {@link logdet} may assume about A, which picks the factorisation. */
export const LOGDET_STRUCTURES = ['auto', 'spd', 'symmetric', 'general'] as const;
export type LogdetStructure = (typeof LOGDET_STRUCTURES)[number];

/** The factorisation that gave a log-determinant. */
export type LogdetMethod = 'cholesky' | 'ldl' | 'lu';

/** A log-determinant with the factorisation that computed it. */
export interface ExactLogDeterminant extends LogDeterminant {
  method: LogdetMethod;
}

/**
 * The exact log-determinant and sign of a square matrix, det A = sign·exp(logAbsDet), from the
 * cheapest factorisation its structure allows (docs/theory.md §13; Golub and Van Loan, Matrix
 * Computations, §3.4, §4.2, §4.4): 'spd' by Cholesky (n³/3 flops, ln det A = 2 Σ ln L_ii),
 * 'symmetric' by Bunch–Kaufman LDLᵀ (n³/3, det A = det D), 'general' by LU with partial
 * pivoting (2n³/3, det A = ±Π U_ii). 'auto' (the default) takes Cholesky for a symmetric A with a
 * positive diagonal, falls back to LDLᵀ when that Cholesky meets a non-positive pivot or the
 * diagonal is not positive, and uses LU when A is not symmetric (to 1e-10 relative). A singular A
 * gives { logAbsDet: −∞, sign: 0 } from LDLᵀ and LU.
 * @throws {InvalidArgumentError} naming 'a' when it is not square or empty, or not symmetric
 *   for 'spd' and 'symmetric'; naming 'structure' when it is not one of LOGDET_STRUCTURES.
 * @throws {NonFiniteError} naming 'a' and the entry.
 * @throws {NotPositiveDefiniteError} for 'spd' when A is not positive definite.
 * @example logdet(Matrix.fromRows([[1, 2], [2, 1]])) // { logAbsDet: ln 3, sign: −1, method: 'ldl' }
 */
export function logdet(
  a: Matrix,
  options: { structure?: LogdetStructure } = {},
): ExactLogDeterminant {
  const structure = options.structure ?? 'auto';
  if (!(LOGDET_STRUCTURES as readonly string[]).includes(structure)) {
    throw new InvalidArgumentError(
      'structure',
      `must be one of ${LOGDET_STRUCTURES.join(', ')}`,
      structure,
    );
  }
  switch (structure) {
    case 'spd':
      return { ...logdetCholesky(a), method: 'cholesky' };
    case 'symmetric':
      return signed(ldlLogdet(a), 'ldl');
    case 'general':
      return signed(luLogdet(a), 'lu');
  }
  assertSquare('a', a);
  assertFinite('a', a);
  if (!isSymmetric(a)) return signed(luLogdet(a), 'lu');
  if (positiveDiagonal(a)) {
    try {
      return { ...logdetCholesky(a), method: 'cholesky' };
    } catch (error) {
      if (!(error instanceof NotPositiveDefiniteError)) throw error;
    }
  }
  return signed(ldlLogdet(a), 'ldl');
}

function signed(r: { logAbsDet: number; sign: number }, method: LogdetMethod): ExactLogDeterminant {
  return { logAbsDet: r.logAbsDet, sign: r.sign as 1 | -1 | 0, method };
}

function isSymmetric(a: Matrix): boolean {
  try {
    assertSymmetric('a', a);
    return true;
  } catch (error) {
    if (error instanceof InvalidArgumentError) return false;
    throw error;
  }
}

function positiveDiagonal(a: Matrix): boolean {
  const n = a.rows;
  for (let i = 0; i < n; i++) if (!(a.data[i * n + i]! > 0)) return false;
  return true;
}
