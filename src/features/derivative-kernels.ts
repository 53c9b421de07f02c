import { type Activation, activation } from './activation.js';
import type { PairKernel } from './closed-form-kernels.js';
import { quadraturePair } from './kernel.js';

/** Cosine of the angle, clamped to [−1, 1]. */
function cosine(aa: number, bb: number, ab: number): number {
  const r = Math.sqrt(aa * bb);
  return r === 0 ? 0 : Math.max(-1, Math.min(1, ab / r));
}

/** E[sgn u · sgn v] = (2/π) arcsin ρ. */
const signKernel: PairKernel = (aa, bb, ab) => (2 / Math.PI) * Math.asin(cosine(aa, bb, ab));

/** Closed forms of E[φ′(u)φ′(v)] (the derivative kernel of the NTK recursion, §15). */
const NAMED: Record<string, PairKernel> = {
  /** E[1(u > 0)1(v > 0)] = (π − arccos ρ)/(2π) (arc-cosine kernel of order 0). */
  relu: (aa, bb, ab) => (Math.PI - Math.acos(cosine(aa, bb, ab))) / (2 * Math.PI),
  abs: signKernel,
  /** φ′ = (2/√π)e^{−t²}: (4/π)/√((1 + 2‖a‖²)(1 + 2‖b‖²) − 4(aᵀb)²). */
  erf: (aa, bb, ab) => 4 / Math.PI / Math.sqrt((1 + 2 * aa) * (1 + 2 * bb) - 4 * ab * ab),
  /** sin′ = cos: e^{−(‖a‖²+‖b‖²)/2} cosh(aᵀb). */
  sin: (aa, bb, ab) => Math.exp(-(aa + bb) / 2) * Math.cosh(ab),
  /** cos′ = −sin: e^{−(‖a‖²+‖b‖²)/2} sinh(aᵀb). */
  cos: (aa, bb, ab) => Math.exp(-(aa + bb) / 2) * Math.sinh(ab),
  quadratic: (_aa, _bb, ab) => 4 * ab,
  linear: () => 1,
};

/**
 * E[φ′(u)φ′(v)] for a centred Gaussian pair (variances aa, bb, covariance ab): closed forms for
 * ReLU, leaky ReLU (((1+s)/2)² + ((1−s)/2)²(2/π) arcsin ρ), |t|, erf, sin, cos, t², t; otherwise
 * the 2-D Gauss–Hermite rule of the given order on a central-difference φ′ (step 1e-5·max(1, |t|),
 * error ~1e-10 for smooth φ).
 * @example derivativePairKernel('relu')(1, 1, 0) // 1/4
 */
export function derivativePairKernel(
  spec: string | ((t: number) => number) | Activation,
  order = 48,
): PairKernel {
  const act = activation(spec);
  const named = NAMED[act.name];
  if (named) return named;
  const leaky = /^leaky-relu:(.+)$/.exec(act.name);
  if (leaky) {
    const slope = Number(leaky[1]);
    const odd = ((1 + slope) / 2) ** 2;
    const even = ((1 - slope) / 2) ** 2;
    return (aa, bb, ab) => odd + even * signKernel(aa, bb, ab);
  }
  const { fn } = act;
  const derivative = (t: number) => {
    const h = 1e-5 * Math.max(1, Math.abs(t));
    return (fn(t + h) - fn(t - h)) / (2 * h);
  };
  return quadraturePair(derivative, order);
}
