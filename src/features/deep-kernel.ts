import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { assertFinite, Matrix } from '../linalg/matrix.js';
import { type Activation, type ActivationSpec, activation } from './activation.js';
import type { PairKernel } from './closed-form-kernels.js';
import { derivativePairKernel } from './derivative-kernels.js';
import { gaussianExpectation, hermiteCoefficients } from './hermite.js';
import { quadraturePair } from './kernel.js';

/**
 * φ̃ = (φ − a₀)/√(ν − a₀²): the centred, unit-variance version of an activation (a₀ = 0, ν = 1
 * for ξ ~ N(0, 1)), with its closed-form kernel when φ has one:
 * E[φ̃(u)φ̃(v)] = (E[φ(u)φ(v)] − a₀m(‖a‖²) − a₀m(‖b‖²) + a₀²)/(ν − a₀²), m(s) = E φ(√s ξ)
 * (computed once per distinct s). Deep-network formulas (seed 004, eqs. 28–30) assume it.
 * @throws {InvalidArgumentError} naming 'activation' (also for a constant φ, ν = a₀²).
 * @example hermiteCoefficients(normalizedActivation('relu')).nu // 1
 */
export function normalizedActivation(spec: ActivationSpec): Activation {
  const act = activation(spec);
  const { a0, nu } = hermiteCoefficients(act);
  const variance = nu - a0 * a0;
  if (!(variance > 1e-14))
    throw new InvalidArgumentError('activation', 'must not be constant (ν = a₀²)', act.name);
  const scale = 1 / Math.sqrt(variance);
  const { fn, kernel } = act;
  const means = new Map<number, number>();
  const mean = (s: number): number => {
    let m = means.get(s);
    if (m === undefined) {
      const r = Math.sqrt(s);
      m = gaussianExpectation((t) => fn(r * t));
      means.set(s, m);
    }
    return m;
  };
  return {
    name: `${act.name} (normalised)`,
    fn: (t) => (fn(t) - a0) * scale,
    ...(kernel
      ? {
          kernel: (aa, bb, ab) =>
            (kernel(aa, bb, ab) - a0 * mean(aa) - a0 * mean(bb) + a0 * a0) * scale * scale,
        }
      : {}),
  };
}

/** (α_{ℓ,1}, α_{ℓ,2}) of one layer of the conjugate-kernel recursion. */
export interface CkCoefficients {
  layer: number;
  alpha1: number;
  alpha2: number;
}

/**
 * The coefficients of the linear equivalent K̃_ℓ = α₁²XXᵀ + α₂²(1/p)11ᵀ + (1 − α₁²)I of the
 * layer-ℓ conjugate kernel (seed 004 eq. 29, Liao–Mahoney): α_{0,1} = 1, α_{0,2} = 0,
 * α_{ℓ,1} = a_{ℓ,1}α_{ℓ−1,1}, α_{ℓ,2}² = a_{ℓ,1}²α_{ℓ−1,2}² + a_{ℓ,2}²α_{ℓ−1,1}⁴, with the Hermite
 * coefficients of the normalised activations ({@link normalizedActivation}). α_{ℓ,1}² and α_{ℓ,2}²
 * are f_ℓ′(0) and f_ℓ″(0)/2 of the layer map f_ℓ = f ∘ f_{ℓ−1}, f(ρ) = Σ_k a_k²ρ^k, whence the
 * fourth power: the seed prints α_{ℓ−1,1}², which disagrees with f_ℓ″(0)/2 from ℓ = 2 on (ReLU,
 * ℓ = 3: 0.3768 against 0.2853) and with the 1ᵀK_CK,ℓ1 of the exact kernel (docs/theory.md §15).
 * Since a₁² + a₂² ≤ ν = 1, both decay with depth: α_{ℓ,1} → 0 and K̃_ℓ → I ("curse of depth").
 * @param spec one activation for every layer, or one per layer (length ≥ depth).
 * @throws {InvalidArgumentError} naming 'depth' (integer ≥ 1) or 'activation'.
 * @example ckCoefficients('relu', 3).map((c) => c.alpha1) // [0.856, 0.733, 0.628] (rounded)
 */
