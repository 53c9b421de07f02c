import { tanhSinh } from '../rmt/laws/quadrature.js';

const CELLS = 2048;

/**
 * Population PCA error of a d → ∞ Toeplitz covariance from its spectral symbol f on [0, π]
 * (docs/theory.md §5). Keeping the top fraction γ of the eigenvalues discards those below the
 * level t with |{ω : f(ω) ≥ t}| = πγ (Szegő), so
 *   E(γ) = (1/π)·[∫_{f<t} f dω + (π(1 − γ) − |{f < t}|)·t],
 * where the second term shares a flat level (ties) between kept and dropped. t is found by
 * bisection on the measure. The measure and the sets {f < t} are exact up to the crossings of
 * f = t, which are located in 2048 cells and refined by bisection; a symbol that crosses a level
 * twice inside one cell (features narrower than π/2048) is not resolved. The integrals are
 * tanh–sinh to 1e-14. For AR(1) this reproduces the closed form 1 − (2/π)arctan(K tan(πγ/2)) to
 * about 1e-14, where summing the midpoint nodes of the symbol's spectral form is only O(1/nodes)
 * accurate at the cut.
 * @example symbolPcaError((w) => 1 + 0.5 * Math.cos(w), 0.5) // (1/π)∫_{π/2}^π (1 + 0.5 cos ω) dω
 */
export function symbolPcaError(symbol: (omega: number) => number, gamma: number): number {
  const f = (w: number) => Math.max(symbol(w), 0);
  const grid = Float64Array.from({ length: CELLS + 1 }, (_, i) => f((i * Math.PI) / CELLS));
  let lo = Math.min(...grid);
  let hi = Math.max(...grid);
  if (gamma <= 0) return belowIntegral(f, grid, Infinity).integral / Math.PI;
  if (gamma >= 1) return 0;
  // Largest t with |{f ≥ t}| ≥ πγ, to the last bit: lo keeps that property, hi does not.
  if (belowIntegral(f, grid, hi, false).measure <= Math.PI * (1 - gamma)) lo = hi;
  while (hi - lo > 0 && (lo + hi) / 2 !== lo && (lo + hi) / 2 !== hi) {
    const mid = (lo + hi) / 2;
    if (Math.PI - belowIntegral(f, grid, mid, false).measure >= Math.PI * gamma) lo = mid;
    else hi = mid;
  }
  const t = lo;
  const below = belowIntegral(f, grid, t);
  return (below.integral + (Math.PI * (1 - gamma) - below.measure) * t) / Math.PI;
}

/** |{ω ∈ [0, π] : f(ω) < t}| and, when asked, ∫ f over that set. */
function belowIntegral(
  f: (w: number) => number,
  grid: Float64Array,
  t: number,
  integrate = true,
): { measure: number; integral: number } {
  const h = Math.PI / CELLS;
  let measure = 0;
  let integral = 0;
  let start: number | undefined = grid[0]! < t ? 0 : undefined;
  const close = (end: number) => {
    measure += end - start!;
    if (integrate) integral += tanhSinh(f, start!, end, { tol: 1e-14 });
    start = undefined;
  };
  for (let i = 0; i < CELLS; i++) {
    const a = i * h;
    const inA = grid[i]! < t;
    const inB = grid[i + 1]! < t;
    if (inA === inB) continue;
    const x = crossing(f, t, a, a + h, inA);
    if (inA) close(x);
    else start = x;
  }
  if (start !== undefined) close(Math.PI);
  return { measure, integral };
}

/** The point in [a, b] where f crosses t (f(a) < t iff `belowAtA`), by bisection. */
function crossing(
  f: (w: number) => number,
  t: number,
  a: number,
  b: number,
  belowAtA: boolean,
): number {
  let left = a;
  let right = b;
  for (let k = 0; k < 60; k++) {
    const mid = (left + right) / 2;
    if (f(mid) < t === belowAtA) left = mid;
    else right = mid;
  }
  return (left + right) / 2;
}
