import type { Complex } from '../rmt/laws/complex.js';
import { characteristicRoot, neighbourRoot } from './characteristics.js';
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
  /** Follow the root from point to point, checked against the path (default true; false
   * solves every point on its own path: ~5× slower, the same density to 1e-10). */
  followRoots?: boolean;
}

/**
 * The density of the law whose Stieltjes transform solves ∂m/∂t = −m + (1/m)∂m/∂z with
 * m(0, ·) = `sheets` and e^t = `factor` (docs/theory.md §14.2): decompression for s > 1,
 * compression for s < 1. The mean is invariant and the variance scales by s (free cumulants
 * κ_k ↦ s^{k−1}κ_k), so the new support lies in mean ± 12√(s·variance) (widened to contain the
 * scaled old support); a 256-point scan and bisection locate it, then ρ_t = Im m(t, x + i0)/π on
 * `points` Chebyshev-spaced points of it. Each point's root is that of {@link characteristicRoot}'s
 * path, found by following the root from the previous point where that is checked to give the
 * same root (docs/free-decompression.md, "Cost"); the bisection solves every point on its path.
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
  const rootOf = (x: number) => {
    const root = characteristicRoot(sheets, factor, { re: x, im: 0 }, height, options.mean);
    // A double root (an edge) can stall one path; a second path from another height settles it.
    if (root.converged) return root;
    return characteristicRoot(sheets, factor, { re: x, im: 0 }, 3.7 * height, options.mean);
  };
  const solve = (x: number): Solved => {
    const root = rootOf(x);
    const rho = root.value.im / Math.PI;
    const ok = root.converged && rho > -1e-8 * scaleOf;
    return { rho, ok, residual: root.residual, w: root.w };
  };
  // Newton from a neighbouring point's root, at the target alone (no path): kept only with
  // Im m > 0, since Im m < 0 is the conjugate root and a real root (outside the support, or a
  // real root of F inside it) would stay real under Newton.
  const fromNeighbour = (x: number, start: Complex): Solved | null => {
    if (options.followRoots === false) return null;
    const root = neighbourRoot(sheets, factor, { re: x, im: 0 }, start);
    const rho = root.value.im / Math.PI;
    return root.converged && rho > 0 ? { rho, ok: true, residual: root.residual, w: root.w } : null;
  };
  let scaleOf = 1 / (hi0 - lo0);
  const scan = Float64Array.from({ length: 257 }, (_, i) => lo0 + ((hi0 - lo0) * i) / 256);
  const { scanned, peak } = scanSupport(scan, solveAlong(scan, solve, fromNeighbour), solve);
  scaleOf = peak;
  const inside = (x: number) => solve(x).rho > 1e-9 * peak;
  let first = scanned.findIndex((r) => r > 1e-9 * peak);
  let last = scanned.length - 1 - [...scanned].reverse().findIndex((r) => r > 1e-9 * peak);
  if (first < 0) first = last = 128;
  const lo = bisect(inside, scan[Math.max(first - 1, 0)]!, scan[first]!);
  const hi = bisect(inside, scan[Math.min(last + 1, 256)]!, scan[last]!);
  const grid = new Float64Array(points);
  const density = new Float64Array(points);
  for (let i = 0; i < points; i++)
    grid[i] = (lo + hi) / 2 - ((hi - lo) / 2) * Math.cos((Math.PI * i) / (points - 1));
  // The ends are the bisected edges, where ρ_t vanishes by construction.
  const solved = solveAlong(grid.subarray(1, points - 1), solve, fromNeighbour);
  solved.forEach(({ rho, ok, residual }, k) => {
    worst = Math.max(worst, residual);
    if (!ok) failures++;
    density[k + 1] = ok ? Math.max(rho, 0) : Number.NaN;
  });
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

/** One point's characteristic: ρ = Im m/π, whether it is usable, the residual, the root w. */
interface Solved {
  rho: number;
  ok: boolean;
  residual: number;
  w: Complex;
}

/** Every `CHECK`-th followed root is compared with the path's (see {@link solveAlong}). */
const CHECK = 16;

/**
 * The roots at ascending points xs, each by Newton from the previous point's root (`near`, ~5
 * evaluations instead of the path's ~190), as the path (`onPath`) would give them: the path's
 * root is the one connected to the top of its vertical path, which a neighbour's root need not be
 * where the characteristic map folds (a compressed series near an edge switches roots between
 * two grid points). So the points go in segments of `CHECK`: the segment's last point is solved
 * on the path too, and a segment whose followed root disagrees with it there, or whose `near`
 * failed anywhere (an Im m ≤ 0 root, no convergence), is solved on the path throughout.
 */
function solveAlong(
  xs: ArrayLike<number>,
  onPath: (x: number) => Solved,
  near: (x: number, start: Complex) => Solved | null,
): Solved[] {
  const out: Solved[] = [];
  let previous: Solved | null = null;
  for (let from = 0; from < xs.length; from += CHECK) {
    const to = Math.min(from + CHECK, xs.length);
    const segment: Solved[] = [];
    let start = previous;
    for (let i = from; i < to && start !== null; i++) {
      const next = near(xs[i]!, start.w);
      if (next !== null) segment.push(next);
      start = next;
    }
    const check = onPath(xs[to - 1]!);
    const followed = segment.length === to - from ? segment.at(-1)! : null;
    if (followed === null || !sameRoot(followed.w, check.w)) {
      segment.length = 0;
      for (let i = from; i < to - 1; i++) segment.push(onPath(xs[i]!));
    } else segment.pop();
    segment.push(check);
    out.push(...segment);
    previous = check;
  }
  return out;
}

function sameRoot(a: Complex, b: Complex): boolean {
  return Math.hypot(a.re - b.re, a.im - b.im) <= 1e-8 * Math.max(1, Math.hypot(b.re, b.im));
}

/**
 * ρ on the scan and its peak as the path gives them where they matter: the points that decide
 * the support's ends (both sides of each) and the peak are recomputed on the path (`exact`),
 * and any disagreement with `followed` rescans on the path, so the ends and the thresholds are
 * the path's.
 */
function scanSupport(
  scan: Float64Array,
  followed: Solved[],
  exact: (x: number) => Solved,
): { scanned: number[]; peak: number } {
  const scanned = followed.map((r) => r.rho);
  let top = -1;
  for (let i = 0; i < scanned.length; i++)
    if (Number.isFinite(scanned[i]) && (top < 0 || scanned[i]! > scanned[top]!)) top = i;
  const rescan = () => {
    const values = Array.from(scan, (x) => exact(x).rho);
    return { scanned: values, peak: Math.max(...values.filter(Number.isFinite)) };
  };
  if (top < 0) return rescan();
  scanned[top] = exact(scan[top]!).rho;
  const peak = scanned[top]!;
  const isInside = (r: number) => r > 1e-9 * peak;
  const first = scanned.findIndex(isInside);
  const last = scanned.length - 1 - [...scanned].reverse().findIndex(isInside);
  if (first < 0) return rescan();
  for (const i of new Set([first - 1, first, last, last + 1])) {
    if (i < 0 || i >= scan.length || i === top) continue;
    const value = exact(scan[i]!).rho;
    if (isInside(value) !== isInside(scanned[i]!)) return rescan();
    scanned[i] = value;
  }
  // The path's peak is the largest path value; a followed value above it means another root.
  if (scanned.some((r) => r > peak)) return rescan();
  return { scanned, peak };
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
