import { InvalidArgumentError } from '../errors.js';
import { errorVsAlpha } from './defs/error-vs-alpha.js';
import { errorVsLambda } from './defs/error-vs-lambda.js';
import { spectrumExperiment } from './defs/spectrum.js';
import { bbpExperiment } from './defs/bbp.js';
import { ssrVsPca } from './defs/ssr-vs-pca.js';
import { realData } from './defs/real-data.js';
import type { Experiment } from './types.js';

/** Every experiment of `rmtkit reproduce`, in report order. */
export const EXPERIMENTS: readonly Experiment<any>[] = [errorVsAlpha, errorVsLambda, spectrumExperiment, bbpExperiment, ssrVsPca, realData]; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The experiment called `name`.
 * @throws {InvalidArgumentError} naming 'experiment' and listing the known names.
 * @example findExperiment('error-vs-alpha').title
 */
export function findExperiment(name: string): Experiment {
  const found = EXPERIMENTS.find((e) => e.name === name);
  if (!found) throw new InvalidArgumentError('experiment', `must be one of ${EXPERIMENTS.map((e) => e.name).join(', ')}`, name);
  return found;
}
