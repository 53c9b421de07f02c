import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { corollary11Bound } from './bound.js';
import { effectiveDimension } from './effective-dimension.js';
import { epsilonCovarianceTail, epsilonGaussian } from './epsilon.js';
import { fitDownstream, fitSupervised, type LabelPredictor } from './estimators.js';
import { type SslModelConfig, sslModel } from './model.js';
import { populationRidge } from './population.js';
import { fitPretext, type Pretext } from './pretext.js';
import { oraclePretext } from './pretext-oracle.js';
import { sampleSsl } from './sample.js';

/** One synthetic SSL run (docs/theory.md §16.7). */
export interface SslTrialConfig {
  model: SslModelConfig;
  /** Labeled sample sizes n (each ≥ p); the samples are nested (the first n rows of one draw). */
  n: number | readonly number[];
  /** Pretext: the population ψ* ('oracle'), or learned from `unlabeled` pairs. */
  pretext: 'oracle' | 'linear' | 'random-features';
  /** Unlabeled pairs m for a learned pretext (default 20·d₁). */
  unlabeled?: number;
  /** Ridge of the pretext fit (default 1e-3) and number of random features (default 4·d₁). */
  pretextLambda?: number;
  features?: number;
  /** Downstream ridge λ (default 0.05) and supervised ridge (default: the same λ). */
  lambda?: number;
  supervisedLambda?: number;
  /** Test rows for a nonlinear pretext's excess risk (default 2000). */
  test?: number;
  /** Seed of the model's directions (default 0) and of this run's data. */
  modelSeed?: Seed;
  seed: Seed | RandomStream;
}

/** Excess risks E‖Ŷ − η‖²/p of each estimator at one n, and the theory beside them. */
export interface SslTrialResult {
  n: number;
  sslLinear: number;
  sslRidge: number;
  supervisedLinear: number;
  supervisedRidge: number;
  bound: number;
  boundValid: boolean;
  errorStar: number;
  /** (p + s)σ²/n: the oracle least-squares rate. */
  rate: number;
  /** d_λ of the population Σ_ψ at the downstream λ and its bound p + s + ε_s/λ. */
  dLambda: number;
  dLambdaBound: number;
  /** ε_s exact (weighted low-rank approximation) and the stand-in from the learned ψ̂. */
  epsilonExact: number;
  epsilonStandIn: number;
}

/**
 * Draws a model's labeled set, fits the pretext (or takes ψ*), the SSL downstream estimators
 * (λ = 0 and λ) and the supervised baselines, and returns their excess risks with the
 * Corollary 11 bound, d_λ and ε_s (docs/theory.md §16.7), one result per n (the pretext is fitted
 * once). Linear pretexts give exact excess
 * risks ‖K − Wᵀ‖²_F/p for the composed map K; the random-features pretext uses a test set.
 * @throws {InvalidArgumentError} naming 'n' when n < p, and what {@link sslModel} throws.
 * @example runSslTrial({ model: { d1: 20, d2: 30, p: 3, s: 2 }, n: 200, pretext: 'oracle', seed: 1 })[0].sslLinear
 */
export function runSslTrial(config: SslTrialConfig): SslTrialResult[] {
  const model = sslModel(config.model, config.modelSeed ?? 0);
  const { p, s, d1, sigma } = model.config;
  const ns = typeof config.n === 'number' ? [config.n] : [...config.n];
  for (const n of ns)
    if (!Number.isInteger(n) || n < p)
      throw new InvalidArgumentError('n', `must be an integer ≥ p = ${p}`, n);
  const lambda = config.lambda ?? 0.05;
  const stream = randomStream(config.seed);
  const all = sampleSsl(model, Math.max(...ns), stream.child('labeled'));
  let pretext: Pretext;
  let standInSamples: Matrix;
  if (config.pretext === 'oracle') {
    pretext = oraclePretext(model);
    standInSamples = pretext.transform(sampleSsl(model, 20 * d1, stream.child('stand-in')).x1);
  } else {
    const unlabeled = sampleSsl(model, config.unlabeled ?? 20 * d1, stream.child('unlabeled'));
    pretext = fitPretext(
      unlabeled.x1,
      unlabeled.x2,
      config.pretext === 'linear'
        ? { kind: 'linear', lambda: config.pretextLambda ?? 1e-3 }
        : {
            kind: 'random-features',
            lambda: config.pretextLambda ?? 1e-3,
            features: config.features ?? 4 * d1,
            seed: stream.child('features').id.join(','),
          },
    );
    standInSamples = pretext.transform(unlabeled.x1);
  }
  const test = pretext.linearMap
    ? undefined
    : sampleSsl(model, config.test ?? 2000, stream.child('test'));
  const risk = (predictor: LabelPredictor, composed?: Matrix): number =>
    composed ? linearExcess(composed, p) : testExcess(predictor.predict(test!.x1), test!.eta);
  const composedSsl = (pr: LabelPredictor) =>
    pretext.linearMap ? matmul(pretext.linearMap, pr.fit.coef) : undefined;
  const population = populationRidge(model, lambda);
  const epsilonExact = epsilonGaussian(model.redundancy, s);
  const epsilonStandIn = epsilonCovarianceTail(standInSamples, p + s);
  return ns.map((n) => {
    const x1 = firstRows(all.x1, n);
    const y = firstRows(all.y, n);
    const sslLin = fitDownstream(pretext, x1, y, 0);
    const sslRid = fitDownstream(pretext, x1, y, lambda);
    const supLin = fitSupervised(x1, y, 0);
    const supRid = fitSupervised(x1, y, config.supervisedLambda ?? lambda);
    const bound = corollary11Bound({
      n,
      lambda,
      p,
      s,
      epsilon: model.epsilon,
      sigma2: sigma * sigma,
      errorStar: population.errorStar,
      bias: population.bias,
    });
    return {
      n,
      sslLinear: risk(sslLin, composedSsl(sslLin)),
      sslRidge: risk(sslRid, composedSsl(sslRid)),
      supervisedLinear: linearExcess(supLin.fit.coef, p),
      supervisedRidge: linearExcess(supRid.fit.coef, p),
      bound: bound.total,
      boundValid: bound.valid,
      errorStar: population.errorStar,
      rate: ((p + s) * sigma * sigma) / n,
      dLambda: effectiveDimension(population.eigenvalues, lambda),
      dLambdaBound: p + s + model.epsilon / lambda,
      epsilonExact,
      epsilonStandIn,
    };
  });
}

/**
 * ‖K − Wᵀ‖²_F/p for a composed d₁×p map K and W = [I_p 0]: the exact excess risk (X₁ ~ N(0, I)).
 */
function linearExcess(k: Matrix, p: number): number {
  let sum = 0;
  for (let i = 0; i < k.rows; i++)
    for (let j = 0; j < p; j++) sum += (k.data[i * p + j]! - (i === j ? 1 : 0)) ** 2;
  return sum / p;
}

/** Mean over rows of ‖ŷ − η‖²/p on a test set. */
function testExcess(prediction: Matrix, eta: Matrix): number {
  let sum = 0;
  for (let k = 0; k < eta.data.length; k++) sum += (prediction.data[k]! - eta.data[k]!) ** 2;
  return sum / eta.data.length;
}

/** The first n rows of m (a copy). */
function firstRows(m: Matrix, n: number): Matrix {
  return Matrix.fromRowMajor(n, m.cols, m.data.slice(0, n * m.cols));
}
