import { ConvergenceError } from '../../errors.js';

/** Options of the double-exponential rules: relative tolerance and the finest level 2^−maxLevel. */
export interface QuadratureOptions {
  tol?: number;
  maxLevel?: number;
  /**
   * Half-width T of the t-range of tanh–sinh (default 3.2: nodes down to ~1e-17 of the interval
   * from an endpoint). Use 6.1 (down to 1e-300) for strong singularities x^p, p near −1, whose
   * mass within 1e-17 of the endpoint is not negligible.
   */
  range?: number;
  /** Accept agreement to tol·max(|I|, scale): for integrals that cancel to ~0 (default 0). */
  scale?: number;
}

const HALF_PI = Math.PI / 2;

/**
 * ∫_a^b f(x) dx by the tanh–sinh (double-exponential) rule, refined by halving the step until
 * two levels agree to `tol` (relative). It converges at algebraic or logarithmic endpoint
 * singularities (square-root edges, x^p with p > −1), so the laws integrate their densities with
 * it directly. Nodes are placed by their distance to the nearer endpoint, never on an endpoint.
 * @throws {ConvergenceError} if maxLevel (default 9) is reached without agreement.
 * @example tanhSinh((x) => Math.sqrt(1 - x * x), -1, 1) // π/2
 */
export function tanhSinh(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): number {
  if (!(b > a)) return 0;
  const half = (b - a) / 2;
  // t ↦ node and weight, the node placed by its distance to the nearer endpoint.
  const term = (t: number): number => {
    const u = HALF_PI * Math.sinh(Math.abs(t));
    const e = Math.exp(-2 * u);
    const dist = (2 * half * e) / (1 + e); // distance to the nearer endpoint
    const weight = (half * HALF_PI * Math.cosh(t) * 4 * e) / ((1 + e) * (1 + e));
    const x = t < 0 ? a + dist : b - dist;
    if (!(x > a && x < b) || weight === 0) return 0;
    return weight * f(x);
  };
  return refine(term, options.range ?? 3.2, options);
}

/**
 * ∫_a^∞ f(x) dx by the exp–sinh rule x = a + e^{(π/2) sinh t}: exponential and algebraic decay,
 * and an integrable singularity at a.
 * @throws {ConvergenceError} if maxLevel is reached without agreement.
 * @example expSinh((x) => Math.exp(-x), 0) // 1
 */
export function expSinh(
  f: (x: number) => number,
  a: number,
  options: QuadratureOptions = {},
): number {
  const term = (t: number): number => {
    const d = Math.exp(HALF_PI * Math.sinh(t));
    const weight = d * HALF_PI * Math.cosh(t);
    const x = a + d;
    if (!(x > a) || !Number.isFinite(weight)) return 0;
    const v = f(x);
    return v === 0 ? 0 : weight * v;
  };
  return refine(term, 4.5, options);
}

/** Trapezoid sums of `term` on [−T, T] with steps 1, 1/2, 1/4, …, reusing earlier nodes. */
function refine(term: (t: number) => number, T: number, options: QuadratureOptions): number {
  const tol = options.tol ?? 1e-13;
  const maxLevel = options.maxLevel ?? 9;
  let h = 0.5;
  let sum = term(0);
  for (let k = 1; k * h <= T; k++) sum += term(k * h) + term(-k * h);
  let estimate = sum * h;
  for (let level = 2; level <= maxLevel; level++) {
    h /= 2;
    let added = 0;
    for (let k = 1; k * h <= T; k += 2) added += term(k * h) + term(-k * h);
    sum += added;
    const next = sum * h;
    const size = Math.max(Math.abs(next), options.scale ?? 0);
    // Double-exponential rules double their correct digits per level: once two levels agree to
    // √tol the finer one is accurate to about tol.
    if (Math.abs(next - estimate) <= Math.sqrt(tol) * size * 1e-1 || next === 0) return next;
    if (level >= 4 && Math.abs(next - estimate) <= tol * size) return next;
    estimate = next;
  }
  if (!Number.isFinite(estimate))
    throw new ConvergenceError('quadrature', `non-finite value ${estimate}`);
  throw new ConvergenceError('quadrature', `no agreement to ${tol} at step 2^-${maxLevel}`);
}
