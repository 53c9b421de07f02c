import type { Experiment, Size } from '../types.js';
import { analyseSketching } from './sketching-analysis.js';
import { type SketchingPoint, type SketchingValues, simulateSketching } from './sketching-trial.js';

/** Parameters of {@link sketchingExperiment}. */
export interface SketchingConfig {
  /** Rows n and columns d of the sketched matrix A. */
  n: number;
  d: number;
  /** Sketch families, as `parseSketch` strings. */
  families: string[];
  /** Sketch sizes as multiples l/d of the dimension (l = round(ratio·d)). */
  ratios: number[];
  trials: number;
}

const FAMILIES = ['gaussian', 'uniform', 'rademacher', 'saso:8', 'laso', 'srht'];
const SIZES: Record<Size, SketchingConfig> = {
  tiny: { n: 400, d: 20, families: FAMILIES, ratios: [2, 4], trials: 8 },
  quick: { n: 2000, d: 50, families: FAMILIES, ratios: [1.5, 2, 3, 4, 6, 8], trials: 16 },
  full: {
    n: 4096,
    d: 100,
    families: FAMILIES,
    ratios: [1.25, 1.5, 2, 3, 4, 6, 8, 12, 16],
    trials: 40,
  },
};

/**
 * Experiment 7: the random-matrix theory of sketching (docs/theory.md §12) for each sketch family
 * over a grid of sketch sizes l at fixed (n, d). Each trial draws one ill-conditioned n×d A and b
 * (shared by every family and size of that seed) and an l×n sketch S, and measures σ_max and
 * σ_min of S·U (U = orth(A)) against the Marchenko–Pastur edges 1 ± √(d/l), the sketch-and-solve
 * excess residual ratio against d/(l − d − 1), and the inversion bias tr((AᵀSᵀSA)⁻¹AᵀA)/d against
 * l/(l − d − 1). The least-squares and inversion formulas are exact for Gaussian sketches and
 * claimed for them only; the edges are limits, claimed for the iid-entry families with an
 * allowance of two Tracy–Widom scales; the sparse, sampling and SRHT sketches are reported.
 */
export const sketchingExperiment: Experiment<SketchingConfig, SketchingPoint, SketchingValues> = {
  name: 'sketching',
  version: 1,
  title: 'Sketching: subspace embedding, sketch-and-solve and inversion bias',
  description:
    'Random sketches S (l×n, E[SᵀS] = I) of a tall n×d matrix A for six families (Gaussian, uniform, Rademacher, sparse SASO with 8 nonzeros per column, uniform row sampling LASO, SRHT) at sketch sizes l = 1.5d … 8d: the extreme singular values of S·U against the Marchenko–Pastur edges 1 ± √(d/l), the excess residual of sketch-and-solve least squares against d/(l − d − 1), and the inversion bias of (AᵀSᵀSA)⁻¹ against l/(l − d − 1) (Gaussian, exact) and l/(l − d) (asymptotic).',
  config: (size) => SIZES[size],
  points: (c) =>
    c.families.flatMap((family) =>
      [...c.ratios]
        .sort((a, b) => a - b)
        .map((ratio) => ({ n: c.n, d: c.d, family, ratio, l: Math.round(ratio * c.d) })),
    ),
  trials: (c) => c.trials,
  simulate: simulateSketching,
  analyse: analyseSketching,
};
