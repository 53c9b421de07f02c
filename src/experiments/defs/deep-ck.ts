import { ckCoefficients, deepKernels } from '../../features/deep-kernel.js';
import { conjugateKernelLaw, linearizedConjugateKernel } from '../../features/linearized-kernel.js';
import { quadraticConjugateKernel } from '../../features/quadratic-kernel.js';
import { eigvalsh } from '../../linalg/api.js';
import { sphereRows } from '../../random/sphere.js';
import type { RandomStream } from '../../random/stream.js';
import { kolmogorovDistance } from '../../rmt/kolmogorov.js';
import { paramsKey } from '../keys.js';
import type { Experiment, Size } from '../types.js';
import { analyseDeepCk } from './deep-ck-analysis.js';

/** Parameters of {@link deepCk}. */
export interface DeepCkConfig {
  /** Samples n, uniform on the unit sphere of ℝᵖ. */
  n: number;
  p: number;
  activation: string;
  /** Depths L (one grid point each). */
  layers: number[];
  trials: number;
}

/** A grid point: the conjugate kernel of layer `layer`. */
export type DeepCkPoint = { n: number; p: number; activation: string; layer: number };
/**
 * Kolmogorov distances of the spectrum of K_CK,ℓ to that of K̃_ℓ (same X), to that of K̃_ℓ with
 * its quadratic term ({@link quadraticConjugateKernel}) and to the limit law
 * α₁²·MP(n/p) + 1 − α₁² (bulk: the top eigenvalue, the 11ᵀ spike, left out), and the eigenvalues.
 */
export type DeepCkValues = { tilde: number; quadratic: number; law: number; eigenvalues: number[] };

const LAYERS = [1, 2, 3, 4];
const SIZES: Record<Size, DeepCkConfig> = {
  tiny: { n: 100, p: 200, activation: 'relu', layers: [1, 3], trials: 2 },
  quick: { n: 400, p: 800, activation: 'relu', layers: LAYERS, trials: 2 },
  full: { n: 2000, p: 4000, activation: 'relu', layers: LAYERS, trials: 3 },
};

/**
 * Seed 004's conjugate kernels of deep random networks: the spectrum of K_CK,ℓ (infinite width,
 * normalised activations, data uniform on the sphere) for ℓ = 1…4 against its linear
 * equivalent K̃_ℓ = α₁²XXᵀ + α₂²(1/p)11ᵀ + (1 − α₁²)I built from the same X, K̃_ℓ with its
 * quadratic term, and the limit α₁²·MP(n/p) + 1 − α₁²; the bulk narrows towards 1 with depth
 * ("curse of depth"). p = 2n keeps the Marchenko–Pastur edges soft (at n = p the hard edge turns
 * the O(n^{−1/2}) spectral error into a Kolmogorov distance of 0.02–0.035 at n = 2000,
 * bench/features.ts).
 */
export const deepCk: Experiment<DeepCkConfig, DeepCkPoint, DeepCkValues> = {
  name: 'deep-ck',
  version: 2,
  title: 'Conjugate kernels of deep random networks against their linear equivalent',
  description:
    'Eigenvalues of the layer-ℓ conjugate kernel of a deep random ReLU network (normalised, infinite width) on data uniform on the sphere, ℓ = 1…4, against the linear equivalent K̃_ℓ (Liao–Mahoney α_{ℓ,1}, α_{ℓ,2} recursion) and its Marchenko–Pastur limit: Kolmogorov distances and histograms.',
  config: (size) => SIZES[size],
  points: (c) => c.layers.map((layer) => ({ n: c.n, p: c.p, activation: c.activation, layer })),
  trials: (c) => c.trials,
  simulate: simulateDeepCk,
  analyse: analyseDeepCk,
};

/** One trial: X on the sphere (shared by every layer of a seed), K_CK,ℓ, K̃_ℓ, their spectra. */
export function simulateDeepCk(params: DeepCkPoint, stream: RandomStream): DeepCkValues {
  const { n, p, activation, layer } = params;
  const x = sphereRows(n, p, stream.child('data', paramsKey({ n, p })));
  const { ck } = deepKernels(x, activation, layer);
  const values = eigvalsh(ck[layer - 1]);
  const { alpha1, alpha2 } = ckCoefficients(activation, layer)[layer - 1];
  const tilde = eigvalsh(linearizedConjugateKernel(x, alpha1, alpha2));
  const quadratic = eigvalsh(quadraticConjugateKernel(x, alpha1, alpha2));
  const law = conjugateKernelLaw(n / p, alpha1);
  return {
    tilde: twoSampleDistance(values, tilde),
    quadratic: twoSampleDistance(values, quadratic),
    law: kolmogorovDistance(values.subarray(0, n - 1), law.cdf),
    eigenvalues: Array.from(values),
  };
}

/** sup |F_a − F_b| between two empirical distributions (sorted inputs). */
export function twoSampleDistance(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let worst = 0;
  while (i < a.length || j < b.length) {
    const v = Math.min(a[i] ?? Infinity, b[j] ?? Infinity);
    while (i < a.length && a[i] <= v) i++;
    while (j < b.length && b[j] <= v) j++;
    worst = Math.max(worst, Math.abs(i / a.length - j / b.length));
  }
  return worst;
}
