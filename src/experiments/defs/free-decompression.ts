import type { Experiment, Size } from '../types.js';
import { analyseFreeDecompression } from './free-decompression-analysis.js';
import {
  type FreeDecompressionPoint,
  type FreeDecompressionValues,
  simulateFreeDecompression,
} from './free-decompression-trial.js';

/** Parameters of {@link freeDecompression}. */
export interface FreeDecompressionConfig {
  /** Order n_s of the sampled matrix. */
  ns: number;
  ensembles: string[];
  trials: number;
}

const ENSEMBLES = ['goe', 'wishart-1/50', 'wishart-1/2'];
const SIZES: Record<Size, FreeDecompressionConfig> = {
  tiny: { ns: 200, ensembles: ENSEMBLES, trials: 2 },
  quick: { ns: 300, ensembles: ENSEMBLES, trials: 2 },
  full: { ns: 1000, ensembles: ENSEMBLES, trials: 5 },
};

/**
 * Free decompression (seed 004, docs/theory.md §14): from the eigenvalues of one n_s×n_s GOE or
 * Wishart (c = 1/50, 1/2) matrix, the spectrum at 8·n_s and 32·n_s against the exact law
 * (Wigner radius ×√s, Marchenko–Pastur ratio ×s with its atom at 0 when cs > 1): total variation
 * (issue 15's bounds 3 % and 5 % as the allowance) and the first two moments (1 %).
 */
export const freeDecompression: Experiment<
  FreeDecompressionConfig,
  FreeDecompressionPoint,
  FreeDecompressionValues
> = {
  name: 'free-decompression',
  version: 1,
  title: 'Free decompression: the spectrum of a large matrix from a small one',
  description:
    'The eigenvalues of one n_s×n_s GOE or Wishart (d/n = 1/50, 1/2) matrix are fitted (Jacobi series, Padé glue) and decompressed by the characteristics of ∂m/∂t = −m + (1/m)∂m/∂z to 8·n_s and 32·n_s; the densities are compared with the exact laws (total variation, first two moments).',
  config: (size) => SIZES[size],
  points: (c) => c.ensembles.map((ensemble) => ({ ensemble, ns: c.ns })),
  trials: (c) => c.trials,
  simulate: simulateFreeDecompression,
  analyse: analyseFreeDecompression,
};
