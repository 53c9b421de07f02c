// The spectrum routes of the diagnostics, apart from the code that runs them, so that the CLI and
// the explorer's page can check a route without loading the linear algebra.
import { InvalidArgumentError } from '../errors.js';

/**
 * Which decomposition gives a layer's spectrum: 'auto' (the Gram route where it is resolved, see
 * gramResolved in slice-spectra.ts, else the SVD), 'svd' (always LAPACK dgesdd: small singular
 * values to full relative accuracy), 'gram' (always dsyrk + dsyevd: eigenvalues to ~ε·λmax only),
 * 'gram-single' (always the Gram matrix with its product in single precision: 1.1–1.4× faster on
 * large layers, eigenvalues to ~1e-7·λmax, so the tail fit is unchanged within its error but the
 * small eigenvalues, and the rank columns that count them, are not resolved; docs/diagnostics.md,
 * "Large layers").
 */
export type SpectrumRoute = 'auto' | 'svd' | 'gram' | 'gram-single';

/** Every {@link SpectrumRoute}, for argument checks. */
export const SPECTRUM_ROUTES: readonly SpectrumRoute[] = ['auto', 'svd', 'gram', 'gram-single'];

/**
 * Throws an InvalidArgumentError naming `argument` unless `route` is a {@link SpectrumRoute}.
 * @example checkSpectrumRoute('--spectrum', 'gram-single')
 */
export function checkSpectrumRoute(
  argument: string,
  route: string,
): asserts route is SpectrumRoute {
  if (!(SPECTRUM_ROUTES as readonly string[]).includes(route))
    throw new InvalidArgumentError(argument, `must be ${SPECTRUM_ROUTES.join(', ')}`, route);
}
