import { gaussLegendre, legendreValues } from './gauss-legendre.js';
import { type Atom, edgePoint, withAtoms } from './law.js';

const CELLS = 32;
const N = 16;
const GAUSS = gaussLegendre(N);
/** PROJECT[m·N + i] = (2m + 1)/2 · w_i P_m(x_i): values at the nodes ↦ Legendre coefficients. */
const PROJECT = (() => {
  const out = new Float64Array(N * N);
  const p = new Float64Array(N);
  GAUSS.forEach(([x, w], i) => {
    legendreValues(x, N - 1, p);
    for (let m = 0; m < N; m++) out[m * N + i] = ((2 * m + 1) / 2) * w * p[m]!;
  });
  return out;
})();

/** The cached θ-cells of one interval: boundaries, cumulative masses and Legendre coefficients. */
interface Table {
  edges: number[];
  cumulative: number[];
  coefficients: Float64Array[];
}

/**
 * P(X ≤ x) for a law whose density vanishes like a square root at the ends of every interval.
 * On each interval x = c − r cos θ makes the integrand g(θ) = ρ(x(θ))·r sin θ smooth. Caching: on
 * the first call that reaches an interval, g is sampled once at the 16 Gauss–Legendre nodes of 32
 * equal θ-cells, each cell halved (at most 10 times) until its rule and its halves agree to 1e-13
 * relative and the last two Legendre coefficients of its degree-15 interpolant are below 1e-15
 * (absolute, times the half-width); the table keeps the cumulative masses (~1e-14) and those
 * coefficients. Every later call costs one arccos, a binary search and the exact integral of the
 * interpolant over a partial cell: no density evaluations, accurate to ~1e-14 and continuous
 * (a full cell gives its Gauss–Legendre mass), clamped to the cell's masses so that it never
 * decreases across cells (docs/theory.md §8).
 * @example piecewiseCdf((x) => (2 / Math.PI) * Math.sqrt(Math.max(0, 1 - x * x)), [[-1, 1]], [])(0) // 0.5
 */
export function piecewiseCdf(
  density: (x: number) => number,
  intervals: ReadonlyArray<readonly [number, number]>,
  atoms: readonly Atom[],
): (x: number) => number {
  const tables: Array<Table | undefined> = intervals.map(() => undefined);
  const p = new Float64Array(N + 1);
  const table = (i: number): Table => {
    const cached = tables[i];
    if (cached) return cached;
    const [lo, hi] = intervals[i]!;
    const r = (hi - lo) / 2;
    // Legendre coefficients of the interpolant of g on [a, b]; the cell's mass is (b − a)·c₀.
    const fit = (a: number, b: number): Float64Array => {
      const values = GAUSS.map(([x]) => {
        const theta = a + ((b - a) * (x + 1)) / 2;
        return density(edgePoint(lo, hi, theta)) * r * Math.sin(theta);
      });
      const c = new Float64Array(N);
      for (let m = 0; m < N; m++) {
        let s = 0;
        for (let k = 0; k < N; k++) s += PROJECT[m * N + k]! * values[k]!;
        c[m] = s;
      }
      return c;
    };
    const out: Table = { edges: [0], cumulative: [0], coefficients: [] };
    const cell = (a: number, b: number, c: Float64Array, depth: number): void => {
      const mid = (a + b) / 2;
      const left = fit(a, mid);
      const right = fit(mid, b);
      const whole = (b - a) * c[0]!;
      const halves = (mid - a) * (left[0]! + right[0]!);
      const tail = ((b - a) / 2) * (Math.abs(c[N - 1]!) + Math.abs(c[N - 2]!));
      if (
        (Math.abs(halves - whole) <= 1e-13 * Math.abs(halves) + 1e-16 && tail <= 1e-15) ||
        depth >= 10
      ) {
        out.edges.push(b);
        out.cumulative.push(out.cumulative[out.cumulative.length - 1]! + whole);
        out.coefficients.push(c);
        return;
      }
      cell(a, mid, left, depth + 1);
      cell(mid, b, right, depth + 1);
    };
    for (let k = 0; k < CELLS; k++) {
      const a = (Math.PI * k) / CELLS;
      const b = (Math.PI * (k + 1)) / CELLS;
      cell(a, b, fit(a, b), 0);
    }
    tables[i] = out;
    return out;
  };
  // ∫ of the interpolant from the cell's start to θ: Σ c_m ∫_{-1}^u P_m, with
  // ∫_{-1}^u P_m = (P_{m+1}(u) − P_{m−1}(u))/(2m + 1) for m ≥ 1.
  const partial = (t: Table, k: number, theta: number): number => {
    const a = t.edges[k]!;
    const b = t.edges[k + 1]!;
    const c = t.coefficients[k]!;
    const u = Math.min(1, Math.max(-1, (2 * (theta - a)) / (b - a) - 1));
    legendreValues(u, N, p);
    let s = c[0]! * (u + 1);
    for (let m = 1; m < N; m++) s += (c[m]! * (p[m + 1]! - p[m - 1]!)) / (2 * m + 1);
    const value = t.cumulative[k]! + ((b - a) / 2) * s;
    return Math.min(t.cumulative[k + 1]!, Math.max(t.cumulative[k]!, value));
  };
  const continuous = (x: number): number => {
    let total = 0;
    for (let i = 0; i < intervals.length; i++) {
      const [lo, hi] = intervals[i]!;
      if (x <= lo) break;
      const t = table(i);
      const cells = t.coefficients.length;
      if (x >= hi) {
        total += t.cumulative[cells]!;
        continue;
      }
      const theta = Math.acos(Math.min(1, Math.max(-1, ((lo + hi) / 2 - x) / ((hi - lo) / 2))));
      let a = 0;
      let b = cells;
      while (b - a > 1) {
        const mid = (a + b) >> 1;
        if (t.edges[mid]! <= theta) a = mid;
        else b = mid;
      }
      total += partial(t, a, theta);
    }
    return total;
  };
  return (x) => withAtoms(atoms, continuous, x);
}
