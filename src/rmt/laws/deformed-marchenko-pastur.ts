import { InvalidArgumentError } from '../../errors.js';
import { gram } from '../../linalg/api.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { population } from '../population.js';
import { type SampleSpectrumLaw, sampleSpectrumLaw } from '../sample-spectrum.js';
import { sampleStieltjes } from '../silverstein.js';
import { checkDiscrete, discreteParameters, splitCount } from './discrete-law.js';
import type { FreeLaw } from './free-law.js';
import type { Atom } from './law.js';
import { piecewiseCdf } from './piecewise-cdf.js';
import { checkSize } from './wigner.js';

/**
 * The deformed Marchenko–Pastur law H ⊠ MP_c: the limiting spectrum of the d×d sample covariance
 * XᵀX/n of n samples with population spectrum H = Σ_k w_k δ_{σ_k} (σ_k ≥ 0) and c = d/n
 * (docs/theory.md §8, §9). A SpectralLaw view of the Silverstein solver: m(z) from
 * {@link sampleStieltjes}, support, density (Im m(x + iη)/π, η = 1e-10 × scale) and CDF from
 * {@link sampleSpectrumLaw}'s density by Gauss–Legendre cells in θ; real z off the support are
 * answered at η = 1e-13 × scale, where the imaginary part is dropped. Atom at 0 of mass max(1 −
 * 1/c, weight of σ = 0). Mean Σ w_k σ_k, second moment Σ w_k σ_k² + c(Σ w_k σ_k)². `sampleMatrix(d,
 * seed)` returns XᵀX/n for n = round(d/c) Gaussian rows with ≈ w_k·d columns of variance σ_k.
 * @throws {InvalidArgumentError} naming 'values', 'weights' or 'ratio'.
 * @example deformedMarchenkoPastur([1, 4], [0.5, 0.5], 0.1).intervals // two components
 */
export function deformedMarchenkoPastur(
  values: readonly number[],
  weights: readonly number[],
  ratio: number,
): FreeLaw & { law: SampleSpectrumLaw } {
  checkDiscrete(values, weights, 'values', 'weights', 0);
  if (values.every((v) => v === 0))
    throw new InvalidArgumentError('values', 'must not all be 0', 0);
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  const pop = population(values, weights);
  const law = sampleSpectrumLaw(pop, ratio);
  const intervals = law.components.map(({ lo, hi }) => [lo, hi] as [number, number]);
  const atoms: Atom[] = law.atom > 0 ? [{ at: 0, mass: law.atom }] : [];
  const scale = Math.max(...values) * (1 + Math.sqrt(ratio)) ** 2;
  return {
    name: 'deformed-marchenko-pastur',
    parameters: { ratio, ...discreteParameters('value', values, weights) },
    support: [intervals[0]![0], intervals[intervals.length - 1]![1]],
    intervals,
    atoms,
    law,
    density: law.density,
    cdf: piecewiseCdf(law.density, intervals, atoms),
    stieltjes(z) {
      const real = z.im === 0;
      const v = sampleStieltjes(pop, ratio, z.re, real ? 1e-13 * scale : z.im);
      const inside = intervals.some(([lo, hi]) => z.re > lo && z.re < hi);
      return { re: v.re, im: real && !inside ? 0 : v.im };
    },
    sampleMatrix(d, seed) {
      checkSize(d, 'd');
      const n = Math.max(1, Math.round(d / ratio));
      const x = gaussianMatrix(n, d, randomStream(seed));
      let j = 0;
      splitCount(weights, d).forEach((count, k) => {
        const s = Math.sqrt(values[k]!);
        for (let end = j + count; j < end; j++) for (let i = 0; i < n; i++) x.data[i * d + j]! *= s;
      });
      return gram(x, 1 / n);
    },
  };
}
