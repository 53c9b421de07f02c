import type { Population } from '../rmt/population.js';
import { sampleSpectrumLaw } from '../rmt/sample-spectrum.js';
import { isComponentMass, isOutlierMass } from '../rmt/spectral-components.js';
import { sampleStieltjesOnGrid } from '../rmt/stieltjes-grid.js';

/**
 * A spectral law sampled on a grid: density at the points, its components and its distribution
 * function.
 */
export interface SpectrumCurve {
  grid: Float64Array;
  density: Float64Array;
  components: Array<{ lo: number; hi: number; mass: number; mean: number; outlier: boolean }>;
  cdf(x: number): number;
  /** η of the density inversion (0 for real-axis solves). */
  eta: number;
}

/**
 * The generalised Marchenko–Pastur law of Σ̂ (population `pop`, ratio c = d/n) as a curve: each
 * component of its exact support gets points x_k = mid − r cos(kπ/(K−1)) (K ∝ √width, at least
 * 12, edges included) with the density Im m(x + iη)/π warm-started along the component; an atom
 * at 0 (α < 1) is a zero-width component. Pieces holding under half an eigenvalue (mass·d < 0.5)
 * are no components; those holding about one (mass·d ∈ [0.5, 1.5]) are outliers.
 * @example silversteinCurve(population([1]), 0.5, 1000, 400).components
 */
export function silversteinCurve(
  pop: Population,
  ratio: number,
  d: number,
  gridPoints: number,
): SpectrumCurve {
  const law = sampleSpectrumLaw(pop, ratio);
  const width = law.components.reduce((sum, c) => sum + Math.sqrt(c.hi - c.lo), 0);
  const grid: number[] = [];
  const density: number[] = [];
  const components: SpectrumCurve['components'] = [];
  if (law.atom > 0) {
    grid.push(0);
    density.push(0);
    if (isComponentMass(law.atom, d))
      components.push({
        lo: 0,
        hi: 0,
        mass: law.atom,
        mean: 0,
        outlier: isOutlierMass(law.atom, d),
      });
  }
  for (const { lo, hi, mass } of law.components) {
    const K = Math.max(12, Math.round((gridPoints * Math.sqrt(hi - lo)) / width));
    const mid = 0.5 * (lo + hi);
    const r = 0.5 * (hi - lo);
    const inner = Array.from(
      { length: K - 2 },
      (_, k) => mid - r * Math.cos(((k + 1) * Math.PI) / (K - 1)),
    );
    const values = sampleStieltjesOnGrid(pop, ratio, inner, law.eta);
    grid.push(lo, ...inner, hi);
    density.push(0, ...values.density, 0);
    // Mean location: ∫ x f dx with dx ∝ sin θ dθ on the θ points.
    let moment = 0;
    let weight = 0;
    for (let k = 0; k < inner.length; k++) {
      const w = values.density[k] * Math.sin(((k + 1) * Math.PI) / (K - 1));
      moment += inner[k] * w;
      weight += w;
    }
    if (isComponentMass(mass, d))
      components.push({
        lo,
        hi,
        mass,
        mean: weight > 0 ? moment / weight : mid,
        outlier: isOutlierMass(mass, d),
      });
  }
  return {
    grid: Float64Array.from(grid),
    density: Float64Array.from(density),
    components,
    cdf: law.cdf,
    eta: law.eta,
  };
}

/**
 * The law of φ(x) for an increasing map φ with derivative φ′ and inverse φ⁻¹: points mapped,
 * density divided by φ′ (change of variable), components mapped end to end, F∘φ⁻¹.
 * @example mapCurve(curve, (s) => 1 - r / (c * (s + lambda)), dphi, inverse)
 */
export function mapCurve(
  curve: SpectrumCurve,
  phi: (x: number) => number,
  dphi: (x: number) => number,
  inverse: (y: number) => number,
): SpectrumCurve {
  return {
    grid: curve.grid.map(phi),
    density: curve.density.map((f, i) => f / dphi(curve.grid[i])),
    components: curve.components.map((c) => ({
      ...c,
      lo: phi(c.lo),
      hi: phi(c.hi),
      mean: phi(c.mean),
    })),
    cdf: (y: number) => curve.cdf(inverse(y)),
    eta: curve.eta,
  };
}
