import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import { jacksonCoefficients } from '../estimate/kpm-density.js';
import { add, type Complex, mul, scale } from '../rmt/laws/complex.js';
import { fitGlue, type Glue } from './glue.js';
import { chebyshevU, jacobiNorms, jacobiValues } from './jacobi.js';
import { type StieltjesSheets, toJoukowski } from './joukowski.js';
import { type SpectralInput, spectralSample } from './spectral-sample.js';
import { detectSupport } from './support.js';

/** Options of {@link freeForm}. */
export interface FreeFormOptions {
  /** [a, b] containing every eigenvalue (default: detected from the edge eigenvalues). */
  support?: readonly [number, number];
  /** Polynomial degree K (default 20, at most ⌊2√n_s⌋). */
  degree?: number;
  /** 'jacobi' (weight (1 − u)^α(1 + u)^β, default) or 'chebyshev' (α = β = −½). */
  basis?: 'jacobi' | 'chebyshev';
  /** Jacobi parameters (default ½, ½: square-root edges). */
  alpha?: number;
  beta?: number;
  /** Damping of the coefficients (default 'jackson'). */
  damping?: 'jackson' | 'none';
  /** Degrees of the Padé glue R = wP/Q (default p = 2, q = 1). */
  padeP?: number;
  padeQ?: number;
  /** Matrix order n_s when the input is a density estimate. */
  size?: number;
}

/** A fitted density with its Stieltjes transform on both sheets (docs/theory.md §14.1). */
export interface FreeForm {
  /** Order n_s of the matrix the spectrum came from. */
  size: number;
  support: [number, number];
  basis: 'jacobi' | 'chebyshev';
  alpha: number;
  beta: number;
  degree: number;
  /** Damped coefficients ψ_k of ρ(x) = w(u)/h · Σ ψ_k P_k^{(α,β)}(u), u = (x − c)/h. */
  coefficients: Float64Array;
  /** μ_j = ∫ρ(x) U_j(u) dx of the fit: m(z) = −(2/h) Σ μ_j w^{j+1} on the first sheet. */
  chebyshevMoments: Float64Array;
  /** First two moments of the input spectrum. */
  mean: number;
  secondMoment: number;
  density(x: number): number;
  /** m(z) = ∫ρ(x)/(x − z) dx of the fit (first sheet; z off the support or Im z ≥ 0). */
  stieltjes(z: Complex): Complex;
  /** (1/π) p.v.∫ρ(y)/(x − y) dy = −Re m(x + i0)/π. */
  hilbert(x: number): number;
  /** The second branch at z: the glue continued through the cut from above. */
  secondBranch(z: Complex): Complex;
  glue: Glue;
  /** The glue on both sheets: what decompression's characteristics use. */
  sheets: StieltjesSheets;
  /** The fit's own series (first sheet only): what compression's characteristics use. */
  firstSheet: StieltjesSheets;
}

const degreeRange = interval(1, Infinity, '[)', { integer: true });
const jacobiParameter = interval(-1, Infinity, '()');

/**
 * Fits a free-form density to a spectrum (docs/theory.md §14.1): eigenvalues, a symmetric Matrix
 * (diagonalised) or an SLQ/KPM {@link SpectralDensity}. On the support [a, b] mapped to [−1, 1]
 * the density is w(u)·Σ_k g_k ψ_k P_k(u)/h with ψ_k = E[P_k(u)]/h_k (orthogonal projection of the
 * empirical measure), g_k the Jackson factors; its Stieltjes transform is a power series in the
 * Joukowski variable, and a Padé glue R = wP/Q fitted on the cut continues it to the second sheet.
 * @throws {InvalidArgumentError} naming 'support' (a ≥ b, not finite, or not containing every
 *   eigenvalue), 'degree' (not an integer in [1, ⌊2√n_s⌋]), 'alpha'/'beta' (≤ −1), 'padeP'/'padeQ'.
 * @throws {NonFiniteError} for a non-finite eigenvalue or matrix entry.
 * @example freeForm(marchenkoPastur(0.1).sampleMatrix(500, 1)).density(1) // ≈ 1.24
 */
