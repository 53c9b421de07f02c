import { InvalidArgumentError } from '../../errors.js';
import { type Atom, edgePoint, type SpectralLaw, withAtoms } from './law.js';

/**
 * A spectral law whose continuous part may have several components (free convolutions with
 * discrete laws split their bulk): `support` is their hull, `intervals` the components.
 */
export interface FreeLaw extends SpectralLaw {
  /** Ascending, disjoint intervals carrying the continuous part. */
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}

const CELLS = 32;
const GAUSS = gaussLegendre(10);

/**
 * P(X ≤ x) for a law whose density vanishes like a square root at the ends of every interval:
 * on each interval x = c − r cos θ makes the integrand smooth, so 32 equal θ-cells with a 10-point
 * Gauss–Legendre rule each, halved until a cell and its halves agree to 1e-13 (computed once, on
 * first use), give the cumulative masses to ~1e-14, and a partial cell is integrated the same way
 * (docs/theory.md §8).
 * @example piecewiseCdf((x) => (2 / Math.PI) * Math.sqrt(Math.max(0, 1 - x * x)), [[-1, 1]], [])(0) // 0.5
 */
export function piecewiseCdf(
  density: (x: number) => number,
  intervals: ReadonlyArray<readonly [number, number]>,
  atoms: readonly Atom[],
): (x: number) => number {
  const tables: Array<Float64Array | undefined> = intervals.map(() => undefined);
  const rule = (lo: number, hi: number, a: number, b: number): number => {
    const r = (hi - lo) / 2;
    let sum = 0;
    for (const [node, weight] of GAUSS) {
      const theta = a + ((b - a) * (node + 1)) / 2;
      sum += weight * density(edgePoint(lo, hi, theta)) * r * Math.sin(theta);
    }
    return (sum * (b - a)) / 2;
  };
  // Halves a cell until the rule and its two halves agree to 1e-13 relative (sharp features: a
  // density that nearly vanishes inside its support), at most 8 times.
  const cell = (
    lo: number,
    hi: number,
    a: number,
    b: number,
    whole = rule(lo, hi, a, b),
    depth = 0,
  ): number => {
    const mid = (a + b) / 2;
    const left = rule(lo, hi, a, mid);
    const right = rule(lo, hi, mid, b);
    if (Math.abs(left + right - whole) <= 1e-13 * Math.abs(left + right) + 1e-16 || depth >= 8)
      return left + right;
    return cell(lo, hi, a, mid, left, depth + 1) + cell(lo, hi, mid, b, right, depth + 1);
  };
  const table = (i: number): Float64Array => {
    const cached = tables[i];
    if (cached) return cached;
    const [lo, hi] = intervals[i]!;
    const cumulative = new Float64Array(CELLS + 1);
    for (let k = 0; k < CELLS; k++)
      cumulative[k + 1] =
        cumulative[k]! + cell(lo, hi, (Math.PI * k) / CELLS, (Math.PI * (k + 1)) / CELLS);
    tables[i] = cumulative;
    return cumulative;
  };
  const continuous = (x: number): number => {
    let total = 0;
    for (let i = 0; i < intervals.length; i++) {
      const [lo, hi] = intervals[i]!;
      if (x <= lo) break;
      const t = table(i);
      if (x >= hi) {
        total += t[CELLS]!;
        continue;
      }
      const c = (lo + hi) / 2;
      const theta = Math.acos(Math.min(1, Math.max(-1, (c - x) / ((hi - lo) / 2))));
      const k = Math.min(CELLS - 1, Math.floor((theta * CELLS) / Math.PI));
      total += t[k]! + cell(lo, hi, (Math.PI * k) / CELLS, theta);
    }
    return total;
  };
  return (x) => withAtoms(atoms, continuous, x);
}

/**
 * The closed intervals left when open gaps (ends may be ±Infinity) are removed from the real line,
 * ascending; pieces shorter than `minLength` (isolated points such as atoms) are dropped.
 * @example supportFromGaps([[-Infinity, 0], [1, 2], [3, Infinity]], 1e-12) // [[0, 1], [2, 3]]
 */
export function supportFromGaps(
  gaps: ReadonlyArray<readonly [number, number]>,
  minLength: number,
): Array<[number, number]> {
  const sorted = gaps.filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  const out: Array<[number, number]> = [];
  let covered = -Infinity;
  for (const [a, b] of sorted) {
    if (a > covered && Number.isFinite(covered) && a - covered > minLength) out.push([covered, a]);
    covered = Math.max(covered, b);
  }
  return out;
}

/** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton on P_n). */
function gaussLegendre(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    out.push([x, 2 / ((1 - x * x) * dp * dp)]);
  }
  return out;
}

/**
 * Validates a finite discrete law given as atoms and weights: finite atoms (≥ `min` when given,
 * > `min` when `strict`), weights > 0 summing to 1 within 1e-9.
 * @throws {InvalidArgumentError} naming `valuesName` or `weightsName`, echoing the bad value.
 * @example checkDiscrete([1, 3], [0.5, 0.5], 'values', 'weights') // passes
 */
export function checkDiscrete(
  values: readonly number[],
  weights: readonly number[],
  valuesName: string,
  weightsName: string,
  min = -Infinity,
  strict = false,
): void {
  if (values.length === 0)
    throw new InvalidArgumentError(valuesName, 'must hold at least one atom');
  values.forEach((v, j) => {
    if (!Number.isFinite(v) || v < min || (strict && v === min))
      throw new InvalidArgumentError(
        valuesName,
        `must be finite and ${strict ? '>' : '≥'} ${min}; entry ${j} is not`,
        v,
      );
  });
  if (weights.length !== values.length)
    throw new InvalidArgumentError(
      weightsName,
      `must have ${values.length} entries`,
      weights.length,
    );
  let sum = 0;
  weights.forEach((w, j) => {
    if (!(w > 0) || !Number.isFinite(w))
      throw new InvalidArgumentError(weightsName, `must be finite and > 0; entry ${j} is not`, w);
    sum += w;
  });
  if (Math.abs(sum - 1) > 1e-9) throw new InvalidArgumentError(weightsName, 'must sum to 1', sum);
}

/** Sizes n_k ≥ 0 summing to n, n_k ≈ w_k·n (largest remainders). */
export function splitCount(weights: readonly number[], n: number): number[] {
  const raw = weights.map((w) => w * n);
  const counts = raw.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((p, q) => q[0] - p[0]);
  for (const [, k] of order) if (left-- > 0) counts[k]! += 1;
  return counts;
}

/**
 * Flattens a discrete law into a parameter record: {prefix0, weight0, prefix1, weight1, …}.
 * @example discreteParameters('value', [1, 3], [0.5, 0.5]) // { value0: 1, weight0: 0.5, value1: 3, weight1: 0.5 }
 */
export function discreteParameters(
  prefix: string,
  values: readonly number[],
  weights: readonly number[],
): Record<string, number> {
  const out: Record<string, number> = {};
  values.forEach((v, k) => {
    out[`${prefix}${k}`] = v;
    out[`weight${k}`] = weights[k]!;
  });
  return out;
}
