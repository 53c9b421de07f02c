// Independent references for the features tests: adaptive double-exponential quadrature of
// Gaussian expectations, split at the kinks so that non-smooth activations keep full accuracy.
import { tanhSinh } from '../../src/rmt/laws/quadrature.js';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const density = (t: number) => Math.exp(-0.5 * t * t) * INV_SQRT_2PI;

/**
 * E[f(ξ)], ξ ~ N(0, 1), by tanh–sinh on [−14, at] and [at, 14] (the kink at `at` an endpoint;
 * the mass beyond ±14 is below 1e-44), each refined to 1e-14 (absolute below 1).
 */
export function expectation(f: (t: number) => number, at = 0): number {
  const g = (t: number) => f(t) * density(t);
  const options = { tol: 1e-14, maxLevel: 12, scale: 1 };
  if (!(Math.abs(at) < L)) return tanhSinh(g, -L, L, options);
  return tanhSinh(g, -L, at, options) + tanhSinh(g, at, L, options);
}

const L = 14;

/**
 * E[φ(u)φ(v)] for (u, v) centred Gaussian with variances aa, bb and covariance ab, as the
 * iterated integral over ξ (split at 0, the kink of φ(aξ)) of φ(√aa ξ)·E_η[φ(√bb(ρξ + sη))] (split
 * at −ρξ/s, the kink of the inner integrand).
 */
export function pairExpectation(
  fn: (t: number) => number,
  aa: number,
  bb: number,
  ab: number,
): number {
  const a = Math.sqrt(aa);
  const b = Math.sqrt(bb);
  const rho = ab / (a * b);
  const s = Math.sqrt(1 - rho * rho);
  return expectation((xi) => {
    const inner = expectation((eta) => fn(b * (rho * xi + s * eta)), (-rho * xi) / s);
    return fn(a * xi) * inner;
  });
}
