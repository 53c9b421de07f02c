import type { CovarianceModel } from '../covariance/model.js';
import { InvalidArgumentError } from '../errors.js';
import { buildCovariance, parseCovarianceSpec } from '../scenario/covariance-spec.js';
import { parseDimension } from '../scenario/dimension.js';
import { SSR_PARAMS } from '../ssr/params.js';
import { loadMatrix, loadVector } from './inputs.js';
import { float64Bytes, requireMemory } from './limits.js';

/* The --d and --cov flags shared by theory, spectrum and compare-pca. */

/**
 * `inf` or an integer d ≥ 2 (see {@link parseDimension}). @throws {InvalidArgumentError} naming
 * '--d'.
 */
export function parseDimensionFlag(text: string): number {
  return parseDimension(text, '--d');
}

/**
 * Builds a covariance model from `--cov` and `--d`; model errors are re-worded to name the flags.
 * @throws {InvalidArgumentError} naming '--d' or '--cov …'.
 */
export function buildModel(text: string, d: number | undefined): CovarianceModel {
  const spec = parseCovarianceSpec(text, '--cov');
  if (d !== undefined && Number.isFinite(d))
    requireMemory('--d', d, float64Bytes(3 * d * d), `a ${d}×${d} covariance and its eigenvectors`);
  try {
    const model = buildCovariance(spec, d, { vector: loadVector, matrix: loadMatrix });
    if (model.d !== Infinity) SSR_PARAMS.d.check('--d', model.d);
    model.spectrum();
    return model;
  } catch (error) {
    if (error instanceof InvalidArgumentError && error.argument === 'd')
      throw new InvalidArgumentError('--d', error.requirement, error.value);
    if (error instanceof InvalidArgumentError && !error.argument.startsWith('--'))
      throw new InvalidArgumentError(
        `--cov ${text}: ${error.argument}`,
        error.requirement,
        error.value,
      );
    throw error;
  }
}
