import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import type { Complex } from '../rmt/laws/complex.js';
import { type FittedSeries, fitSeries } from './fit-series.js';
import type { FreeForm, FreeFormOptions } from './free-form-types.js';
import { fitGlue, type Glue } from './glue.js';
import { toJoukowski } from './joukowski.js';
import { impliedMoments, refineSupport } from './refine-support.js';
import { fitSampleGlue } from './sample-glue.js';
import { type SpectralInput, type SpectralSample, spectralSample } from './spectral-sample.js';
import { detectSupport } from './support.js';

export type { FreeForm, FreeFormOptions } from './free-form-types.js';

const degreeRange = interval(1, Infinity, '[)', { integer: true });
const jacobiParameter = interval(-1, Infinity, '()');

/**
 * Fits a free-form density to a spectrum (docs/theory.md §14.1): eigenvalues, a symmetric Matrix
 * (diagonalised) or an SLQ/KPM {@link SpectralDensity}. On the support [a, b] mapped to [−1, 1]
 * the density is w(u)·Σ_k g_k ψ_k P_k(u)/h with ψ_k = E[P_k(u)]/h_k (orthogonal projection of the
 * empirical measure), g_k the damping factors; its Stieltjes transform is a power series in the
 * Joukowski variable, and a Padé glue R = wP/Q fitted on the cut continues it to the second sheet.
 * A detected support is refined to where the glue fits best and carries the sample's mean and
 * variance (§14.3); it may leave out up to two eigenvalues at each end.
 * @throws {InvalidArgumentError} naming 'support' (a ≥ b, not finite, or not containing every
 *   eigenvalue), 'degree' (not an integer in [1, ⌊2√n_s⌋]), 'alpha'/'beta' (≤ −1), 'padeP',
 *   'padeQ' or 'fixedMoments'.
 * @throws {NonFiniteError} for a non-finite eigenvalue or matrix entry.
 * @example freeForm(marchenkoPastur(0.1).sampleMatrix(500, 1)).density(1) // ≈ 1.24
 */
export function freeForm(input: SpectralInput, options: FreeFormOptions = {}): FreeForm {
  const sample = spectralSample(input, options.size);
  const n = sample.size;
  const maxDegree = Math.floor(2 * Math.sqrt(n));
  const degree = degreeRange.check('degree', options.degree ?? Math.min(10, maxDegree));
  if (degree > maxDegree)
    throw new InvalidArgumentError(
      'degree',
      `must be ≤ ⌊2√n_s⌋ = ${maxDegree} for n_s = ${n}`,
      degree,
    );
  const basis = options.basis ?? 'jacobi';
  const alpha = basis === 'chebyshev' ? -0.5 : jacobiParameter.check('alpha', options.alpha ?? 0.5);
  const beta = basis === 'chebyshev' ? -0.5 : jacobiParameter.check('beta', options.beta ?? 0.5);
  const padeP = interval(0, 12, '[]', { integer: true }).check('padeP', options.padeP ?? 0);
  const padeQ = interval(0, 6, '[]', { integer: true }).check('padeQ', options.padeQ ?? 1);
  const fixed = interval(0, 3, '[]', { integer: true }).check(
    'fixedMoments',
    options.fixedMoments ?? 1,
  );
  const settings = { degree, alpha, beta, damping: options.damping ?? ('none' as const) };
  const fromSample = options.glue === 'sample';
  const radius = interval(0, 1, '()').check('glueRadius', options.glueRadius ?? 0.5);
  const build = (support: readonly [number, number]) => {
    const fit = fitSeries(sample, support, settings);
    const taylor = fit.taylor.slice(0, fixed);
    const glue = fromSample
      ? fitSampleGlue(sample, support, padeP, padeQ, taylor, radius)
      : fitGlue((w) => fit.series(w).m, padeP, padeQ, taylor);
    return { fit, glue };
  };
  let support = checkSupport(options.support, sample.range, sample.eigenvalues);
  if (options.support === undefined && (options.refineSupport ?? !fromSample)) {
    let mean = 0;
    let second = 0;
    sample.points.forEach((x, i) => {
      mean += sample.weights[i]! * x;
      second += sample.weights[i]! * x * x;
    });
    const variance = second - mean ** 2;
    // The coordinate search revisits supports (a step back is tried after each move): a
    // build is ~0.4 ms, so each support's cost is computed once.
    const costs = new Map<string, number>();
    const cost = (s: [number, number]) => {
      const key = `${s[0]},${s[1]}`;
      const known = costs.get(key);
      if (known !== undefined) return known;
      const value = supportCost(s);
      costs.set(key, value);
      return value;
    };
    const supportCost = (s: [number, number]) => {
      const { glue } = build(s);
      const implied = impliedMoments(glue.numerator, glue.denominator, s);
      const meanError = Math.abs(implied.mean - mean) / Math.sqrt(variance);
      return glue.residual + meanError + Math.abs(implied.variance / variance - 1);
    };
    support = refineSupport(support, edgeRange(sample), cost).support;
  }
  const { fit, glue } = build(support);
  return assemble(n, support, { basis, alpha, beta, degree }, fit, glue);
}

function assemble(
  size: number,
  support: [number, number],
  basis: Pick<FreeForm, 'basis' | 'alpha' | 'beta' | 'degree'>,
  fit: FittedSeries,
  glue: Glue,
): FreeForm {
  const stieltjes = (z: Complex) => fit.series(toJoukowski(z, support)).m;
  return {
    size,
    support,
    ...basis,
    coefficients: fit.coefficients,
    chebyshevMoments: fit.chebyshevMoments,
    mean: fit.mean,
    secondMoment: fit.secondMoment,
    density: fit.density,
    stieltjes,
    hilbert: (x) => -stieltjes({ re: x, im: 0 }).re / Math.PI,
    secondBranch(z) {
      const w = toJoukowski(z, support);
      const r2 = w.re * w.re + w.im * w.im;
      return glue.at({ re: w.re / r2, im: -w.im / r2 }).m;
    },
    glue,
    sheets: { support, at: glue.at, evaluate: glue.evaluate },
    firstSheet: { support, at: fit.series },
  };
}

/**
 * Where a refined support's edges may go: inside [λ₍₃₎, λ₍ₙ₋₂₎], leaving out at most two
 * eigenvalues per end (their Tracy–Widom fluctuation beyond the true edge, O(n_s^{−2/3})).
 */
function edgeRange(sample: SpectralSample): [number, number] {
  const e = sample.eigenvalues;
  if (!e || e.length < 16) return sample.range;
  return [e[2]!, e[e.length - 3]!];
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
