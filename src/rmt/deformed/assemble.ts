import { isComponentMass, isOutlierMass } from '../spectral-components.js';
import { type SpectrumVerification, verifySpectrum } from '../verify-spectrum.js';
import type { Probe, Prober } from './probe.js';

/**
 * A connected piece of the support holding at least half an eigenvalue (mass·d ≥ 0.5), with its
 * mass; `outlier` when it holds about one eigenvalue.
 */
export interface DeformedComponent {
  lo: number;
  hi: number;
  mass: number;
  /** Mean location ∫ x dF / mass. */
  mean: number;
  /** mass·d ∈ [0.5, 1.5]: a separated eigenvalue (BBP outlier) rather than a bulk. */
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
  /**
   * The law's self-check ({@link verifySpectrum}): masses sum to 1, F monotone, density ≥ 0, every
   * root converged. Callers that report the law must refuse an unverified one.
   */
  verification: SpectrumVerification;
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
  const add = (lo: number, hi: number, mass: number, mean: number): void => {
    // Fewer than half an eigenvalue is no component (a sliver of F, not a separated eigenvalue).
    if (isComponentMass(mass, size))
      components.push({ lo, hi, mass, mean, outlier: isOutlierMass(mass, size) });
  };
  const piece = (a: Probe, b: Probe): void => {
    // F is flat outside the bulk: the mass between the outer sides of the edges is exact.
    const mass = Math.max(0, (b.outerCdf ?? b.cdf) - (a.outerCdf ?? a.cdf));
    if (!a.root.inBulk && !b.root.inBulk) {
      // An atom: F jumps inside [a.x, b.x] (width below the bisection tolerance).
      points.push({ x: a.x, cdf: a.cdf, density: 0 }, { x: b.x, cdf: b.cdf, density: 0 });
      add(a.x, b.x, mass, 0.5 * (a.x + b.x));
      return;
    }
    const K = Math.max(12, Math.round((gridPoints * Math.sqrt(b.x - a.x)) / width));
    const mid = 0.5 * (a.x + b.x);
    const r = 0.5 * (b.x - a.x);
    const at = (k: number) => mid - r * Math.cos((k * Math.PI) / (K - 1));
    const local: Point[] = [{ x: a.x, cdf: a.cdf, density: 0 }];
    let last = a;
    for (let k = 1; k < K - 1; k++) {
      const p = prober.full(at(k), last.root);
      if (!p.root.inBulk) {
        cut(a, b, last, p, k, at, K);
        return;
      }
      last = p;
      local.push(p);
    }
    local.push({ x: b.x, cdf: b.cdf, density: 0 });
    let moment = 0;
    for (let k = 1; k < local.length; k++)
      moment += 0.5 * (local[k].x + local[k - 1].x) * Math.max(0, local[k].cdf - local[k - 1].cdf);
    points.push(...local);
    add(a.x, b.x, mass, mass > 0 ? moment / mass : mid);
  };
  /**
   * A gap inside the piece [a, b] at grid point k (probe p outside the bulk, `last` the bulk
   * probe before it): the gap runs on to the next grid point in the bulk (or b), the piece is
   * cut at both edges of the gap, and components hidden in the gap are hunted from the rise of F.
   */
  const cut = (
    a: Probe,
    b: Probe,
    last: Probe,
    p: Probe,
    k: number,
    at: (k: number) => number,
    K: number,
  ): void => {
    const outside: Probe[] = [p];
    let next: Probe = b;
    for (let j = k + 1; j < K - 1; j++) {
      const q = prober.at(at(j), outside[outside.length - 1].root);
      if (q.root.inBulk) {
        next = q;
        break;
      }
      outside.push(q);
    }
    const gapEnd = outside[outside.length - 1];
    const left = prober.edge(p, last);
    const right = prober.edge(gapEnd, next);
    const hidden: Array<[Probe, Probe]> = [];
    prober.hunt(left, p, hidden);
    for (let j = 1; j < outside.length; j++) prober.hunt(outside[j - 1], outside[j], hidden);
    prober.hunt(gapEnd, right, hidden);
    piece(a, left);
    for (const [u, v] of hidden) piece(u, v);
    piece(right, b);
  };
  for (const [a, b] of pieces) piece(a, b);
  const xs = Float64Array.from(points, (p) => p.x);
  const fs = Float64Array.from(points, (p) => p.cdf);
  const ds = Float64Array.from(points, (p) => p.density);
  const cdf = (x: number) => hermiteCdf(xs, fs, ds, x);
  const unconverged = prober.unconverged
    ? [`${prober.unconverged} of ${prober.evaluations} root solves did not converge`]
    : [];
  return {
    kind: prober.pencil.kind,
    ratio: prober.ratio,
    components,
    grid: xs,
    density: ds,
    cdfValues: fs,
    eta: 0,
    cdf,
    evaluations: prober.evaluations,
    verification: verifySpectrum({ grid: xs, density: ds, components, cdf }, size, unconverged),
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
