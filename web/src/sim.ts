import { buildCovariance, parseCovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { randomStream } from '../../src/random/stream.js';
import { fitSsr } from '../../src/ssr/estimator.js';
import { populationError } from '../../src/ssr/population-error.js';
import { ssrEigen } from '../../src/ssr/spectrum.js';

/** A Monte Carlo request: the model as a CLI `--cov` string at a finite d, one λ, several α. */
export interface SimRequest {
  cov: string;
  d: number;
  lambda: number;
  alphas: number[];
  trials: number;
  seed: number;
}

/** Mean ± standard error of the simulated errors at one α (n = round(αd) samples per trial). */
export interface SimPoint {
  alpha: number;
  n: number;
  genMean: number;
  genSe: number;
  trainMean: number;
  trainSe: number;
}

/** Largest d the explorer simulates (a JS fit at d = 400, n = 3200 takes about a second). */
export const MAX_SIM_D = 400;

/**
 * Runs masked-SSR trials on Gaussian data N(0, Σ) (no centring, the zero-mean theory): for each α
 * and trial, Â at λ and its exact generalisation error tr((I−Â)ᵀΣ(I−Â))/d and training error.
 * Trial t at α index i uses the stream child (i, t) of `seed`, so reruns reproduce. Calls
 * `progress(done, total)` after every trial and `point` after every α.
 * @throws {InvalidArgumentError} for d outside [2, 400] or a model the parser rejects.
 * @example simulate({ cov: 'ar1:0.5', d: 60, lambda: 0.1, alphas: [1, 2], trials: 4, seed: 1 }, () => {}, console.log)
 */
export function simulate(req: SimRequest, progress: (done: number, total: number) => void, point: (p: SimPoint) => void): void {
  const model = buildCovariance(parseCovarianceSpec(req.cov), req.d, { vector: noFiles, matrix: noFiles });
  if (!(model.d >= 2 && model.d <= MAX_SIM_D)) throw new RangeError(`Monte Carlo needs 2 ≤ d ≤ ${MAX_SIM_D}; got ${model.d}`);
  const sigma = model.matrix();
  const root = randomStream(req.seed);
  const total = req.alphas.length * req.trials;
  let done = 0;
  req.alphas.forEach((alpha, i) => {
    const n = Math.max(1, Math.round(alpha * req.d));
    const gen: number[] = [];
    const train: number[] = [];
    for (let t = 0; t < req.trials; t++) {
      const x = model.sample(n, root.child('alpha', i).child('trial', t));
      const fit = fitSsr(x, { lambda: req.lambda, centre: false });
      gen.push(populationError(fit, sigma));
      train.push(fit.trainError);
      progress(++done, total);
    }
    point({ alpha: n / req.d, n, genMean: mean(gen), genSe: stdErr(gen), trainMean: mean(train), trainSe: stdErr(train) });
  });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function stdErr(xs: number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
}

function noFiles(file: string): never {
  throw new RangeError(`cannot read ${file} in the explorer`);
}

/** A pooled histogram of simulated eigenvalues of Â as a density (bins of equal width). */
export interface SimHistogram {
  alpha: number;
  n: number;
  /** Bin centres, densities and their standard errors √count/(N·width). */
  bins: Array<{ x: number; density: number; se: number }>;
}

/**
 * Eigenvalues of Â (`ssrEigen`) from `trials` Gaussian data sets at one α, pooled into `binCount`
 * bins; trial t uses the stream child ('spectrum', t) of `seed`. Calls `progress()` after each trial.
 * @throws {RangeError} for d outside [2, 400].
 * @example simulateSpectrum({ cov: 'ar1:0.5', d: 100, lambda: 0.1, alphas: [], trials: 4, seed: 1 }, 2, () => {}).bins.length // 40
 */
export function simulateSpectrum(req: SimRequest, alpha: number, progress: () => void, binCount = 40): SimHistogram {
  const model = buildCovariance(parseCovarianceSpec(req.cov), req.d, { vector: noFiles, matrix: noFiles });
  if (!(model.d >= 2 && model.d <= MAX_SIM_D)) throw new RangeError(`Monte Carlo needs 2 ≤ d ≤ ${MAX_SIM_D}; got ${model.d}`);
  const n = Math.max(1, Math.round(alpha * req.d));
  const values: number[] = [];
  for (let t = 0; t < req.trials; t++) {
    for (const v of ssrEigen(model.sample(n, randomStream(req.seed).child('spectrum', t)), req.lambda).values) values.push(v);
    progress();
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = (hi - lo) / binCount || 1;
  const counts = new Array<number>(binCount).fill(0);
  for (const v of values) counts[Math.min(binCount - 1, Math.floor((v - lo) / width))]!++;
  const scale = 1 / (values.length * width);
  return { alpha: n / req.d, n, bins: counts.map((c, k) => ({ x: lo + (k + 0.5) * width, density: c * scale, se: Math.sqrt(c) * scale })) };
}
