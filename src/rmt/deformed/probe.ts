import type { Pencil } from './pencil.js';
import { type DeformedRoot, solveDeformedRoot } from './root.js';
import { rootSummary } from './summary.js';

/** The physical root and the exact distribution function at one real x. */
export interface Probe {
  x: number;
  root: DeformedRoot;
  cdf: number;
  /**
   * For an edge probe: F on the outside of the edge (exact, flat up to the edge), from the last
   * outside probe of the bisection. The bulk-side probe lies up to the tolerance inside, where F
   * has already risen by O(tol^{3/2}).
   */
  outerCdf?: number;
  /** For an edge probe: the last outside probe of the bisection (where a hunt beyond it starts). */
  outer?: Probe;
}

/**
 * Probing and edge location for {@link deformedLaw}: counts pencil evaluations, solves the root
 * warm-started from a neighbour, bisects between an outside and a bulk probe down to `tol`.
 * @example new Prober(diagonalPencil(b, t, 0.5), 0.5, 1e-10).at(1.2).root.inBulk
 */
export class Prober {
  evaluations = 0;
  /** Probes whose root did not converge (a failed self-check of the law). */
  unconverged = 0;
  constructor(
    readonly pencil: Pencil,
    readonly ratio: number,
    readonly tol: number,
  ) {}

  /** Root and F at x (eigenvalues only). */
  at(x: number, near?: DeformedRoot): Probe {
    this.evaluations++;
    const point = this.pencil.at(x, false);
    const root = solveDeformedRoot(point, this.ratio, near);
    if (!root.converged) this.unconverged++;
    return { x, root, cdf: rootSummary(point, this.ratio, root).cdf };
  }

  /** Root, F and the density Im m(x + i0)/π at x (with the Hellmann–Feynman weights). */
  full(x: number, near?: DeformedRoot): Probe & { density: number } {
    this.evaluations++;
    const point = this.pencil.at(x, true);
    const root = solveDeformedRoot(point, this.ratio, near);
    if (!root.converged) this.unconverged++;
    const summary = rootSummary(point, this.ratio, root);
    return {
      x,
      root,
      cdf: summary.cdf,
      density: root.inBulk ? Math.max(0, summary.mIm) / Math.PI : 0,
    };
  }

  /**
   * The bulk edge between an outside probe and a bulk probe; returns the bulk-side probe with F
   * of the outside one (`outerCdf`).
   */
  edge(out: Probe, inside: Probe): Probe {
    let a = out;
    let b = inside;
    while (Math.abs(b.x - a.x) > this.tol) {
      const m = this.at(0.5 * (a.x + b.x), b.root);
      if (m.root.inBulk) b = m;
      else a = m;
    }
    return { ...b, outerCdf: a.cdf, outer: a };
  }

  /**
   * Components hidden between two outside probes, found from the rise of F (more than a quarter
   * of 1/d): bisect until a bulk point appears (then locate both edges and hunt on both sides of
   * them: the bisection finds some edge, not necessarily the nearest component's, and more
   * components may lie between it and the outside probes) or the interval is below tolerance (an
   * atom: F jumps at a point). Appends [lower, upper] probe pairs. An edge probe (bulk side) as
   * `a` or `b` stands for its outside probe.
   */
  hunt(a: Probe, b: Probe, pieces: Array<[Probe, Probe]>, depth = 0): void {
    a = a.outer ?? a;
    b = b.outer ?? b;
    if (b.cdf - a.cdf <= 0.25 / this.pencil.size) return;
    if (depth > 60 || b.x - a.x <= this.tol) {
      pieces.push([a, b]);
      return;
    }
    const m = this.at(0.5 * (a.x + b.x), a.root);
    if (m.root.inBulk) {
      const left = this.edge(a, m);
      const right = this.edge(b, m);
      pieces.push([left, right]);
      this.hunt(a, left, pieces, depth + 1);
      this.hunt(right, b, pieces, depth + 1);
      return;
    }
    this.hunt(a, m, pieces, depth + 1);
    this.hunt(m, b, pieces, depth + 1);
  }
}
