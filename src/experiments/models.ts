import type { CovarianceModel } from '../covariance/model.js';
import {
  buildCovariance,
  covarianceTitle,
  parseCovarianceSpec,
} from '../scenario/covariance-spec.js';

const cache = new Map<string, CovarianceModel>();

/**
 * The covariance model of an experiment's `model` parameter (a covariance string such as `iso`,
 * `ar1:0.5` or `two-level:6`, see {@link parseCovarianceSpec}) at dimension d, cached per thread:
 * a worker builds Σ and its factor once, not once per trial.
 * @throws {InvalidArgumentError} naming 'model' for a string the grammar rejects, or from the
 * family.
 * @example experimentModel('ar1:0.5', 100).matrix()
 */
export function experimentModel(name: string, d: number): CovarianceModel {
  const key = `${name}@${d}`;
  let model = cache.get(key);
  if (!model) {
    model = buildCovariance(parseCovarianceSpec(name, 'model'), d);
    cache.set(key, model);
  }
  return model;
}

/**
 * A readable model name for legends: `AR(1), ρ = 0.5` or `isotropic, Σ = I`.
 * @example modelTitle('ar1:0.5') // 'AR(1), ρ = 0.5'
 */
export function modelTitle(name: string): string {
  return covarianceTitle(parseCovarianceSpec(name, 'model'));
}
