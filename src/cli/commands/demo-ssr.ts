import { ar1Covariance } from '../../random/covariance/index.js';
import { fitSsr, optimalLambda, populationError, ssrTheory } from '../../ssr/index.js';

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
 * equivalent (THEORY.md §2).
 */
export function ssrDemo(d: number, alpha: number, rho: number, seeds: number, seed: number): SsrDemoResult {
  const model = ar1Covariance(rho, d);
  const n = Math.max(2, Math.round(alpha * d));
  const form = model.spectrum();
  const lambda = optimalLambda(form, n / d).point.lambda;
  const [theory] = ssrTheory(form, [{ alpha: n / d, lambda }]);
  const gen: number[] = [];
  const train: number[] = [];
  for (let s = 0; s < seeds; s++) {
    const fit = fitSsr(model.sample(n, seed + s), { lambda, centre: false });
    gen.push(populationError(fit, model.matrix()));
    train.push(fit.trainError);
  }
  const g = meanSe(gen);
  const t = meanSe(train);
  return {
    model: model.name,
    n,
    d,
    lambda,
    seeds,
    theory: { genError: theory!.genError, trainError: theory!.trainError },
    simulation: { genError: g.mean, genStdErr: g.se, trainError: t.mean, trainStdErr: t.se },
  };
}

function meanSe(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.length > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, se: Math.sqrt(variance / xs.length) };
}
