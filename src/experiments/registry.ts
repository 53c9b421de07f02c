import { InvalidArgumentError } from '../errors.js';
import { bbpExperiment } from './defs/bbp.js';
import { deepCk } from './defs/deep-ck.js';
import { doubleDescent } from './defs/double-descent.js';
import { errorVsAlpha } from './defs/error-vs-alpha.js';
import { errorVsLambda } from './defs/error-vs-lambda.js';
import { freeDecompression } from './defs/free-decompression.js';
import { realData } from './defs/real-data.js';
import { sketchingExperiment } from './defs/sketching.js';
import { spectrumExperiment } from './defs/spectrum.js';
import { sslBackground } from './defs/ssl-background.js';
import { sslRank } from './defs/ssl-rank.js';
import { ssrVsPca } from './defs/ssr-vs-pca.js';
import type { Experiment, Params, Values } from './types.js';

/**
 * Every experiment of `rmtkit reproduce`, in report order. Each has its own config, point and
 * value types; the list holds them side by side (the one place they are erased to `any`).
 */
export const EXPERIMENTS: readonly Experiment<any, any, any>[] = [
  errorVsAlpha,
  errorVsLambda,
  spectrumExperiment,
  bbpExperiment,
  ssrVsPca,
  sketchingExperiment,
  freeDecompression,
  sslRank,
  sslBackground,
  realData,
  doubleDescent,
  deepCk,
]; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The experiment called `name`, typed as an experiment of unknown config taking any {@link Params}
 * and returning any {@link Values}: callers (the runner, the worker) pass it only the points its
 * own `points` produced.
 * @throws {InvalidArgumentError} naming 'experiment' and listing the known names.
 * @example findExperiment('error-vs-alpha').title
 */
export function findExperiment(name: string): Experiment<unknown, Params, Values> {
  const found = EXPERIMENTS.find((e) => e.name === name);
  if (!found)
    throw new InvalidArgumentError(
      'experiment',
      `must be one of ${EXPERIMENTS.map((e) => e.name).join(', ')}`,
      name,
    );
  return found;
}