export function freeForm(input: SpectralInput, options: FreeFormOptions = {}): FreeForm {
  const sample = spectralSample(input, options.size);
  const n = sample.size;
  const maxDegree = Math.floor(2 * Math.sqrt(n));
  const degree = degreeRange.check('degree', options.degree ?? Math.min(20, maxDegree));
  if (degree > maxDegree)
    throw new InvalidArgumentError(
      'degree',
      `must be ≤ ⌊2√n_s⌋ = ${maxDegree} for n_s = ${n}`,
      degree,
    );
  const basis = options.basis ?? 'jacobi';
  const alpha = basis === 'chebyshev' ? -0.5 : jacobiParameter.check('alpha', options.alpha ?? 0.5);
  const beta = basis === 'chebyshev' ? -0.5 : jacobiParameter.check('beta', options.beta ?? 0.5);
  const padeP = interval(0, 12, '[]', { integer: true }).check('padeP', options.padeP ?? 2);
  const padeQ = interval(0, 6, '[]', { integer: true }).check('padeQ', options.padeQ ?? 1);
  const support = checkSupport(options.support, sample.range, sample.eigenvalues);
  const [a, b] = support;
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  const damping = options.damping === 'none' ? undefined : jacksonCoefficients(degree + 1);
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
  const chebyshevMoments = uMoments(
    density,
    c,
    h,
    alpha === 0.5 && beta === 0.5 ? degree : 4 * degree,
  );
  const series = (w: Complex): { m: Complex; dm: Complex } => {
    let m = { re: 0, im: 0 };
    let dm = { re: 0, im: 0 };
    for (let j = chebyshevMoments.length - 1; j >= 0; j--) {
      dm = add(mul(dm, w), { re: (j + 1) * chebyshevMoments[j]!, im: 0 });
      m = add(mul(m, w), { re: chebyshevMoments[j]!, im: 0 });
    }
    return { m: scale(-2 / h, mul(m, w)), dm: scale(-2 / h, dm) };
  };
  const stieltjes = (z: Complex) => series(toJoukowski(z, support)).m;
  const glue = fitGlue(
    (w) => series(w).m,
    padeP,
    padeQ,
    raw.map((v) => (-2 / h) * v),
  );
  return {
    size: n,
    support,
    basis,
    alpha,
    beta,
    degree,
    coefficients,
    chebyshevMoments,
    mean,
    secondMoment,
    density,
    stieltjes,
    hilbert: (x) => -stieltjes({ re: x, im: 0 }).re / Math.PI,
    secondBranch(z) {
      const w = toJoukowski(z, support);
      const r2 = w.re * w.re + w.im * w.im;
      return glue.at({ re: w.re / r2, im: -w.im / r2 }).m;
    },
    glue,
    sheets: { support, at: glue.at },
    firstSheet: { support, at: series },
  };
}

/** μ_j = ∫ρ U_j(u) dx = ∫₀^π ρ(c + h cos θ) sin((j + 1)θ) h dθ by the midpoint rule. */
function uMoments(
  density: (x: number) => number,
  c: number,
  h: number,
  count: number,
): Float64Array {
  const points = 8 * count + 256;
  const out = new Float64Array(count + 1);
  for (let i = 0; i < points; i++) {
    const theta = (Math.PI * (i + 0.5)) / points;
    const f = (density(c + h * Math.cos(theta)) * h * Math.PI) / points;
    for (let j = 0; j <= count; j++) out[j]! += f * Math.sin((j + 1) * theta);
  }
  return out;
}

function checkSupport(
  given: readonly [number, number] | undefined,
  range: [number, number],
  eigenvalues?: Float64Array,
): [number, number] {
  if (given === undefined) return eigenvalues ? detectSupport(eigenvalues) : range;
  const [a, b] = given;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b))
    throw new InvalidArgumentError('support', 'must be finite [a, b] with a < b', given);
  if (range[0] < a || range[1] > b)
    throw new InvalidArgumentError(
      'support',
      `must contain every eigenvalue (they span [${range[0]}, ${range[1]}])`,
      given,
    );
  return [a, b];
}
