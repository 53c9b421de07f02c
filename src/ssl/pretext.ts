import { InvalidArgumentError } from '../errors.js';
import { activation } from '../features/activation.js';
import { matmul } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { Seed } from '../random/seed.js';
import { randomStream } from '../random/stream.js';
import { predict, ridgeFit } from './ridge.js';

/** Options of {@link fitPretext}. */
export type PretextOptions =
  | { kind: 'linear'; lambda: number }
  | {
      kind: 'random-features';
      lambda: number;
      /** Number N of random features. */
      features: number;
      /** Activation name (src/features/activation.ts), default 'relu'. */
      activation?: string;
      seed: Seed;
    };

/** A learned representation ψ̂: ℝ^d₁ → ℝ^d₂ (rows of `x` are samples). */
export interface Pretext {
  kind: PretextOptions['kind'];
  /** ψ̂(X) for each row of X (n×d₂). */
  transform(x: Matrix): Matrix;
  /** For the linear pretext, the d₁×d₂ matrix Γ̂ᵀ with ψ̂(x)ᵀ = xᵀΓ̂ᵀ. */
  linearMap?: Matrix;
}

/**
 * Fits the pretext task ψ̂ ≈ E[X₂ | X₁] on unlabeled pairs (docs/theory.md §16.4): ridge
 * regression of X₂ on X₁ ('linear'), or on N random features φ(X₁·Wᵀ/√d₁) with Gaussian W
 * ('random-features', the nonlinear pretext; φ from src/features/activation.ts).
 * @throws {InvalidArgumentError} naming 'x2' when the row counts differ, 'features' when N is not
 * a positive integer, 'lambda' when λ < 0, 'activation' for an unknown name.
 * @example fitPretext(s.x1, s.x2, { kind: 'linear', lambda: 1e-3 }).transform(s.x1).cols // d₂
 */
export function fitPretext(x1: Matrix, x2: Matrix, options: PretextOptions): Pretext {
  if (x1.rows !== x2.rows)
    throw new InvalidArgumentError('x2', `must have ${x1.rows} rows like x1`, x2.rows);
  if (options.kind === 'linear') {
    const fit = ridgeFit(x1, x2, options.lambda);
    return { kind: 'linear', transform: (x) => predict(fit, x), linearMap: fit.coef };
  }
  if (options.kind !== 'random-features')
    throw new InvalidArgumentError('kind', "must be 'linear' or 'random-features'", options);
  const { features } = options;
  if (!Number.isInteger(features) || features < 1)
    throw new InvalidArgumentError('features', 'must be a positive integer', features);
  const phi = activation(options.activation ?? 'relu').fn;
  const w = gaussianMatrix(features, x1.cols, randomStream(options.seed).child('rf-weights'));
  const scale = 1 / Math.sqrt(x1.cols);
  const map = (x: Matrix): Matrix => {
    const z = matmul(x, w, { transB: true, alpha: scale });
    for (let k = 0; k < z.data.length; k++) z.data[k] = phi(z.data[k]!);
    return z;
  };
  const fit = ridgeFit(map(x1), x2, options.lambda);
  return { kind: 'random-features', transform: (x) => predict(fit, map(x)) };
}
