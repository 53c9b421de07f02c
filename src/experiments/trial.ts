import { backend } from '../linalg/backend.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import type { Experiment, Params, Values } from './types.js';

/**
 * The random stream of trial `seed` of an experiment: Philox stream `rmtkit/<experiment>`,
 * child `seed`. It depends on nothing else, so the trial draws the same numbers on any worker,
 * in any order, in any run.
 * @example trialStream('error-vs-alpha', 3).child('data').normal()
 */
export function trialStream(experiment: string, seed: number): RandomStream {
  return randomStream(`rmtkit/${experiment}`).split(seed);
}

/** A finished trial as a worker reports it. */
export interface TrialOutcome {
  values: Values;
  seconds: number;
  backend: string;
}

/**
 * Runs one trial of `experiment` at `params` with `seed` (on whatever thread calls it) and times
 * it.
 * @throws whatever the experiment's `simulate` throws.
 * @example runTrial(errorVsAlpha, { model: 'iso', d: 50, alpha: 2, lambda: 0.1 }, 0)
 */
export function runTrial<C, P extends Params, V extends Values>(
  experiment: Experiment<C, P, V>,
  params: P,
  seed: number,
): TrialOutcome {
  const start = performance.now();
  const values = experiment.simulate(params, trialStream(experiment.name, seed));
  return { values, seconds: (performance.now() - start) / 1000, backend: backend() };
}