export function ckCoefficients(
  spec: ActivationSpec | readonly ActivationSpec[],
  depth: number,
): CkCoefficients[] {
  const layers = perLayer(spec, depth);
  const out: CkCoefficients[] = [];
  let alpha1 = 1;
  let alpha2 = 0;
  layers.forEach((act, k) => {
    const { a1, a2 } = hermiteCoefficients(normalizedActivation(act));
    alpha2 = Math.sqrt(a1 * a1 * alpha2 * alpha2 + a2 * a2 * alpha1 ** 4);
    alpha1 *= a1;
    out.push({ layer: k + 1, alpha1, alpha2 });
  });
  return out;
}

/** The conjugate and neural-tangent kernels of each layer. */
export interface DeepKernels {
  /** K_CK,ℓ for ℓ = 1…depth (n×n). */
  ck: Matrix[];
  /** K_NTK,ℓ for ℓ = 1…depth (only with `ntk: true`). */
  ntk?: Matrix[];
}

/**
 * The conjugate kernels K_CK,ℓ = E[Σ_ℓᵀΣ_ℓ] of a deep random network
 * Σ_ℓ = φ̃_ℓ(W_ℓΣ_{ℓ−1})/√d_ℓ, Σ₀ = Xᵀ, W_ℓ iid N(0, 1), in the infinite-width limit, by the
 * exact recursion K_ℓ(i, j) = E[φ̃(u)φ̃(v)] for (u, v) centred Gaussian with covariance
 * K_{ℓ−1} restricted to {i, j} (K₀ = XXᵀ; closed forms where they exist, 2-D Gauss–Hermite
 * otherwise), and optionally the NTK recursion (Jacot et al.; seed 004 eq. 30)
 * K_NTK,ℓ = K_CK,ℓ + K_NTK,ℓ−1 ∘ K′_ℓ, K′_ℓ(i, j) = E[φ̃′(u)φ̃′(v)], K_NTK,0 = XXᵀ.
 * Activations are normalised ({@link normalizedActivation}). Cost: one n×n map per layer.
 * @throws {InvalidArgumentError} naming 'depth' or 'activation'; {NonFiniteError} naming 'x'.
 * @example deepKernels(x, 'relu', 3).ck[2] // K_CK,3
 */
export function deepKernels(
  x: Matrix,
  spec: ActivationSpec | readonly ActivationSpec[],
  depth: number,
  options: { ntk?: boolean; order?: number } = {},
): DeepKernels {
  assertFinite('x', x);
  const bases = perLayer(spec, depth).map((a) => activation(a));
  const order = options.order ?? 48;
  let previous = matmul(x, x, { transB: true });
  let ntk = options.ntk ? previous : undefined;
  const ck: Matrix[] = [];
  const ntks: Matrix[] = [];
  for (const base of bases) {
    const act = normalizedActivation(base);
    const next = mapKernel(act.kernel ?? quadraturePair(act.fn, order), previous);
    if (ntk) {
      // φ̃′ = φ′/√(ν − a₀²).
      const { a0, nu } = hermiteCoefficients(base);
      const scale = 1 / (nu - a0 * a0);
      const derivative = mapKernel(derivativePairKernel(base, order), previous);
      const out = Matrix.zeros(next.rows, next.cols);
      for (let k = 0; k < out.data.length; k++)
        out.data[k] = next.data[k] + ntk.data[k] * derivative.data[k] * scale;
      ntk = out;
      ntks.push(out);
    }
    ck.push(next);
    previous = next;
  }
  return options.ntk ? { ck, ntk: ntks } : { ck };
}

/** out(i, j) = pair(g_ii, g_jj, g_ij) over the upper triangle, mirrored. */
function mapKernel(pair: PairKernel, g: Matrix): Matrix {
  const n = g.rows;
  const out = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    const aa = g.data[i * n + i];
    for (let j = i; j < n; j++) {
      const v = pair(aa, g.data[j * n + j], g.data[i * n + j]);
      out.data[i * n + j] = v;
      out.data[j * n + i] = v;
    }
  }
  return out;
}

/** One activation per layer (the same one repeated, or the first `depth` of a list). */
export function perLayer(
  spec: ActivationSpec | readonly ActivationSpec[],
  depth: number,
): ActivationSpec[] {
  if (!Number.isInteger(depth) || depth < 1)
    throw new InvalidArgumentError('depth', 'must be an integer ≥ 1', depth);
  if (Array.isArray(spec)) {
    if (spec.length < depth)
      throw new InvalidArgumentError('activation', `needs one activation per layer (${depth})`);
    return spec.slice(0, depth);
  }
  return Array.from({ length: depth }, () => spec as ActivationSpec);
}
