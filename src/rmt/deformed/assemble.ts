import type { Probe, Prober } from './probe.js';

/** A connected piece of the support with its mass; `outlier` when it holds about one eigenvalue. */
export interface DeformedComponent {
  lo: number;
  hi: number;
  mass: number;
  /** Mean location ∫ x dF / mass. */
  mean: number;
  /** mass·d < 1.5: a separated eigenvalue (BBP outlier) rather than a bulk. */
  outlier: boolean;
}

/** The limiting spectrum of N = B + T^{1/2} W T^{1/2} (docs/theory.md §3) on the real axis. */
export interface DeformedLaw {
  kind: string;
  ratio: number;
  components: DeformedComponent[];
  /** Evaluation points (edges included, clustered at the edges) and the density there. */
  grid: Float64Array;
  density: Float64Array;
  /** Exact distribution function at the grid points. */
  cdfValues: Float64Array;
  /** The equation is solved on the real axis: the density is the exact x + i0 limit (η = 0). */
  eta: number;
  /**
   * Distribution function: exact at grid points, monotone cubic Hermite (slopes = density) between.
   */
  cdf(x: number): number;
  /** Pencil evaluations spent (eigenvalue solves on the general path). */
  evaluations: number;
}

type Point = { x: number; cdf: number; density: number };

/**
 * Grid, density and components from the edge probes of each piece: K ∝ √width points
 * x_k = mid − r cos(kπ/(K−1)) (at least 12), evaluated in order with warm starts. A point found
 * outside the bulk means a gap the scan missed: the piece is cut there (edges by bisection) and
 * each part is assembled on its own.
 * @example assemble(prober, [[lowerEdgeProbe, upperEdgeProbe]], 400).cdf(1.2)
 */
export function assemble(
  prober: Prober,
  pieces: Array<[Probe, Probe]>,
  gridPoints: number,
): DeformedLaw {
  const width = pieces.reduce((sum, [a, b]) => sum + Math.sqrt(b.x - a.x), 0);
  const points: Point[] = [];
  const components: DeformedComponent[] = [];
  const size = prober.pencil.size;
  const piece = (a: Probe, b: Probe): void => {
    const mass = Math.max(0, b.cdf - a.cdf);
    if (!a.root.inBulk && !b.root.inBulk) {
      // An atom: F jumps inside [a.x, b.x] (width below the bisection tolerance).
      points.push({ x: a.x, cdf: a.cdf, density: 0 }, { x: b.x, cdf: b.cdf, density: 0 });
      components.push({
        lo: a.x,
        hi: b.x,
        mass,
        mean: 0.5 * (a.x + b.x),
        outlier: mass * size < 1.5,
      });
      return;
    }
    const K = Math.max(12, Math.round((gridPoints * Math.sqrt(b.x - a.x)) / width));
    const mid = 0.5 * (a.x + b.x);
    const r = 0.5 * (b.x - a.x);
    const local: Point[] = [{ x: a.x, cdf: a.cdf, density: 0 }];
    let near = a.root;
    for (let k = 1; k < K - 1; k++) {
      const p = prober.full(mid - r * Math.cos((k * Math.PI) / (K - 1)), near);
      if (!p.root.inBulk) {
        // A gap inside the piece: cut it at both sides of p.
        const left = prober.edge(p, prober.at(local[local.length - 1].x, near));
        const right = prober.edge(
          p,
          prober.at(mid - r * Math.cos(((k + 1) * Math.PI) / (K - 1)), near),
        );
        piece(a, left);
        piece(right, b);
        return;
      }
      near = p.root;
      local.push(p);
    }
    local.push({ x: b.x, cdf: b.cdf, density: 0 });
    let moment = 0;
    for (let k = 1; k < local.length; k++)
      moment += 0.5 * (local[k].x + local[k - 1].x) * Math.max(0, local[k].cdf - local[k - 1].cdf);
    points.push(...local);
    components.push({
      lo: a.x,
      hi: b.x,
      mass,
      mean: mass > 0 ? moment / mass : mid,
      outlier: mass * size < 1.5,
    });
  };
  for (const [a, b] of pieces) piece(a, b);
  const xs = Float64Array.from(points, (p) => p.x);
  const fs = Float64Array.from(points, (p) => p.cdf);
  const ds = Float64Array.from(points, (p) => p.density);
  return {
    kind: prober.pencil.kind,
    ratio: prober.ratio,
    components,
    grid: xs,
    density: ds,
    cdfValues: fs,
    eta: 0,
    cdf: (x: number) => hermiteCdf(xs, fs, ds, x),
    evaluations: prober.evaluations,
  };
}

/**
 * Cubic Hermite interpolation of F between grid points, clamped to the neighbours' values (flat
 * outside the support).
 */
function hermiteCdf(xs: Float64Array, fs: Float64Array, ds: Float64Array, x: number): number {
  const n = xs.length;
  if (n === 0) return 0;
  if (x <= xs[0]) return x < xs[0] ? 0 : fs[0];
  if (x >= xs[n - 1]) return fs[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const h = xs[hi] - xs[lo];
  if (h <= 0) return fs[hi];
  const t = (x - xs[lo]) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  const value =
    (2 * t3 - 3 * t2 + 1) * fs[lo] +
    (t3 - 2 * t2 + t) * h * ds[lo] +
    (-2 * t3 + 3 * t2) * fs[hi] +
    (t3 - t2) * h * ds[hi];
  return Math.min(Math.max(value, Math.min(fs[lo], fs[hi])), Math.max(fs[lo], fs[hi]));
}
