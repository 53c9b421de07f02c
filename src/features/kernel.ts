import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';
import { type Activation, activation } from './activation.js';
import type { PairKernel } from './closed-form-kernels.js';
import { gaussHermite } from './gauss-hermite.js';
import { gaussianExpectation } from './hermite.js';

/** Options of {@link featureKernel}. */
export interface KernelOptions {
  /** Gauss–Hermite order per dimension of the 2-D rule for activations without a closed form. */
  order?: number;
}

/**
 * The random-feature kernel K_AB = E_w[φ(Aw)φ(Bw)ᵀ], w ~ N(0, I_p), between the rows of A
 * (n×p, one sample per row, as in a `.npy` file) and of B (m×p; default B = A), docs/theory.md
 * §15. Entry (i, j) is E[φ(u)φ(v)] for the Gaussian pair u = wᵀa_i, v = wᵀb_j with variances
 * ‖a_i‖², ‖b_j‖² and covariance a_iᵀb_j: in closed form when the activation has one (ReLU,
 * leaky ReLU, |t|, erf, sin, cos, t², t), otherwise by the 2-D Gauss–Hermite rule
 * v = ‖b‖(ρξ + √(1−ρ²)η) of the given order (default 48; cost O(n·m·order²), exact for
 * polynomials, spectrally accurate for smooth φ such as tanh, sigmoid and GELU). A diagonal
 * entry of K_AA uses the 1-D split rule of {@link gaussianExpectation} instead.
 * @throws {InvalidArgumentError} naming 'activation', or 'b' when its width differs from A's;
 * {NonFiniteError} naming 'a' or 'b'.
 * @example featureKernel('relu', X).get(0, 0) // ‖x₀‖²/2
 */
export function featureKernel(
  spec: string | ((t: number) => number) | Activation,
  a: Matrix,
  b?: Matrix,
  options: KernelOptions = {},
): Matrix {
  const act = activation(spec);
  assertFinite('a', a);
  if (b) {
    assertFinite('b', b);
    if (b.cols !== a.cols)
      throw new InvalidArgumentError('b', `must have ${a.cols} columns like a`, b.cols);
  }
  const same = b === undefined;
  const other = b ?? a;
  const dot = matmul(a, other, { transB: true });
  const na = squaredNorms(a);
  const nb = same ? na : squaredNorms(other);
  const out = dot; // overwritten in place, entry by entry
  const pair = act.kernel ?? quadraturePair(act.fn, options.order ?? 48);
  const cols = other.rows;
  for (let i = 0; i < a.rows; i++) {
    for (let j = same ? i : 0; j < cols; j++) {
      const k = i * cols + j;
      const v =
        same && i === j && !act.kernel
          ? gaussianExpectation((t) => act.fn(Math.sqrt(na[i]) * t) ** 2)
          : pair(na[i], nb[j], out.data[k]);
      out.data[k] = v;
      if (same) out.data[j * cols + i] = v;
    }
  }
  return out;
}

/** Squared row norms. */
export function squaredNorms(x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (let j = 0; j < x.cols; j++) s += x.data[i * x.cols + j] ** 2;
    out[i] = s;
  }
  return out;
}

/**
 * E[φ(u)φ(v)] as a {@link PairKernel} by the tensor Gauss–Hermite rule of the given order
 * (weights below 1e-17 skipped): the fallback for activations without a closed form.
 * @example quadraturePair(Math.tanh, 48)(1, 1, 0.5)
 */
export function quadraturePair(fn: (t: number) => number, order: number): PairKernel {
  const { nodes, weights } = gaussHermite(order);
  const keep: number[] = [];
  for (let k = 0; k < order; k++) if (weights[k] > 1e-17) keep.push(k);
  const t = Float64Array.from(keep, (k) => nodes[k]);
  const w = Float64Array.from(keep, (k) => weights[k]);
  const m = t.length;
  return (aa: number, bb: number, ab: number): number => {
    const ra = Math.sqrt(aa);
    const rb = Math.sqrt(bb);
    const rho = ra * rb === 0 ? 0 : Math.max(-1, Math.min(1, ab / (ra * rb)));
    const s = Math.sqrt(1 - rho * rho);
    let total = 0;
    for (let k = 0; k < m; k++) {
      const shift = rb * rho * t[k];
      let inner = 0;
      for (let l = 0; l < m; l++) inner += w[l] * fn(shift + rb * s * t[l]);
      total += w[k] * fn(ra * t[k]) * inner;
    }
    return total;
  };
}
