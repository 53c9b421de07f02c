import { InvalidArgumentError } from '../../errors.js';
import { randomStream } from '../../random/stream.js';
import type { Complex } from './complex.js';
import { compoundFreePoisson } from './compound-free-poisson.js';
import { checkDiscrete, discreteParameters } from './discrete-law.js';
import type { FreeLaw } from './free-law.js';
import { followRoot } from './free-solve.js';
import type { Atom } from './law.js';
import { piecewiseCdf } from './piecewise-cdf.js';
import { realAxisRoots } from './root-table.js';
import { positiveRuns, supportFromGaps } from './support-gaps.js';
import { checkSize, wigner } from './wigner.js';

/**
 * The free Lévy law as freealg defines it: δ_a ⊞ SC_σ² ⊞ CFP(λ, J), the free infinitely divisible
 * law with R-transform R(w) = a + σ²w + λ Σ_k w_k t_k/(1 − t_k w), jumps t_k > 0 with weights w_k
 * (docs/theory.md §8). Its Stieltjes transform is the root of
 * z = x(m) := a − σ²m + λ Σ_k w_k t_k/(1 + t_k m) − 1/m, followed from far above the axis; the
 * density is Im m(x + i0)/π. On the real line the gaps of the support are the images under x(·) of
 * the real m (between the poles 0 and −1/t_k) where x′(m) > 0. Densities inside the support come
 * from {@link realAxisRoots} (Newton from a cached grid of roots, built on first use) and the CDF
 * from {@link piecewiseCdf}'s cached cells. Atom at a of mass 1 − λ when σ = 0 and λ < 1. Mean
 * a + λ Σ w_k t_k, variance σ² + λ Σ w_k t_k². `sampleMatrix(n, seed)` returns aI + W +
 * X diag(h) Xᵀ/n (W a GOE matrix of semicircle variance σ², the last term the compound free
 * Poisson sampler). Not the free stable laws (see the catalogue).
 * @throws {InvalidArgumentError} naming 'jumps', 'weights', 'rate', 'drift' or 'variance'.
 * @example freeLevy([2, 5.5], [0.75, 0.25], 0.1, 0, 0.81).intervals
 */
export function freeLevy(
  jumps: readonly number[],
  weights: readonly number[],
  rate: number,
  drift = 0,
  variance = 0,
): FreeLaw {
  checkDiscrete(jumps, weights, 'jumps', 'weights', 0, true);
  if (!(rate > 0) || !Number.isFinite(rate))
    throw new InvalidArgumentError('rate', 'must be a finite number > 0', rate);
  if (!Number.isFinite(drift)) throw new InvalidArgumentError('drift', 'must be finite', drift);
  if (!(variance >= 0) || !Number.isFinite(variance))
    throw new InvalidArgumentError('variance', 'must be a finite number ≥ 0', variance);
  const t = jumps;
  const w = weights;
  const tmax = Math.max(...t);
  const scale = tmax * (1 + Math.sqrt(rate)) ** 2 + 2 * Math.sqrt(variance) + Math.abs(drift);
  const equation = (m: Complex, z: Complex): { f: Complex; df: Complex } => {
    const mm = m.re * m.re + m.im * m.im;
    let fr = drift - variance * m.re - m.re / mm - z.re;
    let fi = -variance * m.im + m.im / mm - z.im;
    // 1/m² = conj(m)²/|m|⁴
    let dr = (m.re * m.re - m.im * m.im) / (mm * mm) - variance;
    let di = (-2 * m.re * m.im) / (mm * mm);
    for (let k = 0; k < t.length; k++) {
      const ar = 1 + t[k]! * m.re;
      const ai = t[k]! * m.im;
      const aa = ar * ar + ai * ai;
      const c = rate * w[k]! * t[k]!;
      fr += (c * ar) / aa;
      fi -= (c * ai) / aa;
      const c2 = c * t[k]!;
      dr -= (c2 * (ar * ar - ai * ai)) / (aa * aa);
      di += (c2 * 2 * ar * ai) / (aa * aa);
    }
    return { f: { re: fr, im: fi }, df: { re: dr, im: di } };
  };
  const mean = drift + rate * t.reduce((s, v, k) => s + w[k]! * v, 0);
  const far = (z: Complex): Complex => {
    const d = { re: z.re - mean, im: z.im };
    const dd = d.re * d.re + d.im * d.im;
    return { re: -d.re / dd, im: d.im / dd };
  };
  const stieltjes = (z: Complex): Complex => followRoot(equation, z, far, scale);
  const x = (m: number): number =>
    drift - variance * m - 1 / m + rate * t.reduce((s, v, k) => s + (w[k]! * v) / (1 + v * m), 0);
  const slope = (m: number): number =>
    1 / (m * m) -
    variance -
    rate * t.reduce((s, v, k) => s + (w[k]! * v * v) / (1 + v * m) ** 2, 0);
  const poles = [...new Set(t.map((v) => -1 / v)), 0].sort((p, q) => p - q);
  const far0 = 1e6 / Math.min(...t);
  const ends = [poles[0]! - far0, ...poles, far0];
  // x(m) → a as m → ±∞ (σ = 0; with σ > 0 the ends are never in a run) and → ∓∞ as m → 0±.
  const image = (m: number): number =>
    m === 0 ? NaN : m === ends[0] || m === ends[ends.length - 1] ? drift : x(m);
  const gaps: Array<[number, number]> = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    for (const [a, b] of positiveRuns(slope, ends[k]!, ends[k + 1]!))
      gaps.push([a === 0 ? -Infinity : image(a), b === 0 ? Infinity : image(b)]);
  }
  const intervals = supportFromGaps(gaps, 1e-12 * scale);
  const atoms: Atom[] = variance === 0 && rate < 1 ? [{ at: drift, mass: 1 - rate }] : [];
  // m = −1/F with F the reciprocal Cauchy transform of a ⊞-infinitely divisible law: the root
  // of z = x(m) in ℂ⁺ is unique.
  const onAxis = realAxisRoots(equation, far, scale, intervals);
  const inside = (v: number): boolean => intervals.some(([lo, hi]) => v > lo && v < hi);
  const density = (v: number): number => (inside(v) ? Math.max(0, onAxis(v).im) / Math.PI : 0);
  return {
    name: 'free-levy',
    parameters: { rate, drift, variance, ...discreteParameters('jump', t, w) },
    support: [intervals[0]![0], intervals[intervals.length - 1]![1]],
    intervals,
    atoms,
    density,
    cdf: piecewiseCdf(density, intervals, atoms),
    stieltjes,
    sampleMatrix(n, seed) {
      checkSize(n);
      const stream = randomStream(seed);
      const out = compoundFreePoisson(rate, t, w).sampleMatrix(n, stream.split('jumps'));
      if (variance > 0) {
        const noise = wigner(2 * Math.sqrt(variance)).sampleMatrix(n, stream.split('noise'));
        for (let i = 0; i < n * n; i++) out.data[i]! += noise.data[i]!;
      }
      for (let i = 0; i < n; i++) out.data[i * n + i]! += drift;
      return out;
    },
  };
}
