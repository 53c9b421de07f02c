import { InvalidArgumentError } from '../../errors.js';
import type { Pencil } from './pencil.js';
import { rootSummary, solveDeformedRoot, type DeformedRoot } from './root.js';

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

/** The limiting spectrum of N = B + T^{1/2} W T^{1/2} (THEORY.md §3) on the real axis. */
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
  /** Distribution function: exact at grid points, cubic Hermite (slopes = density) between. */
  cdf(x: number): number;
  /** Pencil evaluations spent (eigenvalue solves on the general path). */
  evaluations: number;
}

interface Probe {
  x: number;
  root: DeformedRoot;
  cdf: number;
}

/**
 * Support, density and distribution function of N = B + T^{1/2} W T^{1/2} from a pencil: a scan
 * of `scanPoints` points over the pencil's range (bulk or not, and the exact F), edges by
 * bisection between neighbours that differ, components hidden between two outside points found
 * from the jump of F, then `gridPoints` points spread over the components (Chebyshev-like, dense
 * at the square-root edges) where the density Im m(x + i0)/π and F are evaluated.
 * Components narrower than the scan spacing inside a bulk (tiny gaps) can be missed.
 * @throws {InvalidArgumentError} naming 'ratio', 'scanPoints' or 'gridPoints'.
 * @example deformedLaw(diagonalPencil(b, t, 0.5), 0.5).components
 */
export function deformedLaw(pencil: Pencil, ratio: number, options: { scanPoints?: number; gridPoints?: number } = {}): DeformedLaw {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  const diagonal = pencil.kind === 'diagonal';
  const { scanPoints = diagonal ? 400 : 48, gridPoints = diagonal ? 400 : 160 } = options;
  if (!Number.isInteger(scanPoints) || scanPoints < 8) throw new InvalidArgumentError('scanPoints', 'must be an integer ≥ 8', scanPoints);
  if (!Number.isInteger(gridPoints) || gridPoints < 16) throw new InvalidArgumentError('gridPoints', 'must be an integer ≥ 16', gridPoints);
  const c = ratio;
  let evaluations = 0;
  const probe = (x: number, near?: DeformedRoot): Probe => {
    evaluations++;
    const point = pencil.at(x, false);
    const root = solveDeformedRoot(point, c, near);
    return { x, root, cdf: rootSummary(point, c, root).cdf };
  };
  const [lo, hi] = pencil.range;
  const span = hi - lo;
  const start = lo - 1e-6 * span;
  const end = hi + 0.05 * span;
  const scan: Probe[] = [];
  for (let i = 0; i < scanPoints; i++) {
    const x = start + ((end - start) * i) / (scanPoints - 1);
    scan.push(probe(x, scan[i - 1]?.root));
  }
  const tol = (diagonal ? 1e-10 : 1e-6) * span;
  // Edge between an outside probe `out` and a bulk probe `inside`.
  const edge = (out: Probe, inside: Probe): Probe => {
    let a = out;
    let b = inside;
    while (Math.abs(b.x - a.x) > tol) {
      const m = probe(0.5 * (a.x + b.x), b.root);
      if (m.root.inBulk) b = m;
      else a = m;
    }
    return b;
  };
  const pieces: Array<[Probe, Probe]> = [];
  const quantum = 0.25 / pencil.size;
  const hunt = (a: Probe, b: Probe, depth: number): void => {
    // Both ends outside the bulk and F rises between them: a component hides inside.
    if (b.cdf - a.cdf <= quantum) return;
    if (depth > 60 || b.x - a.x <= tol) {
      // F jumps across a point: an atom (a level of B with more coordinates than samples).
      pieces.push([a, b]);
      return;
    }
    const m = probe(0.5 * (a.x + b.x), a.root);
    if (m.root.inBulk) {
      pieces.push([edge(a, m), edge(b, m)]);
      return;
    }
    hunt(a, m, depth + 1);
    hunt(m, b, depth + 1);
  };
  let open: Probe | undefined;
  for (let i = 0; i < scan.length; i++) {
    const p = scan[i];
    const prev = scan[i - 1];
    if (p.root.inBulk && !open) {
      open = prev ? edge(prev, p) : p;
      if (prev) hunt(prev, open, 0);
    }
    if (!p.root.inBulk && open) {
      const close = edge(p, prev);
      pieces.push([open, close]);
      hunt(close, p, 0);
      open = undefined;
    }
    if (!p.root.inBulk && prev && !prev.root.inBulk) hunt(prev, p, 0);
  }
  if (open) pieces.push([open, scan[scan.length - 1]]);
  pieces.sort((p, q) => p[0].x - q[0].x);
  return assemble(pencil, c, pieces, gridPoints, evaluations);
}

