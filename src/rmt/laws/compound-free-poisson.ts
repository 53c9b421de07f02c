import { InvalidArgumentError } from '../../errors.js';
import { gram } from '../../linalg/api.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { population } from '../population.js';
import { sampleSpectrumLaw } from '../sample-spectrum.js';
import { sampleStieltjes } from '../silverstein.js';
import { checkDiscrete, discreteParameters, splitCount } from './discrete-law.js';
import type { FreeLaw } from './free-law.js';
import type { Atom } from './law.js';
import { marchenkoPastur } from './marchenko-pastur.js';
import { piecewiseCdf } from './piecewise-cdf.js';
import { checkSize } from './wigner.js';

/**
 * The compound free Poisson law with rate λ and jump distribution J = Σ_k w_k δ_{t_k} (t_k > 0),
 * R-transform R(w) = λ Σ_k w_k t_k/(1 − t_k w) (docs/theory.md §8): the limiting spectrum of the
 * n×n matrix X diag(h) Xᵀ/n, X n×d Gaussian with d/n = λ and h ≈ J. Its Stieltjes transform solves
 * z = −1/m + λ Σ_k w_k t_k/(1 + t_k m), the companion form of the Silverstein equation with
 * population J and ratio λ, so m = −(1 − λ)/z + λ m_{J⊠MP_λ}(z), density λ·ρ and
 * CDF (1 − λ)·1{x ≥ 0} + λ·F of that law (integrated by piecewiseCdf) (one jump: closed form, m is
 * Marchenko–Pastur with ratio 1/λ and variance λt). Atom at 0 of mass max(0, 1 − λ). Mean λ Σ w_k
 * t_k, variance λ Σ w_k t_k². `sampleMatrix(n, seed)` returns X diag(h) Xᵀ/n with d = max(1,
 * round(λn)).
 * @throws {InvalidArgumentError} naming 'rate', 'jumps' or 'weights'.
 * @example compoundFreePoisson(0.5, [1]).atoms // [{ at: 0, mass: 0.5 }]
 */
export function compoundFreePoisson(
  rate: number,
  jumps: readonly number[],
  weights: readonly number[] = [1],
): FreeLaw {
  if (!(rate > 0) || !Number.isFinite(rate))
    throw new InvalidArgumentError('rate', 'must be a finite number > 0', rate);
  checkDiscrete(jumps, weights, 'jumps', 'weights', 0, true);
  const atoms: Atom[] = rate < 1 ? [{ at: 0, mass: 1 - rate }] : [];
  const common = { name: 'compound-free-poisson', atoms };
  const parameters = { rate, ...discreteParameters('jump', jumps, weights) };
  const sampleMatrix = (n: number, seed: Parameters<FreeLaw['sampleMatrix']>[1]) => {
    checkSize(n);
    const d = Math.max(1, Math.round(rate * n));
    const y = gaussianMatrix(d, n, randomStream(seed));
    let i = 0;
    splitCount(weights, d).forEach((count, k) => {
      const s = Math.sqrt(jumps[k]!);
      for (let end = i + count; i < end; i++) for (let j = 0; j < n; j++) y.data[i * n + j]! *= s;
    });
    return gram(y, 1 / n);
  };
  if (jumps.length === 1) {
    const mp = marchenkoPastur(1 / rate, rate * jumps[0]!);
    return {
      ...common,
      parameters,
      support: mp.support,
      intervals: [mp.support],
      density: mp.density,
      cdf: mp.cdf,
      stieltjes: mp.stieltjes,
      sampleMatrix,
    };
  }
  const pop = population(jumps, weights, 'jumps');
  const law = sampleSpectrumLaw(pop, rate);
  const intervals = law.components.map(({ lo, hi }) => [lo, hi] as [number, number]);
  const density = (x: number): number => rate * law.density(x);
  const scale = Math.max(...jumps) * (1 + Math.sqrt(rate)) ** 2;
  return {
    ...common,
    parameters,
    support: [intervals[0]![0], intervals[intervals.length - 1]![1]],
    intervals,
    density,
    cdf: piecewiseCdf(density, intervals, atoms),
    stieltjes(z) {
      const real = z.im === 0;
      const v = sampleStieltjes(pop, rate, z.re, real ? 1e-13 * scale : z.im);
      const inside = intervals.some(([lo, hi]) => z.re > lo && z.re < hi);
      return { re: v.companionRe, im: real && !inside ? 0 : v.companionIm };
    },
    sampleMatrix,
  };
}
