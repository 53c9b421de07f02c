import { characteristicRoot } from './characteristics.js';
import type { StieltjesSheets } from './joukowski.js';

/** A density on a grid after a change of matrix size, with the solver's diagnostics. */
export interface ResizedDensity {
  /** Size factor s = n/n_s = e^t. */
  factor: number;
  /** Ascending points (clustered at the support's edges). */
  grid: Float64Array;
  /** ρ_t at each point; NaN where the characteristic failed. */
  density: Float64Array;
  /** [lo, hi]: the outermost points where ρ_t > 0. */
  support: [number, number];
  /** 1 − ∫ρ_t: mass of atoms (e.g. at 0 when the rank is below n), or continuation error. */
  missingMass: number;
  converged: boolean;
  /** Points whose Newton iteration failed or gave Im m < 0. */
  failures: number;
  /** Largest relative residual of the characteristic equation over the grid. */
  residual: number;
}

/** Options of {@link resizeDensity}. */
export interface ResizeOptions {
  /** Grid points (default 512). */
  points?: number;
  /** Mean and variance of the law at t = 0 (the search range for the new support). */
  mean: number;
  variance: number;
}

/**
 * The density of the law whose Stieltjes transform solves ∂m/∂t = −m + (1/m)∂m/∂z with
 * m(0, ·) = `sheets` and e^t = `factor` (docs/theory.md §14.2): decompression for s > 1,
 * compression for s < 1. The mean is invariant and the variance scales by s (free cumulants
 * κ_k ↦ s^{k−1}κ_k), so the new support lies in mean ± 12√(s·variance) (widened to contain the
 * scaled old support); a 256-point scan and bisection locate it, then ρ_t = Im m(t, x + i0)/π on
 * `points` Chebyshev-spaced points of it, each from {@link characteristicRoot}.
 * @example resizeDensity(lawSheets(wigner(2)), 4, { mean: 0, variance: 1 }).support // ≈ [−4, 4]
 */
export function resizeDensity(
  sheets: StieltjesSheets,
  factor: number,
  options: ResizeOptions,
): ResizedDensity {
  const points = options.points ?? 512;
  const [a, b] = sheets.support;
  const spread = 12 * Math.sqrt(factor * options.variance);
  const lo0 = Math.min(options.mean - spread, options.mean + factor * (a - options.mean));
  const hi0 = Math.max(options.mean + spread, options.mean + factor * (b - options.mean));
  const height = 8 * Math.max(factor, 1) * (hi0 - lo0);
  let worst = 0;
  let failures = 0;
  const solve = (x: number) => {
    let root = characteristicRoot(sheets, factor, { re: x, im: 0 }, height, options.mean);
    // A double root (an edge) can stall one path; a second path from another height settles it.
    if (!root.converged)
      root = characteristicRoot(sheets, factor, { re: x, im: 0 }, 3.7 * height, options.mean);
    const rho = root.value.im / Math.PI;
    return { rho, ok: root.converged && rho > -1e-8 * scaleOf, residual: root.residual };
  };
  let scaleOf = 1 / (hi0 - lo0);
  const scan = Float64Array.from({ length: 257 }, (_, i) => lo0 + ((hi0 - lo0) * i) / 256);
  const scanned = Array.from(scan, (x) => solve(x).rho);
  const peak = Math.max(...scanned.filter(Number.isFinite));
  scaleOf = peak;
  const inside = (x: number) => solve(x).rho > 1e-9 * peak;
  let first = scanned.findIndex((r) => r > 1e-9 * peak);
  let last = scanned.length - 1 - [...scanned].reverse().findIndex((r) => r > 1e-9 * peak);
  if (first < 0) first = last = 128;
  const lo = bisect(inside, scan[Math.max(first - 1, 0)]!, scan[first]!);
  const hi = bisect(inside, scan[Math.min(last + 1, 256)]!, scan[last]!);
  const grid = new Float64Array(points);
  const density = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    grid[i] = (lo + hi) / 2 - ((hi - lo) / 2) * Math.cos((Math.PI * i) / (points - 1));
    // The ends are the bisected edges, where ρ_t vanishes by construction.
    if (i === 0 || i === points - 1) continue;
    const { rho, ok, residual } = solve(grid[i]!);
    worst = Math.max(worst, residual);
    if (!ok) failures++;
    density[i] = ok ? Math.max(rho, 0) : Number.NaN;
  }
  let mass = 0;
  for (let i = 1; i < points; i++)
    mass += ((grid[i]! - grid[i - 1]!) * (density[i]! + density[i - 1]!)) / 2;
  return {
    factor,
    grid,
    density,
    support: [lo, hi],
    missingMass: 1 - mass,
    converged: failures === 0,
    failures,
    residual: worst,
  };
}

/** The boundary between `outside` (inside(x) false) and `inside` (true) to 1e-13 relative. */
function bisect(inside: (x: number) => boolean, outside: number, within: number): number {
  let out = outside;
  let ins = within;
  if (inside(out)) return out;
  for (let i = 0; i < 60 && Math.abs(ins - out) > 1e-13 * (Math.abs(ins) + Math.abs(out)); i++) {
    const mid = (out + ins) / 2;
    if (inside(mid)) ins = mid;
    else out = mid;
  }
  return (out + ins) / 2;
}
