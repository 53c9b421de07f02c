import type { Decompression } from './decompress.js';

/** Spectral functions of the n×n matrix from a decompressed density, with error estimates. */
export interface SpectralFunctions {
  /** log det A = n ∫ log x ρ(x) dx (NaN unless the support is in (0, ∞) and no mass is missing). */
  logdet: number;
  /** tr A⁻¹ = n ∫ ρ(x)/x dx (same conditions). */
  traceInverse: number;
  /** λ_max/λ_min estimated by the support's edges (NaN unless lo > 0). */
  condition: number;
  /**
   * Error estimates: the trapezoid rule against the same rule on every other point, plus the
   * missing mass times the largest |f| on the support (the part of the spectrum not accounted for).
   */
  error: { logdet: number; traceInverse: number };
}

/** Missing mass above which the decompressed matrix is taken to have an atom (be singular). */
const ATOM_MASS = 0.01;

/**
 * log-det, trace of the inverse and condition number of the decompressed matrix (seed 004,
 * docs/theory.md §14.4), integrals of the grid density; −∞, ∞, ∞ when more than 1 % of the mass is
 * missing (an atom: a rank-deficient matrix, e.g. a Wishart decompressed past its sample count).
 * @example spectralFunctions(decompress(fit, 16384)).logdet
 */
export function spectralFunctions(d: Decompression): SpectralFunctions {
  const [lo, hi] = d.support;
  if (d.ok && lo > 0 && d.missingMass > ATOM_MASS) {
    // An atom (at 0 when N exceeds the rank): the matrix is singular.
    const error = { logdet: 0, traceInverse: 0 };
    return { logdet: -Infinity, traceInverse: Infinity, condition: Infinity, error };
  }
  if (!(lo > 0) || !d.ok) {
    return {
      logdet: Number.NaN,
      traceInverse: Number.NaN,
      condition: lo > 0 ? hi / lo : Number.NaN,
      error: { logdet: Number.NaN, traceInverse: Number.NaN },
    };
  }
  const integral = (f: (x: number) => number, stride: number) => {
    let s = 0;
    const { grid, density } = d;
    for (let i = stride; i < grid.length; i += stride)
      s +=
        ((grid[i]! - grid[i - stride]!) *
          (f(grid[i]!) * density[i]! + f(grid[i - stride]!) * density[i - stride]!)) /
        2;
    return s;
  };
  const missing = Math.abs(d.missingMass);
  const estimate = (f: (x: number) => number, bound: number) => {
    const fine = integral(f, 1);
    const coarse = integral(f, 2);
    return { value: d.size * fine, error: d.size * (Math.abs(fine - coarse) + missing * bound) };
  };
  const log = estimate(Math.log, Math.max(Math.abs(Math.log(lo)), Math.abs(Math.log(hi))));
  const inv = estimate((x) => 1 / x, 1 / lo);
  return {
    logdet: log.value,
    traceInverse: inv.value,
    condition: hi / lo,
    error: { logdet: log.error, traceInverse: inv.error },
  };
}
