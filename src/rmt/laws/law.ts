import type { Matrix } from '../../linalg/matrix.js';
import type { Seed } from '../../random/seed.js';
import type { RandomStream } from '../../random/stream.js';
import type { Complex } from './complex.js';
import { tanhSinh } from './quadrature.js';

/** A point mass of a spectral law. */
export interface Atom {
  at: number;
  mass: number;
}

/**
 * A limiting spectral law (seed 004's table): the absolutely continuous part on `support`, point
 * masses `atoms`, and a random-matrix model whose empirical spectrum converges to it.
 * Stieltjes convention: m(z) = ∫ dμ(x)/(x − z), so m(z) ≈ −1/z at infinity, Im m > 0 for
 * Im z > 0, and the density is Im m(x + i0)/π.
 */
export interface SpectralLaw {
  readonly name: string;
  readonly parameters: Readonly<Record<string, number>>;
  /** The interval carrying the continuous part (the upper end may be Infinity). */
  readonly support: readonly [number, number];
  readonly atoms: readonly Atom[];
  /** Density of the continuous part (integrates to 1 − Σ atom masses). */
  density(x: number): number;
  /** P(X ≤ x), atoms included. */
  cdf(x: number): number;
  /** m(z) = ∫ dμ(x)/(x − z) for z off the support (real z outside it allowed). */
  stieltjes(z: Complex): Complex;
  /** An n×n symmetric random matrix whose empirical spectral distribution tends to the law. */
  sampleMatrix(n: number, seed: Seed | RandomStream): Matrix;
}

/**
 * The continuous-part CDF ∫_lo^x √((hi − t)(t − lo))·g(t) dt of a law with square-root edges,
 * after t = c − r cos θ (c, r the centre and half-width): the integrand r² sin²θ g(t(θ)) is smooth,
 * so tanh–sinh reaches ~1e-13 with a few hundred evaluations even when g has a pole near an edge.
 * @example edgeCdf((t) => 2 / Math.PI, -1, 1, 0) // 1/2 for the unit semicircle
 */
export function edgeCdf(g: (t: number) => number, lo: number, hi: number, x: number): number {
  if (x <= lo) return 0;
  const c = (lo + hi) / 2;
  const r = (hi - lo) / 2;
  const thetaMax = x >= hi ? Math.PI : Math.acos(Math.min(1, Math.max(-1, (c - x) / r)));
  return tanhSinh(
    (theta) => {
      const s = Math.sin(theta);
      return r * r * s * s * g(edgePoint(lo, hi, theta));
    },
    0,
    thetaMax,
  );
}

/**
 * x = c − r cos θ on [lo, hi] written as lo + 2r sin²(θ/2) or hi − 2r cos²(θ/2), whichever end is
 * nearer: no cancellation, so x − lo > 0 near θ = 0 even when lo = 0 (a pole of g there, as for
 * Marchenko–Pastur with c = 1, then stays integrable in θ).
 * @example edgePoint(0, 4, 1e-9) // 1e-18, not 0
 */
export function edgePoint(lo: number, hi: number, theta: number): number {
  const r = (hi - lo) / 2;
  return theta <= Math.PI / 2
    ? lo + 2 * r * Math.sin(theta / 2) ** 2
    : hi - 2 * r * Math.cos(theta / 2) ** 2;
}

/**
 * The density √((hi − x)(x − lo))·g(x) on (lo, hi), 0 outside.
 * @example edgeDensity((t) => 2 / Math.PI, -1, 1, 0) // 2/π
 */
export function edgeDensity(g: (t: number) => number, lo: number, hi: number, x: number): number {
  return x <= lo || x >= hi ? 0 : Math.sqrt((hi - x) * (x - lo)) * g(x);
}

/**
 * P(X ≤ x) from the continuous part's CDF and the atoms.
 * @example withAtoms([{ at: 0, mass: 0.5 }], () => 0, 1) // 0.5
 */
export function withAtoms(
  atoms: readonly Atom[],
  continuous: (x: number) => number,
  x: number,
): number {
  let total = continuous(x);
  for (const atom of atoms) if (atom.at <= x) total += atom.mass;
  return Math.min(1, total);
}
