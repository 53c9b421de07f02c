import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, type Matrix } from '../linalg/matrix.js';
import { marchenkoPastur } from '../rmt/laws/marchenko-pastur.js';
import type { Activation } from './activation.js';
import { hermiteCoefficients } from './hermite.js';

/**
 * The high-dimensional linearisation K̃ of the random-feature kernel K = E_w[φ(Xw)φ(Xw)ᵀ]
 * (rows of X are samples, ‖x_i‖² = 1 + ψ_i with ψ_i = O(p^{−1/2}); docs/theory.md §15):
 *   K̃ = a₀²11ᵀ + (a₀a₂/√2)(ψ1ᵀ + 1ψᵀ) + (a₂²/2)ψψᵀ + a₁²XXᵀ + a₂²t·11ᵀ + (ν − a₀² − a₁²)I,
 * with t the mean of (x_iᵀx_j)² over i ≠ j (1/p for isotropic data on the unit sphere, where the
 * ψ terms vanish and K̃ is seed 004's a₀²11ᵀ + a₁²XXᵀ + (a₂²/p)11ᵀ + (ν − a₀² − a₁²)I). The ψ
 * terms come from a₀(r) = E φ(rξ) ≈ a₀ + (a₂/√2)(r² − 1) (Stein: d a₀/dr = √2 a₂ at r = 1), the
 * El Karoui / Liao–Couillet expansion; ‖K − K̃‖ = O(p^{−1/2}) in spectral norm.
 * @throws {InvalidArgumentError} naming 'activation'; {NonFiniteError} naming 'x'.
 * @example linearizedKernel('relu', x) // ≈ featureKernel('relu', x) in spectral norm
 */
export function linearizedKernel(
  spec: string | ((t: number) => number) | Activation,
  x: Matrix,
): Matrix {
  assertFinite('x', x);
  const { a0, a1, a2, nu } = hermiteCoefficients(spec);
  const g = matmul(x, x, { transB: true });
  const n = x.rows;
  const psi = new Float64Array(n);
  for (let i = 0; i < n; i++) psi[i] = g.data[i * n + i] - 1;
  const t = meanOffDiagonalSquare(g);
  const a1s = a1 * a1;
  const cross = (a0 * a2) / Math.SQRT2;
  const constant = a0 * a0 + a2 * a2 * t;
  const d = g.data;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      d[k] = constant + a1s * d[k] + cross * (psi[i] + psi[j]) + 0.5 * a2 * a2 * psi[i] * psi[j];
    }
  for (let i = 0; i < n; i++) d[i * n + i] += nu - a0 * a0 - a1s;
  return g;
}

/**
 * The linear equivalent of the layer-ℓ conjugate kernel of a deep random network with normalised
 * activations (a₀ = 0, ν = 1; seed 004, eq. 28): K̃_ℓ = α₁²XXᵀ + α₂²t·11ᵀ + (1 − α₁²)I, t as in
 * {@link linearizedKernel} (1/p on the sphere), with (α₁, α₂) from {@link ckCoefficients}.
 * @throws {InvalidArgumentError} naming 'alpha1' or 'alpha2' (finite) ; {NonFiniteError} 'x'.
 * @example linearizedConjugateKernel(x, 0.4, 0.3)
 */
export function linearizedConjugateKernel(x: Matrix, alpha1: number, alpha2: number): Matrix {
  checkConjugateKernelInputs(x, alpha1, alpha2);
  const g = matmul(x, x, { transB: true });
  const n = x.rows;
  const t = meanOffDiagonalSquare(g);
  const d = g.data;
  for (let k = 0; k < d.length; k++) d[k] = alpha1 * alpha1 * d[k] + alpha2 * alpha2 * t;
  for (let i = 0; i < n; i++) d[i * n + i] += 1 - alpha1 * alpha1;
  return g;
}

/**
 * The input checks of the conjugate-kernel equivalents (this file's and quadratic-kernel.ts's).
 * @throws {InvalidArgumentError} naming 'alpha1' or 'alpha2' (finite); {NonFiniteError} 'x'.
 */
export function checkConjugateKernelInputs(x: Matrix, alpha1: number, alpha2: number): void {
  assertFinite('x', x);
  for (const [name, v] of [
    ['alpha1', alpha1],
    ['alpha2', alpha2],
  ] as const)
    if (!Number.isFinite(v)) throw new InvalidArgumentError(name, 'must be finite', v);
}

/**
 * The limiting eigenvalue distribution of K̃_ℓ for n samples uniform on the unit sphere of ℝᵖ,
 * n/p → ratio: α₁²·MP(ratio) + (1 − α₁²) (the rank-one α₂² term moves one eigenvalue and no
 * mass), from the Marchenko–Pastur law of src/rmt (XXᵀ has the spectrum of ZZᵀ/p, Z n×p iid
 * N(0, 1)); the Stieltjes transform is m(z) = m_MP((z − 1 + α₁²)/α₁²)/α₁². α₁ = 0 is the point
 * mass at 1 (the "curse of depth" limit K → I).
 * @throws {InvalidArgumentError} naming 'ratio' (> 0).
 * @example conjugateKernelLaw(1, 0.5).cdf(1)
 */
export function conjugateKernelLaw(
  ratio: number,
  alpha1: number,
): { support: [number, number]; cdf(x: number): number; density(x: number): number } {
  const mp = marchenkoPastur(ratio);
  const scale = alpha1 * alpha1;
  const shift = 1 - scale;
  if (scale === 0) return { support: [1, 1], cdf: (x) => (x >= 1 ? 1 : 0), density: () => 0 };
  return {
    support: [shift + scale * mp.support[0], shift + scale * mp.support[1]],
    cdf: (x) => mp.cdf((x - shift) / scale),
    density: (x) => mp.density((x - shift) / scale) / scale,
  };
}

/** Mean of g_ij² over i ≠ j for a Gram matrix g. */
function meanOffDiagonalSquare(g: Matrix): number {
  const n = g.rows;
  if (n < 2) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) s += g.data[i * n + j] ** 2;
  return s / (n * (n - 1));
}
