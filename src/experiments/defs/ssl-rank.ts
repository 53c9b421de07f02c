import type { Experiment, Size } from '../types.js';
import { analyseSslRank } from './ssl-rank-analysis.js';
import { type SslRankPoint, type SslRankValues, simulateSslRank } from './ssl-rank-trial.js';

/** Parameters of {@link sslRank}. */
export interface SslRankConfig {
  /** Dimensions and label noise of the well-specified (rate, epsilon) panels. */
  d1: number;
  d2: number;
  p: number;
  sigma: number;
  /** Ranks s of the rate panel, with its n grid. */
  ranks: number[];
  rateNs: number[];
  /** ε_s values of the epsilon panel (s = 2, n = epsilonN, ridge λ). */
  epsilons: number[];
  epsilonN: number;
  lambda: number;
  /** The SSL-vs-supervised panel: dimensions, n grid and label noise. */
  compare: { d1: number; d2: number; sigma: number; ns: number[] };
  trials: number;
}

const BASE = { d1: 40, d2: 60, p: 3, sigma: 1, lambda: 0.05 };
const EPSILONS = [0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2];
const SIZES: Record<Size, SslRankConfig> = {
  tiny: {
    ...BASE,
    ranks: [2],
    rateNs: [40, 400],
    epsilons: [0, 0.4, 3.2],
    epsilonN: 100,
    compare: { d1: 30, d2: 60, sigma: 0.5, ns: [20, 200] },
    // The claimed checks take the standard error from the trials themselves, and the OLS excess
    // risk is skewed (coefficient of variation ≈ 0.4): with 3 trials a 4-standard-error check
    // fails 13 % of the time under the exact theory (bootstrap of 800 trials), with 20 trials
    // 0.4 %. 20 trials of all 8 points take about 2 s of CPU.
    trials: 20,
  },
  quick: {
    ...BASE,
    ranks: [1, 5],
    rateNs: [50, 200, 800, 5000],
    epsilons: EPSILONS,
    epsilonN: 100,
    compare: { d1: 60, d2: 120, sigma: 0.5, ns: [25, 50, 100, 200, 400, 800] },
    // 20 trials for the reason given at the tiny size: with 8, a 4-standard-error check over the
    // claimed points came within 0.1 of failing on the exact theory (max z 3.93). About 9 s CPU.
    trials: 20,
  },
  full: {
    ...BASE,
    ranks: [1, 3, 5, 10],
    rateNs: [50, 100, 200, 400, 800, 1600, 3200, 6400],
    epsilons: EPSILONS,
    epsilonN: 100,
    compare: { d1: 100, d2: 200, sigma: 0.5, ns: [25, 50, 100, 200, 400, 800, 1600] },
    trials: 40,
  },
};

function points(c: SslRankConfig): SslRankPoint[] {
  const common = { p: c.p, sigma: c.sigma, encodingRank: c.p, lambda: c.lambda };
  const well = { ...common, d1: c.d1, d2: c.d2, pretext: 'oracle' as const };
  return [
    ...c.ranks.map((s) => ({
      ...well,
      panel: 'rate' as const,
      s,
      epsilon: 0,
      ns: c.rateNs.join(','),
    })),
    ...c.epsilons.map((epsilon) => ({
      ...well,
      panel: 'epsilon' as const,
      s: 2,
      epsilon,
      ns: String(c.epsilonN),
    })),
    ...(['oracle', 'linear'] as const).flatMap((pretext) =>
      [c.p, c.p - 1].map((encodingRank) => ({
        ...common,
        panel: 'compare' as const,
        d1: c.compare.d1,
        d2: c.compare.d2,
        sigma: c.compare.sigma,
        s: 2,
        epsilon: 0,
        encodingRank,
        pretext,
        ns: c.compare.ns.join(','),
      })),
    ),
  ];
}

/**
 * Experiment "ssl-rank" (docs/theory.md §16.7): reconstructive SSL on the linear-Gaussian model
 * with low-rank redundancy (Du and Xiang, arXiv 2402.06884). Three panels: the downstream excess
 * risk against n for several redundancy ranks s (against (p + s)σ²/(n − p − s − 1)), the ridge
 * excess risk against ε_s with the Corollary 11 bound beside it, and SSL against the supervised
 * baseline with a full-rank and a rank-deficient label encoding.
 */
export const sslRank: Experiment<SslRankConfig, SslRankPoint, SslRankValues> = {
  name: 'ssl-rank',
  version: 1,
  title: 'Reconstructive SSL: excess risk vs n, rank s and ε_s',
  description:
    'Reconstructive self-supervised learning with low-rank redundancy (Du and Xiang, arXiv 2402.06884) on a linear-Gaussian model: the linear downstream excess risk against n for several redundancy ranks s against (p + s)σ²/(n − p − s − 1), the ridge excess risk against the approximation error ε_s with the Corollary 11 bound, and SSL + ridge against supervised ridge for a full-rank and a rank-deficient label encoding C_h.',
  config: (size) => SIZES[size],
  points,
  trials: (c) => c.trials,
  simulate: simulateSslRank,
  analyse: analyseSslRank,
};
