import { InvalidArgumentError } from '../errors.js';
import { ar1Covariance } from '../random/covariance/ar1.js';
import { diagonalCovariance } from '../random/covariance/diagonal.js';
import type { CovarianceModel } from '../random/covariance/model.js';

const cache = new Map<string, CovarianceModel>();

/**
 * The covariance model of an experiment's `model` parameter at dimension d, cached per thread
 * (a worker builds Σ and its factor once, not once per trial): `iso` (Σ = I), `ar1:ρ`
 * (Σ_ij = ρ^|i−j|; d = Infinity gives the spectral-symbol limit) or `two-level:k` (diagonal,
 * variances 1 and k alternating, so every window of coordinates mixes both).
 * @throws {InvalidArgumentError} naming 'model' for another name, or from the covariance family.
 * @example experimentModel('ar1:0.5', 100).matrix()
 */
export function experimentModel(name: string, d: number): CovarianceModel {
  const key = `${name}@${d}`;
  let model = cache.get(key);
  if (!model) {
    if (name === 'iso') model = ar1Covariance(0, d);
    else if (name.startsWith('ar1:')) model = ar1Covariance(Number(name.slice(4)), d);
    else if (name.startsWith('two-level:')) {
      const k = Number(name.slice(10));
      model = diagonalCovariance(Float64Array.from({ length: d }, (_, i) => (i % 2 === 0 ? 1 : k)), name);
    } else throw new InvalidArgumentError('model', "must be 'iso', 'ar1:<rho>' or 'two-level:<k>'", name);
    cache.set(key, model);
  }
  return model;
}

/**
 * A readable model name for legends: `AR(1), ρ = 0.5` or `isotropic, Σ = I`.
 * @example modelTitle('ar1:0.5') // 'AR(1), ρ = 0.5'
 */
export function modelTitle(name: string): string {
  if (name === 'iso') return 'isotropic, Σ = I';
  if (name.startsWith('two-level:')) return `diagonal, variances 1 and ${name.slice(10)}`;
  return `AR(1), ρ = ${name.slice(4)}`;
}

/**
 * n = round(α·d) samples, at least 1.
 * @example samples(2.5, 100) // 250
 */
export function samples(alpha: number, d: number): number {
  return Math.max(1, Math.round(alpha * d));
}

/**
 * `count` log-spaced values from lo to hi (both included).
 * @example logGrid(0.1, 10, 3) // [0.1, 1, 10]
 */
export function logGrid(lo: number, hi: number, count: number): number[] {
  const a = Math.log(lo);
  const step = (Math.log(hi) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? hi : Math.exp(a + i * step)));
}
