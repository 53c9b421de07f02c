import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';
import type { ActivationSpec } from './activation.js';
import { normalizedActivation, perLayer } from './deep-kernel.js';
import { gaussianExpectation } from './hermite.js';
import { checkConjugateKernelInputs } from './linearized-kernel.js';

/**
 * The second-order equivalent of the layer-ℓ conjugate kernel on the unit sphere
 * (docs/theory.md §15): K̂_ℓ = α₁²XXᵀ + α₂²(XXᵀ)∘(XXᵀ) off the diagonal, 1 on it. It is K̃_ℓ
 * with the Hadamard square α₂²(x_iᵀx_j)² in place of its mean α₂²t (t as in
 * {@link linearizedConjugateKernel}): the rank-one α₂²t·11ᵀ plus the Wigner-like
 * α₂²((x_iᵀx_j)² − t) of spectral norm ≈ 2√2·α₂²√n/p that K̃_ℓ drops. Rows of X must have unit
 * norm (K_CK,ℓ(i, i) = 1 for normalised activations).
 * @throws {InvalidArgumentError} naming 'alpha1' or 'alpha2' (finite); {NonFiniteError} 'x'.
 * @example quadraticConjugateKernel(x, c.alpha1, c.alpha2) // c = ckCoefficients('relu', 3)[2]
 */
export function quadraticConjugateKernel(x: Matrix, alpha1: number, alpha2: number): Matrix {
  checkConjugateKernelInputs(x, alpha1, alpha2);
  const n = x.rows;
  const g = matmul(x, x, { transB: true });
  const a1 = alpha1 * alpha1;
  const a2 = alpha2 * alpha2;
  const d = g.data;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      d[k] = i === j ? 1 : a1 * d[k] + a2 * d[k] * d[k];
    }
  return g;
}

/**
 * Taylor coefficients c_{ℓ,k}, k = 0…order, of the layer maps f_ℓ = f ∘ f_{ℓ−1} of a deep
 * random network with normalised activations on the unit sphere: K_CK,ℓ(i, j) = f_ℓ(x_iᵀx_j),
 * f(ρ) = Σ_k a_k²ρ^k (a_k the orthonormal Hermite coefficients of φ̃). All c_{ℓ,k} ≥ 0 and
 * Σ_k c_{ℓ,k} = f_ℓ(1) = 1; c_{ℓ,1} = α_{ℓ,1}², c_{ℓ,2} = α_{ℓ,2}² ({@link ckCoefficients}).
 * @throws {InvalidArgumentError} naming 'depth', 'order' (integer 2…12) or 'activation'.
 * @example layerMapSeries('relu', 3)[2] // [0, 0.394, 0.285, …]
 */
export function layerMapSeries(
  spec: ActivationSpec | readonly ActivationSpec[],
  depth: number,
  order = 6,
): number[][] {
  if (!Number.isInteger(order) || order < 2 || order > 12)
    throw new InvalidArgumentError('order', 'must be an integer in 2…12', order);
  const out: number[][] = [];
  let previous: number[] = Array.from({ length: order + 1 }, (_, k) => (k === 1 ? 1 : 0)); // f₀(ρ) = ρ
  for (const layer of perLayer(spec, depth)) {
    const squares = hermiteSquares(layer, order);
    // f_ℓ = Σ_k a_k² f_{ℓ−1}^k, truncated at ρ^order (f_{ℓ−1}(0) = 0, so no term is lost).
    const next = new Array<number>(order + 1).fill(0);
    let power: number[] = Array.from({ length: order + 1 }, (_, k) => (k === 0 ? 1 : 0));
    for (let k = 0; k <= order; k++) {
      for (let m = 0; m <= order; m++) next[m] += squares[k] * power[m];
      power = multiply(power, previous, order);
    }
    out.push(next);
    previous = next;
  }
  return out;
}

/**
 * A bound on the spectral norm of K_CK,ℓ − K̂_ℓ ({@link quadraticConjugateKernel}) for n points
 * uniform on the unit sphere of ℝᵖ (docs/theory.md §15): the cubic term c₃ρ³ splits into its
 * degree-1 harmonic (3/(p+2))ρ, norm ≤ 3(1 + √(n/p))²/p, and a Wigner-like rest of entry
 * variance ≈ 6/p³, norm ≈ 2√(6n/p³); the terms k ≥ 4 are entry-wise below ρ⁴, whose row sums are
 * 3n/p² ± √(96n)/p² (taken at three standard deviations). `series` is one row of
 * {@link layerMapSeries}.
 * @throws {InvalidArgumentError} naming 'n' or 'p' (integers ≥ 2).
 * @example ckRemainderNorm(2000, 2000, layerMapSeries('relu', 3)[2]) // ≈ 2e-3
 */
export function ckRemainderNorm(n: number, p: number, series: readonly number[]): number {
  for (const [name, v] of [
    ['n', n],
    ['p', p],
  ] as const)
    if (!Number.isInteger(v) || v < 2)
      throw new InvalidArgumentError(name, 'must be an integer ≥ 2', v);
  const c3 = series[3] ?? 0;
  const tail = Math.max(0, 1 - series[0] - series[1] - series[2] - c3);
  const cubic = (3 * (1 + Math.sqrt(n / p)) ** 2) / (p + 2) + 2 * Math.sqrt((6 * n) / p ** 3);
  const quartic = (3 * n + 3 * Math.sqrt(96 * n)) / p ** 2;
  return c3 * cubic + tail * quartic;
}

/**
 * Weyl's bound on the Kolmogorov distance between the spectra of two symmetric matrices A and B
 * with ‖A − B‖ ≤ ε: every eigenvalue moves by ≤ ε, so |F_A(x) − F_B(x)| is at most the fraction
 * of B's eigenvalues in a closed window of width 2ε, maximised over windows.
 * @param sorted B's eigenvalues, ascending.
 * @example kolmogorovBound(eigvalsh(quadraticConjugateKernel(x, a1, a2)), ckRemainderNorm(n, p, c))
 */
export function kolmogorovBound(sorted: ArrayLike<number>, eps: number): number {
  let most = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - 2 * eps) j++;
    most = Math.max(most, i - j + 1);
  }
  return sorted.length ? most / sorted.length : 0;
}

/** a_k² of the normalised activation, k = 0…order (a_k = E[φ̃(ξ)He_k(ξ)]/√k!). */
function hermiteSquares(spec: ActivationSpec, order: number): number[] {
  const { fn } = normalizedActivation(spec);
  const out: number[] = [];
  let factorial = 1;
  for (let k = 0; k <= order; k++) {
    if (k > 0) factorial *= k;
    const a = gaussianExpectation((t) => fn(t) * probabilistHermite(k, t)) / Math.sqrt(factorial);
    out.push(a * a);
  }
  return out;
}

/** He_k(t) by the three-term recurrence He_{k+1} = t·He_k − k·He_{k−1}. */
function probabilistHermite(k: number, t: number): number {
  let previous = 1;
  let current = t;
  if (k === 0) return 1;
  for (let m = 1; m < k; m++) [previous, current] = [current, t * current - m * previous];
  return current;
}

/** Product of two power series truncated at degree `order`. */
function multiply(a: readonly number[], b: readonly number[], order: number): number[] {
  const out = new Array<number>(order + 1).fill(0);
  for (let i = 0; i <= order; i++) for (let j = 0; i + j <= order; j++) out[i + j] += a[i] * b[j];
  return out;
}
