import { neldermead1d } from './nelder-mead.js';

/** WeightWatcher's MP-fit columns (mp_fit): −1 everywhere if the fit failed. */
export interface WwMpFit {
  numSpikes: number;
  /** σ of the fitted MP law in the rescaled units (λ·W_scale², mean eigenvalue 1). */
  sigmaMp: number;
  mpSoftrank: number;
  /** MP edges in the units of λ. */
  bulkMin: number;
  bulkMax: number;
  /** W_scale = √(#λ/Σλ). */
  wScale: number;
}

/**
 * WeightWatcher's mp_fit: the eigenvalues rescaled to mean 1 (W_scale² = #λ/Σλ); σ fitted by
 * fit_density_with_range: a linear-kernel density estimate (bandwidth 0.1) of the rescaled λ (of
 * √λ when Q = N/M = 1) on 1000 points of [0, max + 0.5], points with density < 0.01 dropped, and
 * the squared residual to the MP density (quarter circle when Q = 1) minimised over the grid σ =
 * s·(0.05, 0.06, …, < 2) (np.arange; s = √(λmax/(1 + 1/√Q)²)), then polished by Nelder–Mead
 * (scipy.optimize.brute's default finish). Candidates whose bulk edge is below the density peak or
 * beyond the grid, or whose lower edge is above the peak, get residual 1000 per point. Then
 * bulk_max = (σ(1 + 1/√Q))², spikes are the rescaled λ above bulk_max + √(bulk_max^{2/3}
 * M^{−2/3}/√Q), mp_softrank = bulk_max/λmax (rescaled), and bulk edges are returned in λ units.
 * @example wwMpFit(evals, 512, 128).numSpikes
 */
export function wwMpFit(evals: Float64Array, N: number, M: number): WwMpFit {
  const Q = N / M;
  let sum = 0;
  for (const v of evals) sum += v;
  const wScale = Math.sqrt(evals.length) / Math.sqrt(sum);
  const s2 = wScale * wScale;
  const x = evals.map((v) => s2 * v);
  let lmax = 0;
  for (const v of x) lmax = Math.max(lmax, v);
  const sigma = fitDensityWithRange(x, Q, lmax);
  const edge = 1 + 1 / Math.sqrt(Q);
  const low = 1 - 1 / Math.sqrt(Q);
  const bulkMax = sigma * edge * (sigma * edge);
  const bulkMin = sigma * low * (sigma * low);
  const tw = (1 / Math.sqrt(Q)) * bulkMax ** (2 / 3) * M ** (-2 / 3);
  const cut = bulkMax + Math.sqrt(tw);
  let numSpikes = 0;
  for (const v of x) if (v > cut) numSpikes++;
  return {
    numSpikes,
    sigmaMp: sigma,
    mpSoftrank: bulkMax / lmax,
    bulkMin: bulkMin / s2,
    bulkMax: bulkMax / s2,
    wScale,
  };
}

function fitDensityWithRange(evals: Float64Array, Q: number, lmax: number): number {
  const scaling = Math.sqrt(lmax / (1 + 1 / Math.sqrt(Q)) ** 2);
  const data = Q === 1 ? evals.map(Math.sqrt) : evals;
  const objective = residual(data, Q);
  const start = 0.05 * scaling;
  const step = 0.01 * scaling;
  const length = Math.ceil((2.0 * scaling - start) / step);
  const second = start + step;
  const delta = second - start;
  let best = start;
  let fbest = Infinity;
  for (let i = 0; i < length; i++) {
    const s = i === 0 ? start : i === 1 ? second : start + i * delta;
    const f = objective(s);
    if (f < fbest) [best, fbest] = [s, f];
  }
  return neldermead1d(objective, best).x;
}

/** resid_mp(σ) summed and squared, with the density estimate computed once. */
function residual(data: Float64Array, Q: number): (sigma: number) => number {
  const sorted = Float64Array.from(data).sort();
  const n = sorted.length;
  const bw = 0.1;
  const top = sorted[n - 1]! + 0.5;
  const xs: number[] = [];
  const ys: number[] = [];
  const step = top / 999;
  let lo = 0;
  for (let k = 0; k < 1000; k++) {
    // np.linspace(0, top, 1000); sklearn's linear kernel 1 − |x − x_j|/h for |x − x_j| < h
    const x = k === 999 ? top : k * step;
    while (lo < n && sorted[lo]! < x - 2 * bw) lo++;
    let d = 0;
    for (let j = lo; j < n && sorted[j]! <= x + 2 * bw; j++) {
      const dist = Math.abs(x - sorted[j]!);
      if (dist < bw) d += 1 - dist / bw;
    }
    const y = d / (n * bw);
    if (y > 0.01) {
      xs.push(x);
      ys.push(y);
    }
  }
  let peak = 0;
  for (let k = 1; k < ys.length; k++) if (ys[k]! > ys[peak]!) peak = k;
  const xPeak = xs[peak]!;
  const xTop = xs[xs.length - 1]!;
  return (sigma) => {
    let r = 0;
    if (Q === 1) {
      for (let k = 0; k < xs.length; k++) {
        const v = (1 / (Math.PI * sigma * sigma)) * Math.sqrt(4 - xs[k]! ** 2);
        r += ((Number.isNaN(v) ? 0 : v) - ys[k]!) ** 2;
      }
      return r;
    }
    const y = 1 / Q;
    const e = sigma * (1 + Math.sqrt(1 / Q));
    const b = e * e;
    const l = sigma * (1 - Math.sqrt(1 / Q));
    const a = l * l;
    if (b < xPeak || b > xTop || a > xPeak) return 1000 * 1000 * xs.length;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      const v = (1 / (2 * Math.PI * sigma * sigma * x * y)) * Math.sqrt((b - x) * (x - a));
      r += ((Number.isFinite(v) ? v : 0) - ys[k]!) ** 2;
    }
    return r;
  };
}
