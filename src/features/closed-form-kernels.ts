/**
 * E[φ(u)φ(v)] for a centred Gaussian pair with E u² = aa, E v² = bb, E uv = ab: for the data
 * kernel K_ij = E_w[φ(wᵀx_i)φ(wᵀx_j)], w ~ N(0, I_p), aa = ‖x_i‖², bb = ‖x_j‖², ab = x_iᵀx_j.
 */
export type PairKernel = (aa: number, bb: number, ab: number) => number;

const TWO_PI = 2 * Math.PI;

/** Cosine of the angle, clamped to [−1, 1] (rounding can push it past). */
function cosine(aa: number, bb: number, ab: number): { r: number; rho: number } {
  const r = Math.sqrt(aa * bb);
  if (r === 0) return { r, rho: 0 };
  return { r, rho: Math.max(-1, Math.min(1, ab / r)) };
}

/** ReLU, the first-order arc-cosine kernel: (‖x‖‖y‖/2π)(ρ arccos(−ρ) + √(1−ρ²)). */
const relu: PairKernel = (aa, bb, ab) => {
  const { r, rho } = cosine(aa, bb, ab);
  return (r / TWO_PI) * (rho * Math.acos(-rho) + Math.sqrt(1 - rho * rho));
};

/** |t|: (2‖x‖‖y‖/π)(ρ arcsin ρ + √(1−ρ²)). */
const abs: PairKernel = (aa, bb, ab) => {
  const { r, rho } = cosine(aa, bb, ab);
  return ((2 * r) / Math.PI) * (rho * Math.asin(rho) + Math.sqrt(1 - rho * rho));
};

/**
 * Closed-form pair kernels (docs/theory.md §15, Table of kernels; LLC18 Table 1). Leaky ReLU
 * φ = ((1+s)/2)t + ((1−s)/2)|t| gives ((1+s)/2)²·xᵀy + ((1−s)/2)²·K_abs (the cross term is odd).
 * @example CLOSED_FORM_KERNELS.named.relu(1, 1, 1) // 0.5
 */
export const CLOSED_FORM_KERNELS = {
  named: {
    relu,
    abs,
    /** erf: (2/π) arcsin(2xᵀy / √((1+2‖x‖²)(1+2‖y‖²))). */
    erf: (aa, bb, ab) =>
      (2 / Math.PI) * Math.asin((2 * ab) / Math.sqrt((1 + 2 * aa) * (1 + 2 * bb))),
    /** sin: e^{−(‖x‖²+‖y‖²)/2} sinh(xᵀy). */
    sin: (aa, bb, ab) => Math.exp(-(aa + bb) / 2) * Math.sinh(ab),
    /** cos: e^{−(‖x‖²+‖y‖²)/2} cosh(xᵀy). */
    cos: (aa, bb, ab) => Math.exp(-(aa + bb) / 2) * Math.cosh(ab),
    /** t²: ‖x‖²‖y‖² + 2(xᵀy)² (Isserlis). */
    quadratic: (aa, bb, ab) => aa * bb + 2 * ab * ab,
    /** t: xᵀy. */
    linear: (_aa, _bb, ab) => ab,
  } as Record<string, PairKernel | undefined>,
  /** Leaky ReLU with slope s on t < 0. */
  leakyRelu(slope: number): PairKernel {
    const even = ((1 - slope) / 2) ** 2;
    const odd = ((1 + slope) / 2) ** 2;
    return (aa, bb, ab) => odd * ab + even * abs(aa, bb, ab);
  },
};
