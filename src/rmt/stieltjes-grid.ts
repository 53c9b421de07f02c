import { InvalidArgumentError } from '../errors.js';
import { type Population, populationMean } from './population.js';
import { type StieltjesValue, sampleStieltjes } from './silverstein.js';

/** The Stieltjes transform of a sample covariance spectrum along a real grid, and its density. */
export interface StieltjesGrid {
  grid: Float64Array;
  /** Distance of the evaluation points x + iη above the real axis. */
  eta: number;
  re: Float64Array;
  im: Float64Array;
  /** Im m(x + iη)/π: the density smoothed by a Cauchy kernel of width η. */
  density: Float64Array;
  /** Whether every point converged, and the largest residual. */
  converged: boolean;
  maxResidual: number;
}

/**
 * m(x + iη) at one point from a neighbour's companion value (see {@link sampleStieltjes}, which
 * falls back to η-continuation by itself).
 * @throws {InvalidArgumentError} from {@link sampleStieltjes}.
 * @example stieltjesWithContinuation(population([1]), 0.5, 1, 1e-10)
 */
export function stieltjesWithContinuation(
  pop: Population,
  ratio: number,
  x: number,
  eta: number,
  start?: readonly [number, number],
): StieltjesValue {
  return sampleStieltjes(pop, ratio, x, eta, { start });
}

/**
 * m(x + iη) of the limiting sample covariance spectrum (population `pop`, ratio c = d/n) on an
 * ascending grid, warm-starting each point from its left neighbour (docs/theory.md §7), and the
 * density Im m/π. η defaults to 1e-9 times the grid's span: far below any bin width, so the
 * density is the x + i0 limit to plotting accuracy; it is reported either way.
 * @throws {InvalidArgumentError} naming 'grid' (empty, non-finite or not ascending) or 'eta' (≤ 0).
 * @example sampleStieltjesOnGrid(population([1]), 0.25, [0.5, 1, 1.5]).density
 */
export function sampleStieltjesOnGrid(
  pop: Population,
  ratio: number,
  grid: ArrayLike<number>,
  eta?: number,
): StieltjesGrid {
  const xs = Float64Array.from(grid);
  if (xs.length === 0) throw new InvalidArgumentError('grid', 'must hold at least one point');
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]))
      throw new InvalidArgumentError('grid', `must be finite; point ${i} is not`, xs[i]);
    if (i > 0 && !(xs[i] > xs[i - 1]))
      throw new InvalidArgumentError(
        'grid',
        `must be strictly ascending; point ${i} is not`,
        xs[i],
      );
  }
  const span =
    xs.length > 1 ? xs[xs.length - 1] - xs[0] : Math.max(Math.abs(xs[0]), populationMean(pop));
  const e = eta ?? 1e-9 * span;
  if (!(e > 0) || !Number.isFinite(e))
    throw new InvalidArgumentError('eta', 'must be a finite number > 0', e);
  const n = xs.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const density = new Float64Array(n);
  let converged = true;
  let maxResidual = 0;
  let start: [number, number] | undefined;
  for (let i = 0; i < n; i++) {
    const v = stieltjesWithContinuation(pop, ratio, xs[i], e, start);
    re[i] = v.re;
    im[i] = v.im;
    density[i] = Math.max(0, v.im) / Math.PI;
    converged &&= v.converged;
    maxResidual = Math.max(maxResidual, v.residual);
    start = [v.companionRe, v.companionIm];
  }
  return { grid: xs, eta: e, re, im, density, converged, maxResidual };
}
