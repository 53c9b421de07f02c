/**
 * The level-2 pieces of one panel step of the tridiagonal reduction (inside LAPACK dlatrd): with
 * V = panel columns k0… of `a` and W the panel's w (both column-major, contiguous columns),
 *   y −= V·f + W·g   (bring a column up to date, or correct A·v for the pending update)
 *   f = Wᵀx, g = Vᵀx (the coefficients of that correction).
 * Four panel columns are handled per pass, so y (or x) is loaded once per eight products.
 */

/**
 * y[yo+i] −= Σ_{p<count} (V(i, p)·f[p] + W(i, p)·g[p]) for i = from … to−1.
 * @example subtractPanel(a, j * n, j, n, a, w, n, k0, c, wRow, vRow)
 */
export function subtractPanel(
  y: Float64Array,
  yo: number,
  from: number,
  to: number,
  a: Float64Array,
  w: Float64Array,
  n: number,
  k0: number,
  count: number,
  f: Float64Array,
  g: Float64Array,
): void {
  let p = 0;
  for (; p + 3 < count; p += 4) {
    const v0 = (k0 + p) * n,
      v1 = v0 + n,
      v2 = v1 + n,
      v3 = v2 + n;
    const w0 = p * n,
      w1 = w0 + n,
      w2 = w1 + n,
      w3 = w2 + n;
    const f0 = f[p]!,
      f1 = f[p + 1]!,
      f2 = f[p + 2]!,
      f3 = f[p + 3]!;
    const g0 = g[p]!,
      g1 = g[p + 1]!,
      g2 = g[p + 2]!,
      g3 = g[p + 3]!;
    for (let i = from; i < to; i++) {
      const sv = a[v0 + i]! * f0 + a[v1 + i]! * f1 + (a[v2 + i]! * f2 + a[v3 + i]! * f3);
      const sw = w[w0 + i]! * g0 + w[w1 + i]! * g1 + (w[w2 + i]! * g2 + w[w3 + i]! * g3);
      y[yo + i] = y[yo + i]! - (sv + sw);
    }
  }
  for (; p < count; p++) {
    const v0 = (k0 + p) * n;
    const w0 = p * n;
    const f0 = f[p]!;
    const g0 = g[p]!;
    for (let i = from; i < to; i++) y[yo + i] = y[yo + i]! - (a[v0 + i]! * f0 + w[w0 + i]! * g0);
  }
}

/**
 * f[p] = Σ_i W(i, p)·x_i and g[p] = Σ_i V(i, p)·x_i over i = from … to−1, for p < count.
 * @example panelDots(a, w, n, k0, c, v, j + 1, n, f, g)
 */
export function panelDots(
  a: Float64Array,
  w: Float64Array,
  n: number,
  k0: number,
  count: number,
  x: Float64Array,
  from: number,
  to: number,
  f: Float64Array,
  g: Float64Array,
): void {
  let p = 0;
  for (; p + 1 < count; p += 2) {
    const v0 = (k0 + p) * n,
      v1 = v0 + n;
    const w0 = p * n,
      w1 = w0 + n;
    let f0 = 0,
      f1 = 0,
      g0 = 0,
      g1 = 0;
    for (let i = from; i < to; i++) {
      const xi = x[i]!;
      f0 += w[w0 + i]! * xi;
      f1 += w[w1 + i]! * xi;
      g0 += a[v0 + i]! * xi;
      g1 += a[v1 + i]! * xi;
    }
    f[p] = f0;
    f[p + 1] = f1;
    g[p] = g0;
    g[p + 1] = g1;
  }
  for (; p < count; p++) {
    const v0 = (k0 + p) * n;
    const w0 = p * n;
    let f0 = 0;
    let g0 = 0;
    for (let i = from; i < to; i++) {
      f0 += w[w0 + i]! * x[i]!;
      g0 += a[v0 + i]! * x[i]!;
    }
    f[p] = f0;
    g[p] = g0;
  }
}
