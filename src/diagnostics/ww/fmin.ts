/** Result of {@link fmin}: the best vertex and its value. */
export interface FminResult {
  x: number[];
  fun: number;
  calls: number;
}

class TooManyCalls extends Error {}

/**
 * scipy.optimize.fmin (Nelder–Mead, non-adaptive: ρ = 1, χ = 2, ψ = ½, σ = ½) in any dimension,
 * operation for operation as scipy 1.x runs it, so that a caller reproducing a Python fit takes
 * the same steps: initial simplex x0 and x0 with one coordinate times 1.05 (0.00025 if 0); stop
 * when every |x_i − x_0| ≤ 1e-4 and every |f_i − f_0| ≤ 1e-4, after 200·n iterations, or when a
 * call would exceed 200·n evaluations (the iteration then stops where it is, as scipy's
 * _MaxFuncCallError does). Vertices are sorted stably by value, NaN last (numpy's argsort).
 * @example fmin(([a, b]) => (a! - 1) ** 2 + (b! + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function fmin(f: (x: readonly number[]) => number, x0: readonly number[]): FminResult {
  const n = x0.length;
  const maxfun = 200 * n;
  const maxiter = 200 * n;
  let calls = 0;
  const call = (x: number[]): number => {
    if (calls >= maxfun) throw new TooManyCalls();
    calls++;
    return f(x);
  };
  let sim: number[][] = [x0.slice()];
  for (let k = 0; k < n; k++) {
    const y = x0.slice();
    y[k] = y[k] !== 0 ? 1.05 * y[k]! : 0.00025;
    sim.push(y);
  }
  let fsim: number[] = sim.map(() => Infinity);
  const sort = (): void => {
    const order = fsim.map((_, i) => i).sort((i, j) => byValue(fsim[i]!, fsim[j]!) || i - j);
    sim = order.map((i) => sim[i]!);
    fsim = order.map((i) => fsim[i]!);
  };
  try {
    for (let k = 0; k <= n; k++) fsim[k] = call(sim[k]!);
  } catch (e) {
    if (!(e instanceof TooManyCalls)) throw e;
  }
  sort();
  let iterations = 1;
  const combine = (a: number, u: number[], b: number, v: number[]): number[] =>
    u.map((ui, i) => a * ui - b * v[i]!);
  while (calls < maxfun && iterations < maxiter) {
    try {
      if (converged(sim, fsim)) break;
      const xbar = new Array<number>(n).fill(0);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) xbar[i] += sim[j]![i]!;
      for (let i = 0; i < n; i++) xbar[i] /= n;
      const worst = sim[n]!;
      const xr = combine(2, xbar, 1, worst);
      const fxr = call(xr);
      let shrink = false;
      if (fxr < fsim[0]!) {
        const xe = combine(3, xbar, 2, worst);
        const fxe = call(xe);
        if (fxe < fxr) [sim[n], fsim[n]] = [xe, fxe];
        else [sim[n], fsim[n]] = [xr, fxr];
      } else if (fxr < fsim[n - 1]!) {
        [sim[n], fsim[n]] = [xr, fxr];
      } else if (fxr < fsim[n]!) {
        const xc = combine(1.5, xbar, 0.5, worst);
        const fxc = call(xc);
        if (fxc <= fxr) [sim[n], fsim[n]] = [xc, fxc];
        else shrink = true;
      } else {
        const xcc = combine(0.5, xbar, -0.5, worst);
        const fxcc = call(xcc);
        if (fxcc < fsim[n]!) [sim[n], fsim[n]] = [xcc, fxcc];
        else shrink = true;
      }
      if (shrink)
        for (let j = 1; j <= n; j++) {
          sim[j] = sim[0]!.map((s0, i) => s0 + 0.5 * (sim[j]![i]! - s0));
          fsim[j] = call(sim[j]!);
        }
      iterations++;
    } catch (e) {
      if (!(e instanceof TooManyCalls)) throw e;
    }
    sort();
  }
  return { x: sim[0]!, fun: Math.min(...fsim), calls };
}

/** numpy's order: ascending, NaN after everything. */
function byValue(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** scipy's test; a NaN anywhere makes it false, as np.max propagates NaN. */
function converged(sim: number[][], fsim: number[]): boolean {
  let dx = 0;
  let df = 0;
  for (let j = 1; j < sim.length; j++) {
    for (let i = 0; i < sim[0]!.length; i++) dx = Math.max(dx, Math.abs(sim[j]![i]! - sim[0]![i]!));
    df = Math.max(df, Math.abs(fsim[0]! - fsim[j]!));
  }
  return dx <= 1e-4 && df <= 1e-4;
}
