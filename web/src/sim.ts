import { randomStream } from '../../src/random/stream.js';
import { buildCovariance, type CovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { sampleCount, ssrTrials } from '../../src/scenario/ssr-trial.js';
import { ssrEigen } from '../../src/ssr/spectrum.js';
import { type DensityBin, densityBins } from './lab/types.js';

/** A Monte Carlo request: the covariance at a finite d, one λ, several α. */
export interface SimRequest {
  spec: CovarianceSpec;
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
  /** NaN (shown as no error bar) for a single trial. */
  genSe: number;
  trainMean: number;
  trainSe: number;
}

/** Largest d the explorer simulates (a JS fit at d = 400, n = 3200 takes about a second). */
export const MAX_SIM_D = 400;

/**
 * Runs the library's masked-SSR trials (`ssrTrials`: Gaussian data N(0, Σ), no centring, exact
 * generalisation and training errors) at every α; trial t at α index i uses the stream child
 * (i, t) of `seed`, so reruns reproduce. Calls `progress(done, total)` after every trial and
 * `point` after every α.
 * @throws {RangeError} for d outside [2, 400]; the library's errors for a model it rejects.
 * @example simulate({ spec: { kind: 'ar1', rho: 0.5 }, d: 60, lambda: 0.1, alphas: [1, 2], trials: 4, seed: 1 }, () => {}, console.log)
 */
export function simulate(
  req: SimRequest,
  progress: (done: number, total: number) => void,
  point: (p: SimPoint) => void,
): void {
  const model = simulationModel(req);
  const root = randomStream(req.seed);
  const total = req.alphas.length * req.trials;
  let done = 0;
  req.alphas.forEach((alpha, i) => {
    const n = sampleCount(alpha, req.d);
    const { gen, train } = ssrTrials(
      model,
      n,
      req.lambda,
      req.trials,
      (t) => root.child('alpha', i).child('trial', t),
      () => progress(++done, total),
    );
    point({
      alpha: n / req.d,
      n,
      genMean: gen.mean,
      genSe: gen.stderr,
      trainMean: train.mean,
      trainSe: train.stderr,
    });
  });
}

/** A pooled histogram of simulated eigenvalues of Â as a density (bins of equal width). */
export interface SimHistogram {
  alpha: number;
  n: number;
  /** Bin centres, densities and their standard errors √count/(N·width). */
  bins: DensityBin[];
}

/**
 * Eigenvalues of Â (`ssrEigen`) from `trials` Gaussian data sets at one α, pooled into `binCount`
 * bins; trial t uses the stream child ('spectrum', t) of `seed`. Calls `progress()` after each
 * trial.
 * @throws {RangeError} for d outside [2, 400].
 * @example simulateSpectrum({ spec: { kind: 'ar1', rho: 0.5 }, d: 100, lambda: 0.1, alphas: [], trials: 4, seed: 1 }, 2, () => {}).bins.length // 40
 */
export function simulateSpectrum(
  req: SimRequest,
  alpha: number,
  progress: () => void,
  binCount = 40,
): SimHistogram {
  const model = simulationModel(req);
  const n = sampleCount(alpha, req.d);
  const values: number[] = [];
  for (let t = 0; t < req.trials; t++) {
    for (const v of ssrEigen(
      model.sample(n, randomStream(req.seed).child('spectrum', t)),
      req.lambda,
    ).values)
      values.push(v);
    progress();
  }
  return { alpha: n / req.d, n, bins: densityBins(values, binCount) };
}

function simulationModel(req: SimRequest) {
  if (!(req.d >= 2 && req.d <= MAX_SIM_D))
    throw new RangeError(`Monte Carlo needs 2 ≤ d ≤ ${MAX_SIM_D}; got ${req.d}`);
  return buildCovariance(req.spec, req.d);
}
