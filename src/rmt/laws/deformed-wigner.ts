import { InvalidArgumentError } from '../../errors.js';
import type { Matrix } from '../../linalg/matrix.js';
import type { Complex } from './complex.js';
import { checkDiscrete, discreteParameters, splitCount } from './discrete-law.js';
import type { FreeLaw } from './free-law.js';
import { followRoot, type RootEquation } from './free-solve.js';
import { piecewiseCdf } from './piecewise-cdf.js';
import { realAxisRoots } from './root-table.js';
import { positiveRuns, supportFromGaps } from './support-gaps.js';
import { checkSize, wigner } from './wigner.js';

/**
 * The deformed Wigner law H ⊞ SC_σ²: the limiting spectrum of D + W for a deterministic diagonal D
 * with spectrum H = Σ_k w_k δ_{a_k} and a GOE matrix W of semicircle variance σ² (docs/theory.md
 * §8). Pastur's equation m = Σ_k w_k/(a_k − z − σ²m) is solved for the subordination function
 * ω = z + σ²m, the unique root of ω − z − σ² G_H(ω) = 0 with Im ω > Im z (G_H(ω) = Σ w_k/(a_k −
 * ω)), followed from far above the axis; then m(z) = G_H(ω). The density is Im m(x + i0)/π. The
 * support's edges are the images x(u) = u − σ² G_H(u) of the real zeros of
 * x′(u) = 1 − σ² Σ w_k/(a_k − u)²: the real u with x′(u) > 0 map onto the gaps (Biane). No atoms.
 * Densities inside the support come from {@link realAxisRoots} (Newton from a cached grid of roots,
 * built on first use) and the CDF from {@link piecewiseCdf}'s cached cells, so both are cheap after
 * the first call. Mean Σ w_k a_k, variance Var(H) + σ². `sampleMatrix(n, seed)` returns D + W
 * with ≈ w_k·n entries a_k on the diagonal.
 * @throws {InvalidArgumentError} naming 'values', 'weights' or 'variance' (must be > 0).
 * @example deformedWigner([-2, 2], [0.5, 0.5], 1).intervals // two components, ±(≈1.1 … ≈3.2)
 */
export function deformedWigner(
  values: readonly number[],
  weights: readonly number[],
  variance = 1,
): FreeLaw {
  checkDiscrete(values, weights, 'values', 'weights');
  if (!(variance > 0) || !Number.isFinite(variance))
    throw new InvalidArgumentError('variance', 'must be a finite number > 0', variance);
  const order = values.map((_, k) => k).sort((p, q) => values[p]! - values[q]!);
  const t: number[] = [];
  const w: number[] = [];
  for (const k of order) {
    if (t.length > 0 && values[k] === t[t.length - 1]) w[w.length - 1]! += weights[k]!;
    else {
      t.push(values[k]!);
      w.push(weights[k]!);
    }
  }
  const s2 = variance;
  const sigma = Math.sqrt(s2);
  const scale = t[t.length - 1]! - t[0]! + 2 * sigma;
  const G = (u: Complex): Complex => {
    let re = 0;
    let im = 0;
    for (let k = 0; k < t.length; k++) {
      const dr = t[k]! - u.re;
      const dd = dr * dr + u.im * u.im;
      re += (w[k]! * dr) / dd;
      im += (w[k]! * u.im) / dd;
    }
    return { re, im };
  };
  const equation: RootEquation = (u, zz) => {
    const g = G(u);
    // G′(u) = Σ w/(a − u)²
    let dre = 0;
    let dim = 0;
    for (let k = 0; k < t.length; k++) {
      const ar = t[k]! - u.re;
      const ai = -u.im;
      const d2 = (ar * ar + ai * ai) ** 2;
      dre += (w[k]! * (ar * ar - ai * ai)) / d2;
      dim -= (w[k]! * 2 * ar * ai) / d2;
    }
    return {
      f: { re: u.re - zz.re - s2 * g.re, im: u.im - zz.im - s2 * g.im },
      df: { re: 1 - s2 * dre, im: -s2 * dim },
    };
  };
  const far = (zz: Complex): Complex => {
    const g = G(zz);
    return { re: zz.re + s2 * g.re, im: zz.im + s2 * g.im };
  };
  const omega = (z: Complex): Complex => followRoot(equation, z, far, scale);
  const x = (u: number): number => u - s2 * G({ re: u, im: 0 }).re;
  const slope = (u: number): number =>
    1 - s2 * t.reduce((sum, a, k) => sum + w[k]! / (a - u) ** 2, 0);
  const gaps: Array<[number, number]> = [];
  const ends = [t[0]! - 2 * sigma, ...t, t[t.length - 1]! + 2 * sigma];
  for (let k = 0; k + 1 < ends.length; k++) {
    for (const [a, b] of positiveRuns(slope, ends[k]!, ends[k + 1]!)) {
      gaps.push([k === 0 ? -Infinity : x(a), k === ends.length - 2 ? Infinity : x(b)]);
    }
  }
  const intervals = supportFromGaps(gaps, 1e-13 * scale);
  // ω = z + σ²m is the unique fixed point in ℂ⁺ of the self-map ω ↦ z + σ²G_H(ω) of ℂ⁺.
  const onAxis = realAxisRoots(equation, far, scale, intervals);
  const inside = (v: number): boolean => intervals.some(([lo, hi]) => v > lo && v < hi);
  const density = (v: number): number => (inside(v) ? Math.max(0, G(onAxis(v)).im) / Math.PI : 0);
  return {
    name: 'deformed-wigner',
    parameters: { variance, ...discreteParameters('value', t, w) },
    support: [intervals[0]![0], intervals[intervals.length - 1]![1]],
    intervals,
    atoms: [],
    density,
    cdf: piecewiseCdf(density, intervals, []),
    stieltjes: (z) => G(omega(z)),
    sampleMatrix(n, seed) {
      checkSize(n);
      const out: Matrix = wigner(2 * sigma).sampleMatrix(n, seed);
      let i = 0;
      splitCount(w, n).forEach((count, k) => {
        for (let j = 0; j < count; j++, i++) out.data[i * n + i]! += t[k]!;
      });
      return out;
    },
  };
}