function assemble(pencil: Pencil, c: number, pieces: Array<[Probe, Probe]>, gridPoints: number, spent: number): DeformedLaw {
  let evaluations = spent;
  const width = pieces.reduce((sum, [a, b]) => sum + Math.sqrt(b.x - a.x), 0);
  const grid: number[] = [];
  const density: number[] = [];
  const cdfValues: number[] = [];
  const components: DeformedComponent[] = [];
  for (const [a, b] of pieces) {
    if (!a.root.inBulk && !b.root.inBulk) {
      // An atom: F jumps inside [a.x, b.x] (width below the bisection tolerance).
      const mass = Math.max(0, b.cdf - a.cdf);
      grid.push(a.x, b.x);
      density.push(0, 0);
      cdfValues.push(a.cdf, b.cdf);
      components.push({ lo: a.x, hi: b.x, mass, mean: 0.5 * (a.x + b.x), outlier: mass * pencil.size < 1.5 });
      continue;
    }
    const K = Math.max(12, Math.round((gridPoints * Math.sqrt(b.x - a.x)) / width));
    // Points x_k = mid − r cos(kπ/(K−1)), edges included: dense where the density has √ edges.
    const mid = 0.5 * (a.x + b.x);
    const r = 0.5 * (b.x - a.x);
    let near: DeformedRoot | undefined = a.root;
    let first = grid.length;
    let moment = 0;
    for (let k = 0; k < K; k++) {
      const x = k === 0 ? a.x : k === K - 1 ? b.x : mid - r * Math.cos((k * Math.PI) / (K - 1));
      let f = k === 0 ? a.cdf : b.cdf;
      let dens = 0;
      if (k > 0 && k < K - 1) {
        evaluations++;
        const point = pencil.at(x, true);
        const root = solveDeformedRoot(point, c, near);
        near = root;
        const summary = rootSummary(point, c, root);
        f = summary.cdf;
        dens = root.inBulk ? Math.max(0, summary.mIm) / Math.PI : 0;
      }
      if (grid.length > first) moment += 0.5 * (x + grid[grid.length - 1]) * Math.max(0, f - cdfValues[cdfValues.length - 1]);
      grid.push(x);
      density.push(dens);
      cdfValues.push(f);
    }
    first = grid.length;
    const mass = Math.max(0, b.cdf - a.cdf);
    components.push({ lo: a.x, hi: b.x, mass, mean: mass > 0 ? moment / mass : mid, outlier: mass * pencil.size < 1.5 });
  }
  const xs = Float64Array.from(grid);
  const fs = Float64Array.from(cdfValues);
  const ds = Float64Array.from(density);
  const cdf = (x: number): number => hermiteCdf(xs, fs, ds, x);
  return { kind: pencil.kind, ratio: c, components, grid: xs, density: ds, cdfValues: fs, eta: 0, cdf, evaluations };
}

/** Monotone cubic Hermite interpolation of F between grid points (flat outside the support). */
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
  const value = (2 * t3 - 3 * t2 + 1) * fs[lo] + (t3 - 2 * t2 + t) * h * ds[lo] + (-2 * t3 + 3 * t2) * fs[hi] + (t3 - t2) * h * ds[hi];
  return Math.min(Math.max(value, Math.min(fs[lo], fs[hi])), Math.max(fs[lo], fs[hi]));
}
