import { createHash } from 'node:crypto';

/** The BullMQ queue name when none is given: one coordinator per name and Redis. */
export const DEFAULT_QUEUE_NAME = 'rmtkit';

/** What a trial job carries: everything a worker needs to run it, as JSON. */
export interface TrialJobData {
  /** Experiment name, looked up in the worker's registry. */
  experiment: string;
  /** `name@version` of the coordinator's definition: a worker with another version refuses. */
  key: string;
  /** The grid point as canonical text (`paramsKey`). */
  params: string;
  seed: number;
}

/**
 * What a worker returns for a trial job: the outcome, with the values as `encodeValues` text
 * (BullMQ stores return values as JSON, which would turn NaN and ±Infinity into null).
 */
export interface TrialJobResult {
  values: string;
  seconds: number;
  backend: string;
}

/**
 * The id of a trial's job, a function of (experiment key, canonical parameters, seed) only, so
 * adding the same trial twice is a no-op while its job exists. BullMQ ids may not contain ':', so
 * the parameters enter through their SHA-256 (first 24 hex digits).
 * @example trialJobId('error-vs-alpha@1', '{"alpha":2}', 3) // 'error-vs-alpha@1-3f2a…-3'
 */
export function trialJobId(key: string, params: string, seed: number): string {
  const digest = createHash('sha256').update(params).digest('hex').slice(0, 24);
  return `${key}-${digest}-${seed}`;
}
