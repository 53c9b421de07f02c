import { jacksonCoefficients } from '../estimate/kpm-density.js';
import type { Complex } from '../rmt/laws/complex.js';
import { chebyshevU, jacobiNorms, jacobiValues } from './jacobi.js';
import type { SpectralSample } from './spectral-sample.js';

/** Settings of {@link fitSeries}: basis parameters, degree and damping. */
export interface SeriesSettings {
  degree: number;
  alpha: number;
  beta: number;
  damping: 'jackson' | 'none';
}

/** A density fitted on one support, with its Stieltjes transform as a series in w. */
export interface FittedSeries {
  coefficients: Float64Array;
  chebyshevMoments: Float64Array;
  /** The sample's Taylor coefficients of m at w = 0: −(2/h)·E[U_j(u)], j = 0, 1, 2. */
  taylor: Float64Array;
  mean: number;
  secondMoment: number;
  density(x: number): number;
  /** m and dm/dw of the fit at w (first sheet). */
  series(w: Complex): { m: Complex; dm: Complex };
}

/**
 * The orthogonal-projection fit of docs/theory.md §14.1 on the support [a, b]:
 * ρ(x) = w(u)·Σ_k g_k ψ_k P_k^{(α,β)}(u)/h, ψ_k = E[P_k(u)]/h_k, and its Stieltjes transform
 * m(z) = −(2/h) Σ_j μ_j w^{j+1}, μ_j = ∫ρ U_j(u) dx (midpoint rule in θ, x = c + h cos θ).
 * @example fitSeries(spectralSample(eigs), [-2, 2], settings).density(0)
 */
export function fitSeries(
  sample: SpectralSample,
  support: readonly [number, number],
  settings: SeriesSettings,
): FittedSeries {
  const { degree, alpha, beta } = settings;
  const [a, b] = support;
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  const damping = settings.damping === 'none' ? undefined : jacksonCoefficients(degree + 1);
  const norms = jacobiNorms(alpha, beta, degree);
  const coefficients = new Float64Array(degree + 1);
  const values = new Float64Array(degree + 1);
  let mean = 0;
  let secondMoment = 0;
  const raw = new Float64Array(3);
  const u3 = new Float64Array(3);
  sample.points.forEach((x, i) => {
    const wi = sample.weights[i]!;
    chebyshevU((x - c) / h, u3);
    for (let j = 0; j < 3; j++) raw[j]! += wi * u3[j]!;
    jacobiValues((x - c) / h, alpha, beta, values);
    for (let k = 0; k <= degree; k++) coefficients[k]! += wi * values[k]!;
    mean += wi * x;
    secondMoment += wi * x * x;
  });
  for (let k = 0; k <= degree; k++)
    coefficients[k] = ((damping?.[k] ?? 1) * coefficients[k]!) / norms[k]!;
  const weight = (u: number) => (1 - u) ** alpha * (1 + u) ** beta;
  const density = (x: number) => {
    const u = (x - c) / h;
    if (!(u > -1 && u < 1)) return 0;
    jacobiValues(u, alpha, beta, values);
    let sum = 0;
    for (let k = 0; k <= degree; k++) sum += coefficients[k]! * values[k]!;
    return (weight(u) * sum) / h;
  };
  const count = alpha === 0.5 && beta === 0.5 ? degree : 4 * degree;
  const chebyshevMoments = uMoments(density, c, h, count);
  // −(2/h)·(w Σ μ_j w^j, Σ (j + 1)μ_j w^j) by Horner, in number pairs: the glue fit calls this
  // 256 times per support tried (the arithmetic of the complex helpers, in their order).
  const series = (w: Complex) => {
    const { re: wr, im: wi } = w;
    let mr = 0;
    let mi = 0;
    let dr = 0;
    let di = 0;
    for (let j = chebyshevMoments.length - 1; j >= 0; j--) {
      const d = dr * wr - di * wi + (j + 1) * chebyshevMoments[j]!;
      di = dr * wi + di * wr + 0;
      dr = d;
      const t = mr * wr - mi * wi + chebyshevMoments[j]!;
      mi = mr * wi + mi * wr + 0;
      mr = t;
    }
    const k = -2 / h;
    return {
      m: { re: k * (mr * wr - mi * wi), im: k * (mr * wi + mi * wr) },
      dm: { re: k * dr, im: k * di },
    };
  };
  const taylor = raw.map((v) => (-2 / h) * v);
  return { coefficients, chebyshevMoments, taylor, mean, secondMoment, density, series };
}

/** μ_j = ∫ρ U_j(u) dx = ∫₀^π ρ(c + h cos θ) sin((j + 1)θ) h dθ by the midpoint rule. */
function uMoments(
  density: (x: number) => number,
  c: number,
  h: number,
  count: number,
): Float64Array {
  const { points, cos, sin } = midpointTable(count);
  const out = new Float64Array(count + 1);
  for (let i = 0; i < points; i++) {
    const f = (density(c + h * cos[i]!) * h * Math.PI) / points;
    for (let j = 0; j <= count; j++) out[j]! += f * sin[i * (count + 1) + j]!;
  }
  return out;
}

// The support refinement fits ~50 supports with the same count: the nodes' cos θ_i and
// sin((j + 1)θ_i) are computed once per count.
const tables = new Map<number, { points: number; cos: Float64Array; sin: Float64Array }>();

function midpointTable(count: number) {
  let table = tables.get(count);
  if (table === undefined) {
    const points = 8 * count + 256;
    const cos = new Float64Array(points);
    const sin = new Float64Array(points * (count + 1));
    for (let i = 0; i < points; i++) {
      const theta = (Math.PI * (i + 0.5)) / points;
      cos[i] = Math.cos(theta);
      for (let j = 0; j <= count; j++) sin[i * (count + 1) + j] = Math.sin((j + 1) * theta);
    }
    table = { points, cos, sin };
    if (tables.size > 16) tables.clear();
    tables.set(count, table);
  }
  return table;
}
