/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton on P_n), ascending.
 * @example gaussLegendre(2) // [[-0.5773…, 1], [0.5773…, 1]]
 */
export function gaussLegendre(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = n; i >= 1; i--) {
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
 * Legendre polynomials P_0(u), …, P_n(u) by the three-term recurrence, written into `out`.
 * @example legendreValues(0.5, 2, new Float64Array(3)) // [1, 0.5, -0.125]
 */
export function legendreValues(u: number, n: number, out: Float64Array): Float64Array {
  out[0] = 1;
  if (n >= 1) out[1] = u;
  for (let k = 2; k <= n; k++) out[k] = ((2 * k - 1) * u * out[k - 1]! - (k - 1) * out[k - 2]!) / k;
  return out;
}
