import { InvalidArgumentError } from '../errors.js';
import { blockEigh } from '../linalg/coupled-blocks.js';
import { assertFinite, assertSymmetric, type Matrix } from '../linalg/matrix.js';
import { covarianceFactor } from '../random/covariance-factor.js';
import { sampleWithFactor } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import type { RandomStream } from '../random/stream.js';
import { eigenSpectrum, type SpectralForm } from '../rmt/spectral-form.js';

/**
 * A covariance model Σ: what the SSR theory needs (its spectral form) and what a simulation
 * needs (the explicit matrix and Gaussian samples). Expensive parts (eigendecomposition,
 * factor) are computed once, on first use.
 */
export interface CovarianceModel {
  /** The model string that rebuilds it, e.g. `ar1:0.5`. */
  readonly name: string;
  /** One human sentence: what Σ is. */
  readonly description: string;
  /** Dimension; `Infinity` for a d → ∞ spectral-symbol model. */
  readonly d: number;
  /** Nodes, weights and coordinate weights for the theory (cached). */
  spectrum(): SpectralForm;
  /** The explicit d×d matrix. @throws {InvalidArgumentError} naming 'd' when d = ∞. */
  matrix(): Matrix;
  /**
   * n samples of N(0, Σ) as the rows of an n×d matrix. @throws {InvalidArgumentError} when d = ∞.
   */
  sample(n: number, seed: Seed | RandomStream): Matrix;
}

/**
 * A model from an explicit symmetric PSD matrix: eigendecomposition (for the theory) and the
 * sampling factor are computed lazily and cached. `spectrum` may be supplied when it is known
 * in closed form, `sample` when a faster exact sampler exists.
 * @throws {InvalidArgumentError} naming 'sigma' when Σ is not square, finite or symmetric.
 * @example matrixModel('dense:S.npy', 'dense Σ from S.npy', Matrix.identity(3)).spectrum().d // 3
 */
export function matrixModel(
  name: string,
  description: string,
  sigma: Matrix,
  overrides: {
    spectrum?: () => SpectralForm;
    sample?: (n: number, seed: Seed | RandomStream) => Matrix;
  } = {},
): CovarianceModel {
  assertFinite('sigma', sigma);
  assertSymmetric('sigma', sigma, 1e-12);
  if (sigma.rows < 1) throw new InvalidArgumentError('sigma', 'must not be empty');
  let form: SpectralForm | undefined;
  let factor: Matrix | undefined;
  return {
    name,
    description,
    d: sigma.rows,
    spectrum() {
      if (!form) {
        if (overrides.spectrum) form = overrides.spectrum();
        else {
          // Block by block for a block-diagonal Σ (Σ d_b³ rather than d³).
          const { values, vectors } = blockEigh(sigma);
          form = eigenSpectrum(values, vectors);
        }
      }
      return form;
    },
    matrix: () => sigma,
    sample(n, seed) {
      if (overrides.sample) return overrides.sample(n, seed);
      factor ??= covarianceFactor(sigma);
      return sampleWithFactor(n, factor, seed);
    },
  };
}

/**
 * A d = ∞ model known only through its spectral form: `matrix` and `sample` throw.
 * @example limitModel('ar1:0.5', 'AR(1), d = ∞', form).d // Infinity
 */
export function limitModel(name: string, description: string, form: SpectralForm): CovarianceModel {
  const finite = (): never => {
    throw new InvalidArgumentError('d', `must be finite to build or sample Σ for ${name}`, 'inf');
  };
  return { name, description, d: Infinity, spectrum: () => form, matrix: finite, sample: finite };
}
