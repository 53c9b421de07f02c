import { InvalidArgumentError } from '../errors.js';
import { htmp } from '../rmt/laws/htmp.js';

/** A fit of HTMP_{γ,κ} (seed 004) to a layer's ESD rescaled to mean 1. */
export interface HtmpFit {
  /** The fitted κ; at `kappaMax` the spectrum is as MP-like as the law's domain allows. */
  kappa: number;
  /** The aspect ratio used, min(N, M)/max(N, M) capped at 0.99 (the law needs γ < 1). */
  gamma: number;
  /** Kolmogorov distance sup |F_n − F_κ| at the fitted κ. */
  distance: number;
  /** Upper end of the search: min(20, 42γ) (the law's domain κ ≤ 20, κ/(2γ) ≤ 21). */
  kappaMax: number;
  /** Number of law evaluations of the search. */
  evaluations: number;
}

/** Options of {@link fitHtmp}. */
export interface HtmpFitOptions {
  /** Lower end of the κ search (default 0.05). */
  kappaMin?: number;
  /** Relative accuracy of κ (default 5e-3). */
  tolerance?: number;
}

const STEP = 0.1; // log-grid step of the CDF quadrature (u = ln x)
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Fits κ of HTMP_{γ,κ} (src/rmt/laws/htmp.ts; seed 004, "Main Theorem: HTMP Distribution") to
 * the eigenvalues λ, rescaled to mean 1 (the law's mean), with γ = min(N, M)/max(N, M) fixed
 * (the theorem's aspect ratio; capped at 0.99). κ minimises the Kolmogorov distance
 * sup_x |F_n(x) − F_κ(x)| by golden-section search on ln κ over [kappaMin, min(20, 42γ)]. F_κ
 * is integrated on u = ln x (step 0.1, from 1e-2·λmin/mean, at least 1e-14, to λmax/mean) plus the
 * mass below, ∫₀^{x₀} ρ ≈ x₀ρ(x₀)/(p + 1) with ρ ∼ x^p, p = κ/(2γ) − 1 − κ/2 near 0. Zero
 * eigenvalues are left out (rank collapse is a separate phase); the mean is that of the rest.
 * @throws {InvalidArgumentError} naming 'evals' with fewer than 2 positive values, or 'N'/'M'.
 * @example fitHtmp(esd.evals, esd.N, esd.M).kappa
 */
export function fitHtmp(
  evals: ArrayLike<number>,
  N: number,
  M: number,
  options: HtmpFitOptions = {},
): HtmpFit {
  if (!(N > 0 && M > 0)) throw new InvalidArgumentError('N', 'N and M must be > 0', `${N}, ${M}`);
  const x = Float64Array.from(evals)
    .filter((v) => v > 0)
    .sort();
  if (x.length < 2)
    throw new InvalidArgumentError('evals', 'must hold at least 2 positive values', x.length);
  let mean = 0;
  for (const v of x) mean += v / x.length;
  for (let i = 0; i < x.length; i++) x[i]! /= mean;
  const gamma = Math.min(0.99, Math.min(N, M) / Math.max(N, M));
  // 42γ can round so that κ/(2γ) exceeds 21 by an ulp, which the law rejects: step it down.
  let kappaMax = Math.min(20, 42 * gamma);
  while (kappaMax / (2 * gamma) > 21) kappaMax -= kappaMax * Number.EPSILON;
  // exp(ln κmax) can round above κmax too
  const kappaAt = (u: number) => Math.min(kappaMax, Math.exp(u));
  const kappaMin = Math.min(options.kappaMin ?? 0.05, kappaMax / 2);
  const tol = options.tolerance ?? 5e-3;
  let evaluations = 0;
  const cache = new Map<number, number>();
  const f = (u: number): number => {
    let d = cache.get(u);
    if (d === undefined) {
      d = kolmogorovDistance(x, gamma, kappaAt(u));
      cache.set(u, d);
      evaluations++;
    }
    return d;
  };
  let a = Math.log(kappaMin);
  let b = Math.log(kappaMax);
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  while (b - a > tol) {
    if (f(c) <= f(d)) {
      b = d;
      d = c;
      c = b - GOLDEN * (b - a);
    } else {
      a = c;
      c = d;
      d = a + GOLDEN * (b - a);
    }
  }
  // The ends are candidates too (MP-like: κ at its maximum).
  let best = (a + b) / 2;
  for (const u of [Math.log(kappaMax), Math.log(kappaMin)]) if (f(u) < f(best)) best = u;
  return { kappa: kappaAt(best), gamma, distance: f(best), kappaMax, evaluations };
}

/**
 * sup |F_n − F| of sorted data against HTMP_{γ,κ}'s CDF: F on a grid u_k = u₀ + kh in u = ln x
 * (g = xρ(x) integrated by Simpson pairs, odd nodes by the 3-point rule), cubic Hermite in u
 * between nodes with F' = g (error O(h⁴)).
 * @example kolmogorovDistance(sortedMeanOne, 0.5, 2)
 */
export function kolmogorovDistance(sorted: Float64Array, gamma: number, kappa: number): number {
  const law = htmp(gamma, kappa);
  const n = sorted.length;
  const u0 = Math.log(Math.max(1e-14, 1e-2 * sorted[0]!));
  const h = STEP;
  const K = 2 * Math.ceil((Math.log(sorted[n - 1]!) - u0) / (2 * h));
  const g = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) {
    const t = Math.exp(u0 + k * h);
    g[k] = t * law.density(t);
  }
  const p = kappa / (2 * gamma) - 1 - kappa / 2;
  const F = new Float64Array(K + 1);
  F[0] = g[0]! / (p + 1);
  for (let k = 0; k + 2 <= K; k += 2) {
    F[k + 1] = F[k]! + (h * (5 * g[k]! + 8 * g[k + 1]! - g[k + 2]!)) / 12;
    F[k + 2] = F[k]! + (h / 3) * (g[k]! + 4 * g[k + 1]! + g[k + 2]!);
  }
  let dist = 0;
  for (let i = 0; i < n; i++) {
    const pos = (Math.log(sorted[i]!) - u0) / h;
    const k = Math.min(K - 1, Math.max(0, Math.floor(pos)));
    const t = Math.min(1, Math.max(0, pos - k));
    // Hermite basis on [u_k, u_k + h] with values F and slopes g (per unit u, hence ·h).
    const t2 = t * t;
    const t3 = t2 * t;
    const v =
      (2 * t3 - 3 * t2 + 1) * F[k]! +
      (t3 - 2 * t2 + t) * h * g[k]! +
      (-2 * t3 + 3 * t2) * F[k + 1]! +
      (t3 - t2) * h * g[k + 1]!;
    const c = Math.min(1, v);
    dist = Math.max(dist, Math.abs(c - i / n), Math.abs(c - (i + 1) / n));
  }
  return dist;
}
