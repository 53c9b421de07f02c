import { interval } from '../constraints.js';
import { InvalidArgumentError } from '../errors.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { checkProbeKind, type ProbeKind } from './probes.js';

/**
 * A spectral density estimate on a grid: the density of the normalised eigenvalue distribution
 * (1/n)Σ_i δ(x − λ_i), smoothed, with its pointwise standard error over the probes (per-probe
 * densities are i.i.d.; the estimate is their mean).
 */
export interface SpectralDensity {
  /** Points x at which the density is given (ascending unless a grid was passed). */
  grid: Float64Array;
  /** Estimated density at each grid point (units: 1 / units of A's eigenvalues). */
  density: Float64Array;
  /** Pointwise standard error of `density`. */
  standardError: Float64Array;
  /** Number of probes used. */
  probes: number;
  /** The interval the method worked on: Ritz-value range (SLQ) or spectrum bounds (KPM). */
  bounds: [number, number];
}

/** Options shared by the density estimators. */
export interface DensityOptions {
  /** Probe distribution (default 'rademacher'). */
  probes?: ProbeKind;
  /** Number of probes (default 30). */
  probeCount?: number;
  /** Probe i comes from randomStream(seed).split(i) (default 0). */
  seed?: Seed | RandomStream;
  /** Probes per matmat (default probeCount); the answer does not depend on it. */
  batchSize?: number;
  /** Evaluation points (default: `points` equally spaced points covering the spectrum). */
  grid?: Float64Array;
  /** Number of grid points when no grid is given (default 512). */
  points?: number;
}

/**
 * The constraints of {@link DensityOptions} and of KPM's `moments`, as data (the CLI uses them).
 */
export const densityConstraints = {
  probeCount: interval(1, Infinity, '[)', { integer: true }),
  batchSize: interval(1, Infinity, '[)', { integer: true }),
  points: interval(2, Infinity, '[)', { integer: true }),
  moments: interval(2, Infinity, '[)', { integer: true }),
};

/** Checked {@link DensityOptions}. @throws {InvalidArgumentError} naming the option. */
export function resolveDensityOptions(options: DensityOptions) {
  const c = densityConstraints;
  const probeCount = c.probeCount.check('probeCount', options.probeCount ?? 30);
  const grid = options.grid;
  if (grid !== undefined && (grid.length === 0 || !grid.every(Number.isFinite)))
    throw new InvalidArgumentError(
      'grid',
      'must be a non-empty array of finite numbers',
      grid.length,
    );
  return {
    kind: checkProbeKind(options.probes ?? 'rademacher'),
    probeCount,
    stream: randomStream(options.seed ?? 0),
    batchSize: c.batchSize.check('batchSize', options.batchSize ?? probeCount),
    grid,
    points: c.points.check('points', options.points ?? 512),
  };
}

/** `points` equally spaced points from lo to hi, ends included. */
export function linearGrid(lo: number, hi: number, points: number): Float64Array {
  return Float64Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
}

/**
 * The mean of per-probe densities and its pointwise standard error (two passes, divisor p − 1;
 * 0 for a single probe). `perProbe(i, out)` fills out[x] with probe i's density.
 */
export function meanDensity(
  grid: Float64Array,
  probes: number,
  perProbe: (i: number, out: Float64Array) => void,
): { density: Float64Array; standardError: Float64Array } {
  const rows = Array.from({ length: probes }, (_, i) => {
    const out = new Float64Array(grid.length);
    perProbe(i, out);
    return out;
  });
  const density = grid.map((_, x) => rows.reduce((s, r) => s + r[x]!, 0) / probes);
  const standardError = grid.map((_, x) => {
    if (probes < 2) return 0;
    const ss = rows.reduce((s, r) => s + (r[x]! - density[x]!) ** 2, 0);
    return Math.sqrt(ss / (probes - 1) / probes);
  });
  return { density, standardError };
}
