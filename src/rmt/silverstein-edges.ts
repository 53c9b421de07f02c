import { InvalidArgumentError } from '../errors.js';
import { compactPopulation, type Population } from './population.js';

/** Support of a limiting sample covariance spectrum: disjoint bulk intervals and the atom at 0. */
export interface SampleSupport {
  /** Ascending, disjoint intervals [lo, hi] of the continuous part. */
  intervals: Array<[number, number]>;
  /** Mass of the atom at 0: max(t₀, 1 − 1/c), t₀ the weight of zero population eigenvalues. */
  atom: number;
}

/**
 * Exact support edges of the limiting spectrum of Σ̂ (population `pop`, ratio c = d/n) by the
 * Silverstein–Choi characterisation: with u = −1/m̲ the map x(u) = u(1 + c Σ_j t_j σ_j/(u − σ_j))
 * is the inverse of the companion transform, and x lies outside the support iff x = x(u) for a
 * real u with x′(u) = 1 − f(u) > 0, f(u) = c Σ_j t_j σ_j²/(σ_j − u)². Since f is convex between
 * consecutive distinct σ_j, each such interval holds at most one run {f < 1}; its end points map
 * to edges. Gaps between neighbouring nodes are skipped when the two-node lower bound
 * (a^{1/3} + b^{1/3})³/(σ_{j+1} − σ_j)² of f already exceeds 1. x(u) at u = σ of an isolated node
 * is also the d → ∞ location of a spiked (BBP) outlier.
 * @throws {InvalidArgumentError} naming 'ratio' unless c > 0 is finite.
 * @example sampleSpectrumSupport(population([1]), 0.25).intervals // [[0.25, 2.25]]
 */
export function sampleSpectrumSupport(pop: Population, ratio: number): SampleSupport {
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  const compact = compactPopulation(pop);
  const max = compact.values[compact.values.length - 1];
  let zeroWeight = 0;
  const s: number[] = [];
  const w: number[] = [];
  for (let j = 0; j < compact.values.length; j++) {
    if (compact.values[j] <= 1e-14 * max) zeroWeight += compact.weights[j];
    else {
      s.push(compact.values[j]);
      w.push(compact.weights[j]);
    }
  }
  const atom = Math.max(zeroWeight, 1 - 1 / ratio, 0);
  const sigma = Float64Array.from(s);
  const weight = Float64Array.from(w);
  const c = ratio;
  const f = (u: number): number => {
    let sum = 0;
    for (let j = 0; j < sigma.length; j++) {
      const r = sigma[j] / (sigma[j] - u);
      sum += weight[j] * r * r;
    }
    return c * sum;
  };
  const df = (u: number): number => {
    let sum = 0;
    for (let j = 0; j < sigma.length; j++) {
      const r = 1 / (sigma[j] - u);
      sum += weight[j] * sigma[j] * sigma[j] * r * r * r;
    }
    return 2 * c * sum;
  };
  const x = (u: number): number => {
    let sum = 0;
    for (let j = 0; j < sigma.length; j++) sum += (weight[j] * sigma[j]) / (u - sigma[j]);
    return u * (1 + c * sum);
  };
  const J = sigma.length;
  // Lower edge: f increases from 0 (u → −∞) to ∞ (u → σ₁⁻).
  let step = sigma[0];
  while (f(sigma[0] - step) >= 1) step *= 2;
  const lower = bisect(f, sigma[0] - step, sigma[0], true);
  // Upper edge: f decreases from ∞ (u → σ_J⁺) to 0.
  step = sigma[J - 1];
  while (f(sigma[J - 1] + step) >= 1) step *= 2;
  const upper = bisect(f, sigma[J - 1], sigma[J - 1] + step, false);
  const edges: number[] = [x(lower)];
  for (let j = 0; j + 1 < J; j++) {
    const a = sigma[j];
    const b = sigma[j + 1];
    const bound =
      (Math.cbrt(c * weight[j] * a * a) + Math.cbrt(c * weight[j + 1] * b * b)) ** 3 / (b - a) ** 2;
    if (bound >= 1) continue;
    // f′ increases from −∞ to ∞ on (a, b): its root is the minimum of the convex f.
    const uMin = bisect(df, a, b, true, 0);
    if (f(uMin) >= 1) continue;
    edges.push(x(bisect(f, a, uMin, false)), x(bisect(f, uMin, b, true)));
  }
  edges.push(x(upper));
  edges.sort((p, q) => p - q);
  const intervals: Array<[number, number]> = [];
  for (let k = 0; k + 1 < edges.length; k += 2)
    intervals.push([Math.max(edges[k], 0), edges[k + 1]]);
  return { intervals, atom };
}

/**
 * Root of g(u) = level on (lo, hi) by bisection to machine precision; `increasing` says whether g
 * crosses the level upwards. Bisection is safe next to the poles where Newton would overshoot.
 */
function bisect(
  g: (u: number) => number,
  lo: number,
  hi: number,
  increasing: boolean,
  level = 1,
): number {
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (g(mid) < level === increasing) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
