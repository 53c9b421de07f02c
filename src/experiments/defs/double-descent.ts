import { simulateNestedFeatures } from '../../features/nested-simulation.js';
import type { RandomStream } from '../../random/stream.js';
import { logGrid } from '../../scenario/grid.js';
import { fashionTwoClass } from '../data/fashion-two-class.js';
import type { Experiment, Size } from '../types.js';
import { analyseDoubleDescent } from './double-descent-analysis.js';

/** Parameters of {@link doubleDescent}. */
export interface DoubleDescentConfig {
  /** Training and test images (first of the two classes each, Fashion-MNIST T-shirt vs trouser). */
  n: number;
  nTest: number;
  /** Average pooling of the 28×28 images (1: 784 pixels, 2: 196). */
  pool: 1 | 2 | 4;
  /** Activations (one curve each; the issue asks ReLU and tanh). */
  activations: string[];
  /** N/n grid (N = round(ratio·n)). */
  ratios: number[];
  trials: number;
}

/**
 * A grid point: one activation on one data set, with the whole N grid (N = round(ratio·n), the
 * ratios comma-separated): one trial fits every N from one W with nested features
 * ({@link simulateNestedFeatures}), about the cost of the largest N alone.
 */
export type DoubleDescentPoint = {
  n: number;
  nTest: number;
  pool: number;
  activation: string;
  ratios: string;
};
/**
 * Train and test MSE per N, per γ (keys `train0`, `test0`, `train1`, … in the order of `gammas`).
 */
export type DoubleDescentValues = Record<string, number[]>;

/** N = round(ratio·n) ≥ 1 for each ratio of a point. */
export function featureCounts(point: DoubleDescentPoint): number[] {
  return point.ratios.split(',').map((r) => Math.max(1, Math.round(Number(r) * point.n)));
}

/** The ridge values of the seed's figure (every trial fits both from one eigendecomposition). */
export const DOUBLE_DESCENT_GAMMAS = [1e-1, 1e-5];
const GAMMAS = DOUBLE_DESCENT_GAMMAS;
const ACTIVATIONS = ['relu', 'tanh'];
const SIZES: Record<Size, DoubleDescentConfig> = {
  tiny: { n: 64, nTest: 64, pool: 4, activations: ACTIVATIONS, ratios: [0.5, 2], trials: 3 },
  quick: {
    n: 256,
    nTest: 256,
    pool: 2,
    activations: ACTIVATIONS,
    ratios: [0.1, 0.2, 0.4, 0.7, 0.85, 1.2, 1.5, 2.5, 5, 10],
    trials: 8,
  },
  full: {
    n: 1024,
    nTest: 1024,
    pool: 1,
    activations: ACTIVATIONS,
    ratios: logGrid(0.1, 10, 60),
    trials: 30,
  },
};

/**
 * Seed 004's double-descent figure (LLC18, Fig. 7) on Fashion-MNIST: random-feature ridge
 * regression Σ = φ(WXᵀ), W N×p iid N(0, 1), φ = ReLU and tanh, on the first n T-shirt/trouser
 * training images (y = ±1), train and test MSE against N/n for γ = 1e-1 and 1e-5, beside the
 * deterministic equivalent of docs/theory.md §15 computed from one eigendecomposition of K on the
 * same images.
 */
export const doubleDescent: Experiment<
  DoubleDescentConfig,
  DoubleDescentPoint,
  DoubleDescentValues
> = {
  name: 'double-descent',
  version: 3,
  title: 'Double descent of random-feature ridge regression (Fashion-MNIST)',
  description:
    'Train and test MSE of random-feature ridge regression (ReLU and tanh, W Gaussian) on two Fashion-MNIST classes against N/n for γ = 1e-1 and 1e-5: simulation over independent W beside the Louart–Liao–Couillet deterministic equivalent, whose ridgeless test error diverges at N = n.',
  config: (size) => SIZES[size],
  prepare: (c) => {
    fashionTwoClass(c.n, c.nTest, c.pool);
  },
  points: (c) =>
    c.activations.map((activation) => ({
      n: c.n,
      nTest: c.nTest,
      pool: c.pool,
      activation,
      ratios: c.ratios.join(','),
    })),
  trials: (c) => c.trials,
  simulate: (params, stream) => simulateDoubleDescent(params, stream),
  analyse: analyseDoubleDescent,
};

/** One trial: one W (seeded by the trial's stream) for every N, both γ from each fit. */
export function simulateDoubleDescent(
  params: DoubleDescentPoint,
  stream: RandomStream,
): DoubleDescentValues {
  const task = fashionTwoClass(params.n, params.nTest, params.pool as 1 | 2 | 4);
  const features = featureCounts(params);
  const fits = simulateNestedFeatures(
    { ...task, activation: params.activation },
    features,
    GAMMAS,
    stream.child('W'),
  );
  const out: DoubleDescentValues = {};
  GAMMAS.forEach((gamma, g) => {
    const mine = fits.filter((f) => f.gamma === gamma);
    out[`train${g}`] = mine.map((f) => f.train);
    out[`test${g}`] = mine.map((f) => f.test);
  });
  return out;
}
