/**
 * Refines a detected support [a, b] by coordinate search (docs/theory.md §14.3): moves one edge
 * at a time by ±step (never inside [lo, hi] = `range`), keeps a move that lowers `cost` (the
 * glue's relative residual on the cut plus its moment mismatch), halves the step when none does,
 * and stops at step < 1e-5·(b − a) or after 60 moves; a stays ≥ 0 when every eigenvalue is. A wrong
 * support makes the law's transform in the Joukowski variable non-rational (its branch points leave
 * the unit circle), which no low-order glue matches; the support where the glue fits best is the
 * one whose continuation is right.
 * @example refineSupport([-2.1, 2.1], [-1.98, 1.99], (s) => glueResidual(s))
 */
export function refineSupport(
  start: readonly [number, number],
  range: readonly [number, number],
  cost: (support: [number, number]) => number,
): { support: [number, number]; cost: number; evaluations: number } {
  let [a, b] = start;
  let best = cost([a, b]);
  let evaluations = 1;
  let step = 0.02 * (b - a);
  const moves: [number, number][] = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ];
  for (let it = 0; it < 60 && step > 1e-5 * (b - a); it++) {
    let improved = false;
    for (const [da, db] of moves) {
      let na = Math.min(a + da * step, range[0]);
      if (range[0] >= 0) na = Math.max(na, 0);
      const nb = Math.max(b + db * step, range[1]);
      if (na === a && nb === b) continue;
      const value = cost([na, nb]);
      evaluations++;
      if (value < best) {
        best = value;
        a = na;
        b = nb;
        improved = true;
        break;
      }
    }
    if (!improved) step /= 2;
  }
  return { support: [a, b], cost: best, evaluations };
}

/**
 * Mean and variance of the measure whose Stieltjes transform has the glue's Taylor series at
 * w = 0 (docs/theory.md §14.1): with P/Q = c₀ + c₁w + c₂w² + …, the mass is −c₀h/2,
 * E[U₁(u)] = 2E[u] = −c₁h/2 and E[U₂(u)] = E[4u² − 1] = −c₂h/2, per unit mass. These are what the
 * characteristics carry: the mean unchanged, the variance times s.
 * @example impliedMoments(Float64Array.of(-1), Float64Array.of(1), [-2, 2]) // mean 0, variance 1
 */
export function impliedMoments(
  numerator: Float64Array,
  denominator: Float64Array,
  support: readonly [number, number],
): { mean: number; variance: number } {
  const c = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    let v = numerator[k] ?? 0;
    for (let i = 1; i <= Math.min(k, denominator.length - 1); i++) v -= denominator[i]! * c[k - i]!;
    c[k] = v;
  }
  const h = (support[1] - support[0]) / 2;
  const centre = (support[0] + support[1]) / 2;
  const mass = (-c[0]! * h) / 2;
  const eu = (-c[1]! * h) / 4 / mass;
  const eu2 = ((-c[2]! * h) / 2 / mass + 1) / 4;
  return { mean: centre + h * eu, variance: h * h * (eu2 - eu * eu) };
}
