/**
 * A Chebyshev interpolant of f on [a, b] through the n + 1 Lobatto points
 * x_j = (a+b)/2 + (b−a)/2·cos(πj/n), with its antiderivative and quadrature weights: the panel
 * tables of the HTMP law (spectral accuracy for f analytic near the panel).
 */
export interface ChebyshevPanel {
  a: number;
  b: number;
  nodes: Float64Array;
  values: Float64Array;
  /** Clenshaw–Curtis weights: Σ w_j f(x_j) = ∫_a^b of the interpolant. */
  weights: Float64Array;
  /** ∫_a^x of the interpolant, for a ≤ x ≤ b. */
  integralTo(x: number): number;
}

const weightCache = new Map<number, Float64Array>();

/**
 * Samples f at the Lobatto points of [a, b] and builds the panel.
 * @example chebyshevPanel(Math.exp, 0, 1, 16).integralTo(1) // e − 1 to ~1e-16
 */
export function chebyshevPanel(
  f: (x: number) => number,
  a: number,
  b: number,
  n: number,
): ChebyshevPanel {
  const mid = (a + b) / 2;
  const half = (b - a) / 2;
  const nodes = new Float64Array(n + 1);
  const values = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) {
    nodes[j] = mid + half * Math.cos((Math.PI * j) / n);
    values[j] = f(nodes[j]!);
  }
  const unitWeights = lobattoWeights(n);
  const weights = unitWeights.map((w) => w * half);
  // Integrated series: F(s) = Σ C_k T_k(s) with C_k = (c_{k−1} − c_{k+1})/(2k), F(−1) = 0.
  const c = coefficients(values);
  const big = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++) {
    const prev = k - 1 === 0 ? 2 * c[0]! : c[k - 1]!;
    const next = k + 1 <= n ? c[k + 1]! : 0;
    big[k] = (prev - next) / (2 * k);
  }
  // T_k(−1) = (−1)^k
  let atMinusOne = 0;
  for (let k = 1; k <= n + 1; k++) atMinusOne += (k % 2 === 0 ? 1 : -1) * big[k]!;
  big[0] = -atMinusOne;
  return {
    a,
    b,
    nodes,
    values,
    weights,
    integralTo(x: number): number {
      const s = Math.max(-1, Math.min(1, (x - mid) / half));
      return half * clenshaw(big, s);
    },
  };
}

/**
 * c_k with f ≈ c₀/2·… convention: f(s) = c₀ + Σ_{k≥1} c_k T_k(s) (c₀ already halved, c_n halved).
 */
function coefficients(values: Float64Array): Float64Array {
  const n = values.length - 1;
  const c = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let j = 0; j <= n; j++) {
      const w = j === 0 || j === n ? 0.5 : 1;
      sum += w * values[j]! * Math.cos((Math.PI * j * k) / n);
    }
    c[k] = (2 / n) * sum * (k === 0 || k === n ? 0.5 : 1);
  }
  return c;
}

/** Σ_k a_k T_k(s) by Clenshaw's recurrence. */
function clenshaw(a: Float64Array, s: number): number {
  let b1 = 0;
  let b2 = 0;
  for (let k = a.length - 1; k >= 1; k--) {
    const b0 = a[k]! + 2 * s * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return a[0]! + s * b1 - b2;
}

/**
 * Clenshaw–Curtis weights on [−1, 1] for the n + 1 Lobatto points (integrals of the cardinal
 * functions).
 */
function lobattoWeights(n: number): Float64Array {
  const cached = weightCache.get(n);
  if (cached) return cached;
  const w = new Float64Array(n + 1);
  const unit = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const c = coefficients(unit);
    // ∫₋₁¹ T_k = 2/(1 − k²) for even k, 0 for odd k.
    let total = 0;
    for (let k = 0; k <= n; k += 2) total += (c[k]! * 2) / (1 - k * k);
    w[j] = total;
  }
  weightCache.set(n, w);
  return w;
}
