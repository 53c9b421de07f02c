// Monte Carlo of masked SSR against the deterministic equivalent: shared by the test and the
// validation bench so both measure the same thing.
import type { CovarianceModel } from '../../src/covariance/index.js';
import { fitSsr, populationError, ssrTheory } from '../../src/ssr/index.js';
import { meanAndError } from './helpers.js';

export interface McComparison {
  model: string;
  alpha: number;
  lambda: number;
  theoryGen: number;
  mcGen: number;
  seGen: number;
  theoryTrain: number;
  mcTrain: number;
  seTrain: number;
}

/**
 * Fits SSR on `seeds` independent Gaussian data sets from the model (zero mean, no centring, so
 * n is the theory's n) and compares the mean population and training errors with the theory
 * evaluated on the model's finite-d spectrum.
 */
export function monteCarlo(
  model: CovarianceModel,
  alpha: number,
  lambda: number,
  seeds: number,
): McComparison {
  const d = model.d;
  const n = Math.round(alpha * d);
  const sigma = model.matrix();
  const gen: number[] = [];
  const train: number[] = [];
  for (let s = 0; s < seeds; s++) {
    const fit = fitSsr(model.sample(n, 1000 + s), { lambda, centre: false });
    gen.push(populationError(fit, sigma));
    train.push(fit.trainError);
  }
  const [theory] = ssrTheory(model.spectrum(), [{ alpha: n / d, lambda }]);
  const g = meanAndError(gen);
  const t = meanAndError(train);
  return {
    model: model.name,
    alpha: n / d,
    lambda,
    theoryGen: theory.genError,
    mcGen: g.mean,
    seGen: g.se,
    theoryTrain: theory.trainError,
    mcTrain: t.mean,
    seTrain: t.se,
  };
}
