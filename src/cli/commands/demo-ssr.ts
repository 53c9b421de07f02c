import { buildCovariance } from '../../scenario/covariance-spec.js';
import { sampleCount, ssrTrials } from '../../scenario/ssr-trial.js';
import { optimalLambda, ssrTheory } from '../../ssr/index.js';

export interface SsrDemoResult {
  model: string;
  n: number;
  d: number;
  lambda: number;
  seeds: number;
  theory: { genError: number; trainError: number };
  simulation: { genError: number; genStdErr: number; trainError: number; trainStdErr: number };
}

/**
 * Fits masked SSR on seeded AR(1) data at the theory's optimal λ and compares the measured
 * population and training errors (mean ± standard error over seeds) with the deterministic
 * equivalent (docs/theory.md §2).
 */
export function ssrDemo(
  d: number,
  alpha: number,
  rho: number,
  seeds: number,
  seed: number,
): SsrDemoResult {
  const model = buildCovariance({ kind: 'ar1', rho }, d);
  const n = sampleCount(alpha, d);
  const form = model.spectrum();
  const lambda = optimalLambda(form, n / d).point.lambda;
  const [theory] = ssrTheory(form, [{ alpha: n / d, lambda }]);
  const { gen, train } = ssrTrials(model, n, lambda, seeds, (s) => seed + s);
  return {
    model: model.name,
    n,
    d,
    lambda,
    seeds,
    theory: { genError: theory!.genError, trainError: theory!.trainError },
    simulation: {
      genError: gen.mean,
      genStdErr: gen.stderr,
      trainError: train.mean,
      trainStdErr: train.stderr,
    },
  };
}
