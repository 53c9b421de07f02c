import { InvalidArgumentError } from '../errors.js';
import { type Population, populationMean } from './population.js';
import { sampleSpectrumSupport } from './silverstein-edges.js';
import { stieltjesWithContinuation } from './stieltjes-grid.js';

/** One connected piece of the support, with its probability mass. */
export interface SpectrumComponent {
  lo: number;
  hi: number;
  mass: number;
}

/**
 * Quadrature nodes of a spectral law: node i sits at x[i], carries probability mass[i], and has
 * Stieltjes transform m(x[i] + iη) = mRe[i] + i·mIm[i] (companion m̲ in cRe/cIm).
 */
export interface SpectrumNodes {
  x: Float64Array;
  mass: Float64Array;
  mRe: Float64Array;
  mIm: Float64Array;
  cRe: Float64Array;
  cIm: Float64Array;
}

/** The limiting spectral law of a sample covariance matrix (generalised Marchenko–Pastur). */
export interface SampleSpectrumLaw {
  ratio: number;
  /** Components of the continuous part, ascending. */
  components: SpectrumComponent[];
  /** Atom at 0 (rank deficiency). */
  atom: number;
  /** η used for the density inversion Im m(x + iη)/π. */
  eta: number;
  /** |1 − atom − Σ component masses|: the quadrature's error. */
  massError: number;
  density(x: number): number;
  /** P(s ≤ x), the atom included. */
  cdf(x: number): number;
  /** The smallest x with cdf(x) ≥ p. */
  quantile(p: number): number;
  nodes: SpectrumNodes;
}

/**
 * The limiting spectrum of Σ̂ = XᵀX/n for population `pop` and ratio c = d/n: exact support edges
 * ({@link sampleSpectrumSupport}), density Im m(x + iη)/π with η = 1e-10 × the spectrum's scale,
 * and the distribution function by quadrature on each component after the substitution
 * x = mid − r cos θ, which makes the square-root edges smooth (`nodesPerComponent` midpoint
 * nodes in θ). The quadrature nodes are exposed for integrals ∫ g(x, m(x)) dF such as the
 * Ledoit–Péché PCA error.
 * @throws {InvalidArgumentError} naming 'ratio' or 'nodesPerComponent'.
 * @example sampleSpectrumLaw(population([1]), 0.5).cdf(1) // Marchenko–Pastur P(s ≤ 1)
 */
export function sampleSpectrumLaw(
  pop: Population,
  ratio: number,
  options: { nodesPerComponent?: number } = {},
): SampleSpectrumLaw {
  const { nodesPerComponent: K = 256 } = options;
  if (!Number.isInteger(K) || K < 8)
    throw new InvalidArgumentError('nodesPerComponent', 'must be an integer ≥ 8', K);
  const support = sampleSpectrumSupport(pop, ratio);
  const scale = populationMean(pop) * (1 + Math.sqrt(ratio)) ** 2;
  const eta = 1e-10 * scale;
  const count = support.intervals.length * K;
  const nodes: SpectrumNodes = {
    x: new Float64Array(count),
    mass: new Float64Array(count),
    mRe: new Float64Array(count),
    mIm: new Float64Array(count),
    cRe: new Float64Array(count),
    cIm: new Float64Array(count),
  };
  const components: SpectrumComponent[] = [];
  let total = support.atom;
  support.intervals.forEach(([lo, hi], c) => {
    const mid = 0.5 * (lo + hi);
    const r = 0.5 * (hi - lo);
    let start: [number, number] | undefined;
    let mass = 0;
    for (let k = 0; k < K; k++) {
      const theta = ((k + 0.5) * Math.PI) / K;
      const x = mid - r * Math.cos(theta);
      const v = stieltjesWithContinuation(pop, ratio, x, eta, start);
      start = [v.companionRe, v.companionIm];
      const i = c * K + k;
      nodes.x[i] = x;
      nodes.mass[i] = (Math.max(v.im, 0) / Math.PI) * r * Math.sin(theta) * (Math.PI / K);
      nodes.mRe[i] = v.re;
      nodes.mIm[i] = v.im;
      nodes.cRe[i] = v.companionRe;
      nodes.cIm[i] = v.companionIm;
      mass += nodes.mass[i];
    }
    components.push({ lo, hi, mass });
    total += mass;
  });
  const density = (x: number): number => {
    if (!support.intervals.some(([lo, hi]) => x > lo && x < hi)) return 0;
    return Math.max(0, stieltjesWithContinuation(pop, ratio, x, eta).im) / Math.PI;
  };
  const cdf = (x: number): number => {
    let value = x >= 0 ? support.atom : 0;
    for (let c = 0; c < components.length; c++) {
      const { lo, hi, mass } = components[c];
      if (x >= hi) value += mass;
      else if (x > lo)
        value += partial(
          nodes.mass,
          c * K,
          K,
          Math.acos(Math.min(1, Math.max(-1, (0.5 * (lo + hi) - x) / (0.5 * (hi - lo))))),
        );
    }
    return Math.min(1, value);
  };
  const quantile = (p: number): number => {
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', 'must be in [0, 1]', p);
    let below = support.atom;
    if (p <= below && below > 0) return 0;
    for (let c = 0; c < components.length; c++) {
      const { lo, hi, mass } = components[c];
      if (p <= below + mass || c === components.length - 1) {
        const theta = invertPartial(nodes.mass, c * K, K, Math.min(p - below, mass));
        return 0.5 * (lo + hi) - 0.5 * (hi - lo) * Math.cos(theta);
      }
      below += mass;
    }
    return 0;
  };
  return {
    ratio,
    components,
    atom: support.atom,
    eta,
    massError: Math.abs(1 - total),
    density,
    cdf,
    quantile,
    nodes,
  };
}

/** Cumulative mass of the θ-cells [0, θ) of one component (cells of width π/K, linear inside). */
function partial(mass: Float64Array, offset: number, K: number, theta: number): number {
  const p = (theta * K) / Math.PI;
  const k = Math.min(K - 1, Math.floor(p));
  let sum = 0;
  for (let i = 0; i < k; i++) sum += mass[offset + i];
  return sum + (p - k) * mass[offset + k];
}

/** The θ at which the cumulative mass of a component reaches `target`. */
function invertPartial(mass: Float64Array, offset: number, K: number, target: number): number {
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const m = mass[offset + k];
    if (sum + m >= target) return ((k + (m > 0 ? (target - sum) / m : 0)) * Math.PI) / K;
    sum += m;
  }
  return Math.PI;
}
