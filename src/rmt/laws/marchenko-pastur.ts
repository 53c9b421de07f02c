import { InvalidArgumentError } from '../../errors.js';

/**
 * Marchenko–Pastur law of the eigenvalues of XᵀX/n for an n×d matrix X with iid entries of
 * variance σ², aspect ratio c = d/n (THEORY.md §6): support σ²(1 ± √c)², density
 * √((E₊ − x)(x − E₋)) / (2π σ² c x), and an atom of mass 1 − 1/c at 0 when c > 1.
 */
export interface MarchenkoPastur {
  ratio: number;
  variance: number;
  /** Bulk edges [E₋, E₊]. */
  support: [number, number];
  /** Mass of the atom at 0: max(0, 1 − 1/c). */
  atom: number;
  /** Density of the continuous part at x (integrates to 1 − atom). */
  density(x: number): number;
  /** Distribution function P(λ ≤ x), atom included (numerical quadrature of the density). */
  cdf(x: number): number;
}

/**
 * The Marchenko–Pastur law for ratio c = d/n and entry variance σ².
 * @throws {InvalidArgumentError} if c ≤ 0 or σ² ≤ 0.
 * @example marchenkoPastur(0.5).support // [0.0857…, 2.914…]
 */
export function marchenkoPastur(ratio: number, variance = 1): MarchenkoPastur {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  if (!(variance > 0) || !Number.isFinite(variance)) throw new InvalidArgumentError('variance', 'must be a finite number > 0', variance);
  const lo = variance * (1 - Math.sqrt(ratio)) ** 2;
  const hi = variance * (1 + Math.sqrt(ratio)) ** 2;
  const atom = Math.max(0, 1 - 1 / ratio);
  const density = (x: number): number => (x <= lo || x >= hi ? 0 : Math.sqrt((hi - x) * (x - lo)) / (2 * Math.PI * variance * ratio * x));
  const cdf = (x: number): number => {
    if (x < 0) return 0;
    if (x <= lo) return atom;
    if (x >= hi) return 1;
    // Substituting x = m − r cos θ removes the square-root singularities at both edges.
    const m = (lo + hi) / 2;
    const r = (hi - lo) / 2;
    const thetaMax = Math.acos(Math.min(1, Math.max(-1, (m - x) / r)));
    const steps = 400;
    let sum = 0;
    for (let k = 0; k < steps; k++) {
      const theta = ((k + 0.5) / steps) * thetaMax;
      const y = m - r * Math.cos(theta);
      sum += (r * r * Math.sin(theta) ** 2) / (2 * Math.PI * variance * ratio * y);
    }
    return atom + (sum * thetaMax) / steps;
  };
  return { ratio, variance, support: [lo, hi], atom, density, cdf };
}
