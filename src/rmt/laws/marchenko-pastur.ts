import { InvalidArgumentError } from '../../errors.js';
import { gram } from '../../linalg/api.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { add, type Complex, div, edgeRoot } from './complex.js';
import { type Atom, edgeCdf, edgeDensity, type SpectralLaw, withAtoms } from './law.js';
import { checkSize } from './wigner.js';

/**
 * Marchenko–Pastur law of the eigenvalues of XᵀX/n for an n×d matrix X with iid entries of
 * variance σ², aspect ratio c = d/n (docs/theory.md §6): support σ²(1 ± √c)², density
 * √((E₊ − x)(x − E₋)) / (2π σ² c x), and an atom of mass 1 − 1/c at 0 when c > 1.
 */
export interface MarchenkoPastur extends SpectralLaw {
  ratio: number;
  variance: number;
  /** Bulk edges [E₋, E₊]. */
  support: [number, number];
  /** Mass of the atom at 0: max(0, 1 − 1/c). */
  atom: number;
  /** Density of the continuous part at x (integrates to 1 − atom). */
  density(x: number): number;
  /**
   * Distribution function P(λ ≤ x), atom included (tanh–sinh quadrature of the density, ~1e-13).
   */
  cdf(x: number): number;
}

/**
 * The Marchenko–Pastur law for ratio c = d/n and entry variance σ². Its Stieltjes transform is the
 * root of c σ² z m² − (σ²(1 − c) − z) m + 1 = 0 with Im m·Im z > 0 (docs/theory.md §6):
 * m(z) = (σ²(1 − c) − z + √(z − E₋)√(z − E₊)) / (2 c σ² z). `sampleMatrix(d, seed)` returns the
 * d×d matrix XᵀX/n for Gaussian X with n = round(d/c) rows.
 * @throws {InvalidArgumentError} if c ≤ 0 or σ² ≤ 0.
 * @example marchenkoPastur(0.5).support // [0.0857…, 2.914…]
 */
export function marchenkoPastur(ratio: number, variance = 1): MarchenkoPastur {
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  if (!(variance > 0) || !Number.isFinite(variance))
    throw new InvalidArgumentError('variance', 'must be a finite number > 0', variance);
  const lo = variance * (1 - Math.sqrt(ratio)) ** 2;
  const hi = variance * (1 + Math.sqrt(ratio)) ** 2;
  const atom = Math.max(0, 1 - 1 / ratio);
  const atoms: Atom[] = atom > 0 ? [{ at: 0, mass: atom }] : [];
  const g = (x: number): number => 1 / (2 * Math.PI * variance * ratio * x);
  const stieltjes = (z: Complex): Complex => {
    const numerator = add({ re: variance * (1 - ratio) - z.re, im: -z.im }, edgeRoot(z, lo, hi));
    return div(numerator, { re: 2 * ratio * variance * z.re, im: 2 * ratio * variance * z.im });
  };
  return {
    name: 'marchenko-pastur',
    parameters: { ratio, variance },
    ratio,
    variance,
    support: [lo, hi],
    atom,
    atoms,
    density: (x) => edgeDensity(g, lo, hi, x),
    cdf: (x) => (x < 0 ? 0 : withAtoms(atoms, (t) => edgeCdf(g, lo, hi, t), x)),
    stieltjes,
    sampleMatrix(d, seed) {
      checkSize(d, 'd');
      const n = Math.max(1, Math.round(d / ratio));
      const x = gaussianMatrix(n, d, randomStream(seed));
      return gram(x, variance / n);
    },
  };
}
