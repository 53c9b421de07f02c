import { InvalidArgumentError } from '../../errors.js';
import { realSet } from '../data/real-sets.js';
import type { Experiment, Size } from '../types.js';
import { learningCurves, realPcaComparison } from './real-data-analysis.js';
import { type RealValues, realTrial } from './real-trial.js';

/** Parameters of {@link realData}: per data set its α grid and ridge λ. */
export interface RealDataConfig {
  sets: Array<{
    dataset: string;
    d: number;
    alphas: number[];
    lambda: number;
    steps: number;
    pcaAlpha: number;
  }>;
  trials: number;
}

/**
 * A grid point of {@link realData}: one data set (of d columns) at α = n/d, SSR at λ, PCA at p =
 * k·d/steps.
 */
export type RealPoint = {
  dataset: string;
  d: number;
  alpha: number;
  lambda: number;
  steps: number;
};

const SIZES: Record<Size, RealDataConfig> = {
  tiny: {
    sets: [
      { dataset: 'ecg', d: 32, alphas: [2, 8], lambda: 1e-4, steps: 8, pcaAlpha: 8 },
      { dataset: 'fashion', d: 196, alphas: [1, 4], lambda: 1e-3, steps: 7, pcaAlpha: 4 },
    ],
    trials: 3,
  },
  quick: {
    sets: [
      { dataset: 'ecg', d: 32, alphas: [1, 2, 4, 8, 16, 32], lambda: 1e-4, steps: 16, pcaAlpha: 8 },
      {
        dataset: 'fashion',
        d: 196,
        alphas: [0.5, 1, 2, 4, 8],
        lambda: 1e-3,
        steps: 14,
        pcaAlpha: 4,
      },
    ],
    trials: 10,
  },
  full: {
    sets: [
      {
        dataset: 'ecg',
        d: 32,
        alphas: [0.5, 1, 2, 4, 8, 16, 32, 64, 128],
        lambda: 1e-4,
        steps: 32,
        pcaAlpha: 8,
      },
      {
        dataset: 'fashion',
        d: 196,
        alphas: [0.5, 1, 2, 4, 8, 16, 32],
        lambda: 1e-3,
        steps: 28,
        pcaAlpha: 4,
      },
    ],
    trials: 16,
  },
};

/**
 * Experiment 6: masked SSR on real data (docs/theory.md §2 as a forecast). Learning curves: SSR
 * fitted on n rows subsampled from the training data (several seeds), scored on held-out data,
 * against the deterministic equivalent of the plug-in covariance of the whole training set, next to
 * Gaussian data with that covariance (where the theory is exact up to finite size: those checks
 * are claimed; the real-data ones are reported only). Then SSR vs PCA on the same data.
 */
export const realData: Experiment<RealDataConfig, RealPoint, RealValues> = {
  name: 'real-data',
  version: 1,
  title: 'Real data: learning curves and SSR vs PCA (ECG, Fashion-MNIST)',
  description:
    "Masked SSR on a real time series (sliding windows of the ECG record shipped by Debian's python3-scipy) and on real images (Fashion-MNIST from Debian's dataset-fashion-mnist, pooled to 14×14): test error against n by subsampling the training data, against the theory's forecast from the plug-in covariance of the full training set and against Gaussian data with that covariance; then SSR vs PCA on the same data.",
  config: (size) => SIZES[size],
  prepare(c) {
    for (const s of c.sets) {
      const d = realSet(s.dataset).pool.cols;
      if (d !== s.d)
        throw new InvalidArgumentError(
          'd',
          `of ${s.dataset} must match its data (${d} columns)`,
          s.d,
        );
    }
  },
  points: (c) =>
    c.sets.flatMap((s) =>
      s.alphas.map((alpha) => ({
        dataset: s.dataset,
        d: s.d,
        alpha,
        lambda: s.lambda,
        steps: s.steps,
      })),
    ),
  trials: (c) => c.trials,
  simulate(params, stream) {
    const { dataset, alpha, lambda, steps } = params;
    return realTrial(dataset, alpha, lambda, steps, stream);
  },
  analyse(c, results) {
    const curves = learningCurves(c, results);
    const pca = realPcaComparison(c, results);
    return {
      figures: [curves.figure, pca.figure],
      checks: [...curves.checks, ...pca.checks],
      notes: [...curves.notes, ...pca.notes],
    };
  },
};
