/**
 * scipy.optimize.fmin (Nelder–Mead, non-adaptive: ρ = 1, χ = 2, ψ = ½, σ = ½) for one variable,
 * step for step as scipy 1.x runs it: initial simplex {x0, 1.05·x0} (0.00025 if x0 = 0), stop
 * when both |x_i − x_0| ≤ xatol and |f_i − f_0| ≤ fatol (1e-4 each), or after 200 iterations or
 * 200 evaluations; sorting keeps the earlier vertex first on ties (numpy's argsort of two).
 * Used by WeightWatcher's MP fit as scipy.optimize.brute's polishing step.
 * @example neldermead1d((x) => (x - 2) ** 2, 1).x // ≈ 2
 */
export function neldermead1d(
  f: (x: number) => number,
  x0: number,
  xatol = 1e-4,
  fatol = 1e-4,
): { x: number; fun: number; iterations: number } {
  const maxfun = 200;
  let calls = 0;
  const call = (x: number): number => {
    calls++;
    return f(x);
  };
  const sim = [x0, x0 !== 0 ? 1.05 * x0 : 0.00025];
  const fsim = [call(sim[0]!), call(sim[1]!)];
  const sort = (): void => {
    if (fsim[1]! < fsim[0]!) {
      sim.reverse();
      fsim.reverse();
    }
  };
  sort();
  let iterations = 1;
  while (calls < maxfun && iterations < 200) {
    if (Math.abs(sim[1]! - sim[0]!) <= xatol && Math.abs(fsim[0]! - fsim[1]!) <= fatol) break;
    const xbar = sim[0]! / 1;
    const worst = sim[1]!;
    const xr = 2 * xbar - worst;
    const fxr = call(xr);
    if (fxr < fsim[0]!) {
      const xe = 3 * xbar - 2 * worst;
      const fxe = call(xe);
      if (fxe < fxr) [sim[1], fsim[1]] = [xe, fxe];
      else [sim[1], fsim[1]] = [xr, fxr];
    } else {
      // (scipy's "fxr < fsim[-2]" branch is unreachable with one variable: fsim[-2] is fsim[0])
      let shrink = false;
      if (fxr < fsim[1]!) {
        const xc = 1.5 * xbar - 0.5 * worst;
        const fxc = call(xc);
        if (fxc <= fxr) [sim[1], fsim[1]] = [xc, fxc];
        else shrink = true;
      } else {
        const xcc = 0.5 * xbar + 0.5 * worst;
        const fxcc = call(xcc);
        if (fxcc < fsim[1]!) [sim[1], fsim[1]] = [xcc, fxcc];
        else shrink = true;
      }
      if (shrink) {
        sim[1] = sim[0]! + 0.5 * (sim[1]! - sim[0]!);
        fsim[1] = call(sim[1]!);
      }
    }
    iterations++;
    sort();
  }
  return { x: sim[0]!, fun: Math.min(fsim[0]!, fsim[1]!), iterations };
}
