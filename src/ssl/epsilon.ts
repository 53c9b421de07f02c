import { InvalidArgumentError } from '../errors.js';
import { eigvalsh, gram, matmul, svd } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';

/**
 * ε_s for a linear-Gaussian redundancy R(X₁) = M·X₁, X₁ ~ N(0, Σ₁) (docs/theory.md §16.3): the
 * smallest E‖R(X₁) − B·g(X₁)‖² over B ∈ ℝ^{d₂×s} and g (for jointly Gaussian variables the best
 * g is linear, g(x) = G·x). This is the weighted low-rank approximation
 * min_{rank L ≤ s} ‖(M − L)·Σ₁^{1/2}‖²_F; the weight acts on one side, so it is solved exactly by
 * the SVD of M·Σ₁^{1/2}: ε_s = Σ_{j>s} σ_j(M·Σ₁^{1/2})². `sqrtInputCovariance` is any Σ₁^{1/2}
 * (d₁×d₁; default I).
 * @throws {InvalidArgumentError} naming 's' when s < 0 or not an integer,
 * 'sqrtInputCovariance' when it is not d₁×d₁.
 * @example epsilonGaussian(model.redundancy, model.config.s) // = model.epsilon
 */
export function epsilonGaussian(m: Matrix, s: number, sqrtInputCovariance?: Matrix): number {
  if (!Number.isInteger(s) || s < 0)
    throw new InvalidArgumentError('s', 'must be an integer ≥ 0', s);
  let weighted = m;
  if (sqrtInputCovariance) {
    if (sqrtInputCovariance.rows !== m.cols || sqrtInputCovariance.cols !== m.cols)
      throw new InvalidArgumentError(
        'sqrtInputCovariance',
        `must be ${m.cols}×${m.cols}`,
        `${sqrtInputCovariance.rows}×${sqrtInputCovariance.cols}`,
      );
    weighted = matmul(m, sqrtInputCovariance);
  }
  const sv = svd(weighted).s;
  let tail = 0;
  for (let j = s; j < sv.length; j++) tail += sv[j]! * sv[j]!;
  return tail;
}

/**
 * The Eckart–Young tail Σ_{j>k} μ_j of a covariance, from samples (rows; uncentred second moment
 * (1/n)·Σᵢ rᵢrᵢᵀ), the stand-in for ε_s computable from data (docs/theory.md §16.3). With the
 * redundancy's samples and k = s it estimates ε_s; with the learned representation ψ̂(X₁) and
 * k = p + s it is the tail that enters d_λ, and it is ≤ ε_s in the population.
 * @throws {InvalidArgumentError} naming 'k' when k < 0 or not an integer.
 * @example epsilonCovarianceTail(psiHat, p + s)
 */
export function epsilonCovarianceTail(samples: Matrix, k: number): number {
  if (!Number.isInteger(k) || k < 0)
    throw new InvalidArgumentError('k', 'must be an integer ≥ 0', k);
  return eigenTail(eigvalsh(gram(samples, 1 / samples.rows)), k);
}

/**
 * Σ of all but the k largest values (negative round-off clipped to 0): the Eckart–Young tail.
 * @example eigenTail(Float64Array.of(3, 1, 2), 1) // 3
 */
export function eigenTail(values: Float64Array, k: number): number {
  const sorted = Float64Array.from(values).sort((a, b) => b - a);
  let tail = 0;
  for (let j = k; j < sorted.length; j++) tail += Math.max(0, sorted[j]!);
  return tail;
}

/**
 * Σ₁^{1/2} of a diagonal input covariance Σ₁ = diag(v), for {@link epsilonGaussian}.
 * @example sqrtDiagonal([1, 4]).get(1, 1) // 2
 */
export function sqrtDiagonal(variances: readonly number[]): Matrix {
  const out = Matrix.zeros(variances.length, variances.length);
  variances.forEach((v, i) => {
    out.data[i * variances.length + i] = Math.sqrt(v);
  });
  return out;
}
