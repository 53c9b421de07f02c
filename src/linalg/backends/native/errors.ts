import { ConvergenceError, NotPositiveDefiniteError } from '../../../errors.js';
import type { KernelName } from '../../kernels.js';
import { rankDeficientError } from '../rank-error.js';
import type { NativeLapackError } from './addon.js';

/**
 * Turns a LAPACK failure reported by the addon into rmtkit's typed errors, like the JS backend:
 * dpotrf/dpotri info > 0 → NotPositiveDefiniteError('a', order of the failing leading minor);
 * dsyevd/dgesdd info > 0 → ConvergenceError naming the kernel; dgels info > 0 →
 * InvalidArgumentError('a', 'must have full column rank; …') naming R's zero diagonal entry.
 * Anything else (info < 0 is an argument the binding got wrong) is returned unchanged.
 * @example throw translateNativeError(error, 'cholesky')
 */
export function translateNativeError(error: unknown, kernel: KernelName): unknown {
  if (!isLapackError(error) || error.info <= 0) return error;
  switch (error.routine) {
    case 'dpotrf':
    case 'dpotri':
      return new NotPositiveDefiniteError('a', error.info);
    case 'dsyevd':
      return new ConvergenceError(
        kernel,
        `LAPACK dsyevd: ${error.info} off-diagonal elements of an intermediate tridiagonal form did not converge to zero`,
      );
    case 'dgesdd':
      return new ConvergenceError(
        kernel,
        `LAPACK dgesdd: the divide-and-conquer updating process failed (info = ${error.info})`,
      );
    case 'dgels':
      return rankDeficientError(error.info - 1);
    default:
      return error;
  }
}

function isLapackError(error: unknown): error is NativeLapackError {
  return (
    error instanceof Error && (error as Partial<NativeLapackError>).code === 'ERR_RMTKIT_LAPACK'
  );
}
