/**
 * The sub-intervals of (lo, hi) where a smooth function g is positive: g is sampled at `samples`
 * points clustered towards both ends (u ↦ lo + (hi − lo)(1 − cos πu)/2) and every sign change is
 * refined by bisection to the last bit. Ends of (lo, hi) where g is positive are returned as they
 * are. Used to find the real intervals on which an inverse Stieltjes map increases (the gaps of
 * the support) between its poles.
 * @example positiveRuns((x) => x * x - 1, -2, 2) // [[-2, -1], [1, 2]]
 */
export function positiveRuns(
  g: (x: number) => number,
  lo: number,
  hi: number,
  samples = 2000,
): Array<[number, number]> {
  const at = (k: number): number =>
    k === 0
      ? lo
      : k === samples
        ? hi
        : lo + ((hi - lo) * (1 - Math.cos((Math.PI * k) / samples))) / 2;
  const runs: Array<[number, number]> = [];
  let start: number | undefined;
  let prevX = at(0);
  let prevPositive = g(lo + 1e-14 * (hi - lo)) > 0;
  if (prevPositive) start = lo;
  for (let k = 1; k <= samples; k++) {
    const x = k === samples ? hi - 1e-14 * (hi - lo) : at(k);
    const positive = g(x) > 0;
    if (positive !== prevPositive) {
      let a = prevX;
      let b = x;
      for (let i = 0; i < 200 && b - a > 0; i++) {
        const mid = a + (b - a) / 2;
        if (mid === a || mid === b) break;
        if (g(mid) > 0 === prevPositive) a = mid;
        else b = mid;
      }
      const edge = prevPositive ? a : b;
      if (positive) start = edge;
      else if (start !== undefined) {
        runs.push([start, edge]);
        start = undefined;
      }
    }
    prevX = x;
    prevPositive = positive;
  }
  if (start !== undefined) runs.push([start, hi]);
  return runs;
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
