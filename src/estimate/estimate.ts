import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { meanError } from '../stats/mean-error.js';
import { checkProbeKind, type ProbeKind } from './probes.js';
import { studentQuantile } from './student-t.js';

/**
 * A stochastic estimate with its error bar: the mean of `probes` i.i.d. probe values, their
 * standard error (sample standard deviation / √probes) and the Student-t confidence interval
 * value ± t_{(1+c)/2, probes−1}·standardError (docs/theory.md §13). `converged` says whether the
 * interval's half-width reached the relative target rtol·|value| within maxProbes.
 */
export interface Estimate {
  value: number;
  standardError: number;
  interval: [number, number];
  probes: number;
  converged: boolean;
}

/** Options shared by the probe-based estimators (defaults follow imate). */
export interface ProbeOptions {
  /** Probe distribution (default 'rademacher'). */
  probes?: ProbeKind;
  /** Probes always drawn (default 10, at least 2 for a standard error). */
  minProbes?: number;
  /** Probes at most (default 50). */
  maxProbes?: number;
  /** Stop once the interval's half-width is ≤ rtol·|value| (default 0.01; 0 never stops early). */
  rtol?: number;
  /** Confidence level of the interval (default 0.95). */
  confidence?: number;
  /** Seed of the probes: probe i comes from randomStream(seed).split(i) (default 0). */
  seed?: Seed | RandomStream;
  /** Probes applied per matmat (default minProbes). The answer does not depend on it. */
  batchSize?: number;
}

/** The constraints of {@link ProbeOptions}, as data. */
export const probeConstraints = {
  minProbes: interval(2, Infinity, '[)', { integer: true }),
  maxProbes: interval(2, Infinity, '[)', { integer: true }),
  rtol: interval(0, Infinity, '[)'),
  confidence: interval(0, 1, '()'),
  batchSize: interval(1, Infinity, '[)', { integer: true }),
};

/** {@link ProbeOptions} checked, with the defaults filled in and the seed's stream. */
export interface ResolvedProbeOptions {
  kind: ProbeKind;
  minProbes: number;
  maxProbes: number;
  rtol: number;
  confidence: number;
  stream: RandomStream;
  batchSize: number;
}

/**
 * Checks the options, naming the offending one.
 * @throws {InvalidArgumentError} naming 'probes', 'minProbes', 'maxProbes' (also when below
 *   minProbes), 'rtol', 'confidence', 'batchSize' or 'seed'.
 */
export function resolveProbeOptions(options: ProbeOptions): ResolvedProbeOptions {
  const c = probeConstraints;
  const minProbes = c.minProbes.check('minProbes', options.minProbes ?? 10);
  const maxProbes = c.maxProbes.check('maxProbes', options.maxProbes ?? Math.max(50, minProbes));
  if (maxProbes < minProbes)
    throw new InvalidArgumentError('maxProbes', `must be ≥ minProbes = ${minProbes}`, maxProbes);
  return {
    kind: checkProbeKind(options.probes ?? 'rademacher'),
    minProbes,
    maxProbes,
    rtol: c.rtol.check('rtol', options.rtol ?? 0.01),
    confidence: c.confidence.check('confidence', options.confidence ?? 0.95),
    stream: randomStream(options.seed ?? 0),
    batchSize: c.batchSize.check('batchSize', options.batchSize ?? minProbes),
  };
}

/**
 * Runs probes in batches, `sample(first, count)` returning the values of probes first … first +
 * count − 1, until the relative target is met at some probe count N ≥ minProbes (checked after
 * every single probe, in probe order, so the stopping point and the answer do not depend on the
 * batch size) or maxProbes is reached. `offset` is added to the mean (Hutch++'s exact part).
 */
export function sequentialMean(
  sample: (first: number, count: number) => Float64Array,
  o: ResolvedProbeOptions,
  offset = 0,
): Estimate {
  const values: number[] = [];
  let mean = 0;
  let sumSquares = 0;
  while (values.length < o.maxProbes) {
    const batch = sample(values.length, Math.min(o.batchSize, o.maxProbes - values.length));
    for (const v of batch) {
      values.push(v);
      const n = values.length;
      const delta = v - mean;
      mean += delta / n;
      sumSquares += delta * (v - mean);
      if (n < o.minProbes || o.rtol === 0) continue;
      const half =
        studentQuantile((1 + o.confidence) / 2, n - 1) * Math.sqrt(sumSquares / (n - 1) / n);
      if (half <= o.rtol * Math.abs(offset + mean))
        return summarize(values, o.confidence, offset, true);
    }
  }
  return summarize(values, o.confidence, offset, false);
}

/** Mean, standard error and Student-t interval of a sample (plus `offset`). */
export function summarize(
  values: ArrayLike<number>,
  confidence: number,
  offset = 0,
  converged = false,
): Estimate {
  const { mean, stderr, n } = meanError(values);
  const half = n > 1 ? studentQuantile((1 + confidence) / 2, n - 1) * stderr : NaN;
  const value = offset + mean;
  return {
    value,
    standardError: stderr,
    interval: [value - half, value + half],
    probes: n,
    converged,
  };
}
