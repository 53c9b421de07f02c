import { fmin } from './fmin.js';
import { upperGamma } from './upper-gamma.js';

/** The distributions WeightWatcher fits with the powerlaw package. */
export type AlstottKind = 'power_law' | 'truncated_power_law';

/** powerlaw.Fit's result as WeightWatcher reads it; alpha NaN when no candidate xmin was left. */
export interface AlstottFit {
  alpha: number;
  /** The truncated power law's Λ (NaN for the power law). */
  Lambda: number;
  xmin: number;
  /** The given xmax (NaN when none: WeightWatcher's None). */
  xmax: number;
  D: number;
  /** (α − 1)/√n for the power law, NaN for the truncated one (it has none). */
  sigma: number;
}

/** powerlaw's floor for a zero likelihood, 10^min_10_exp. */
const TINY = 1e-307;

/**
 * powerlaw 1.5's Fit(data, xmin = xminRange, xmax, xmin_distribution = kind), continuous, the way
 * WeightWatcher 0.7.5 runs it with pl_package='powerlaw' (fix_fingers='xmin_peak', fit='TPL' or
 * 'E_TPL', xmax='force', and each clipped fit of 'clip_xmax' with those): the data above xmax
 * dropped; candidate xmins the distinct values within [min(range), max(range)] (all values without
 * a range), the largest candidate dropped; at each, the distribution fitted on the data in [xmin,
 * xmax] — the power law by its closed-form MLE without xmax, otherwise scipy's fmin on −Σ ln pdf
 * from (1 + n/Σ ln(x/xmin)[, 1/mean x]) — and its KS distance to the empirical CDF of all the data
 * renormalised above xmin; the first minimum of D among the fits inside the parameter range (α > 1,
 * Λ > 0) wins.
 * @example alstottFit(evals, { kind: 'truncated_power_law' }).Lambda
 */
export function alstottFit(
  values: Float64Array,
  options: {
    xminRange?: readonly [number, number] | undefined;
    xmax?: number | undefined;
    kind: AlstottKind;
  },
): AlstottFit {
  const { xminRange, xmax, kind } = options;
  const data = fitData(values, xmax);
  const cdf = empiricalCdf(data);
  const lo = xminRange ? Math.min(...xminRange) : -Infinity;
  const hi = xminRange ? Math.max(...xminRange) : Infinity;
  const xmins = cdf.bins.filter((v) => lo <= v && v <= hi).slice(0, -1);
  const failed = { alpha: NaN, Lambda: NaN, xmin: NaN, xmax: xmax ?? NaN, D: NaN, sigma: NaN };
  if (xmins.length <= 0) return failed;
  const fits = Array.from(xmins, (x) => fitAt(kind, data, x, xmax, cdf));
  // Only the fits inside the parameter range compete, unless none or all of them are.
  const masked = fits.some((f) => f.inRange) && !fits.every((f) => f.inRange);
  const best = argmin(fits.map((f) => (masked && !f.inRange ? Infinity : f.D)));
  const f = fits[best]!;
  return {
    alpha: f.alpha,
    Lambda: f.Lambda,
    xmin: xmins[best]!,
    xmax: xmax ?? NaN,
    D: f.D,
    sigma: f.sigma,
  };
}

/**
 * powerlaw's Fit.truncated_power_law once a power-law Fit has chosen its xmin (what WeightWatcher
 * reports as α and Λ with fixFingers 'clip_xmax' and fit 'TPL'): the truncated power law fitted,
 * as in {@link alstottFit}, on the Fit's data (0 dropped, ≤ xmax, sorted) from xmin up.
 * @example alstottTruncatedAt(evals, fit.xmin, undefined).Lambda
 */
export function alstottTruncatedAt(
  values: Float64Array,
  xmin: number,
  xmax: number | undefined,
): { alpha: number; Lambda: number } {
  const { d } = fitDistribution('truncated_power_law', fitData(values, xmax), xmin, xmax);
  return { alpha: d.alpha, Lambda: d.Lambda };
}

/**
 * A Fit's data: zeros dropped when there are any (as powerlaw does), values above xmax dropped,
 * sorted.
 */
function fitData(values: Float64Array, xmax: number | undefined): Float64Array {
  const zeros = values.includes(0);
  let data = values.filter((v) => v > 0 || !zeros);
  if (xmax) data = data.filter((v) => v <= xmax);
  return data.sort();
}

/** numpy's argmin: the first NaN if there is one, else the first minimum. */
function argmin(values: number[]): number {
  const nan = values.findIndex(Number.isNaN);
  if (nan >= 0) return nan;
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[best]!) best = i;
  return best;
}

interface Candidate {
  D: number;
  alpha: number;
  Lambda: number;
  sigma: number;
  inRange: boolean;
}

/** powerlaw.cdf(data): the distinct values and, for each, the fraction of the data below it. */
function empiricalCdf(data: Float64Array): { bins: Float64Array; cdf: Float64Array } {
  const n = data.length;
  const bins: number[] = [];
  const cdf: number[] = [];
  for (let k = 0; k < n; k++)
    if (k === 0 || data[k] !== data[k - 1]) {
      bins.push(data[k]!);
      cdf.push(k / n);
    }
  return { bins: Float64Array.from(bins), cdf: Float64Array.from(cdf) };
}

function fitAt(
  kind: AlstottKind,
  data: Float64Array,
  xmin: number,
  xmax: number | undefined,
  cdf: { bins: Float64Array; cdf: Float64Array },
): Candidate {
  const { d, tail } = fitDistribution(kind, data, xmin, xmax);
  return {
    D: tail.length >= 2 ? d.ks(cdf) : NaN,
    alpha: d.alpha,
    Lambda: kind === 'power_law' ? NaN : d.Lambda,
    sigma: kind === 'power_law' ? (d.alpha - 1) / Math.sqrt(tail.length) : NaN,
    inRange: d.inRange(),
  };
}

/**
 * The distribution fitted on the sorted data in [xmin, xmax]: the power law by its closed-form MLE
 * without xmax, otherwise scipy's fmin from (1 + n/Σ ln(x/xmin)[, 1/mean x]).
 */
function fitDistribution(
  kind: AlstottKind,
  data: Float64Array,
  xmin: number,
  xmax: number | undefined,
): { d: Distribution; tail: Float64Array } {
  const tail = data.filter((v) => v >= xmin && (!xmax || v <= xmax));
  const d = new Distribution(kind, xmin, xmax);
  let logSum = 0;
  for (const v of tail) logSum += Math.log(v / xmin);
  const alpha0 = 1 + tail.length / logSum;
  if (kind === 'power_law' && !xmax) {
    d.alpha = alpha0;
    if (!d.inRange()) d.fit(tail, [alpha0]);
  } else {
    let mean = 0;
    for (const v of tail) mean += v;
    d.fit(tail, kind === 'power_law' ? [alpha0] : [alpha0, 1 / (mean / tail.length)]);
  }
  return { d, tail };
}

/** powerlaw's Power_Law / Truncated_Power_Law on [xmin, xmax]: pdf, CDF, fit, KS. */
class Distribution {
  alpha = NaN;
  Lambda = NaN;
  constructor(
    readonly kind: AlstottKind,
    readonly xmin: number,
    readonly xmax: number | undefined,
  ) {}

  inRange(): boolean {
    return this.kind === 'power_law' ? this.alpha > 1 : this.Lambda > 0 && this.alpha > 1;
  }

  /** _cdf_base_function: 1 − (x/xmin)^{1−α}, or 1 − Γ(1 − α, Λx)/Λ^{1−α}. */
  private base(x: number): number {
    if (this.kind === 'power_law') return 1 - (x / this.xmin) ** (-this.alpha + 1);
    return 1 - upperGamma(1 - this.alpha, this.Lambda * x) / this.Lambda ** (1 - this.alpha);
  }

  /** −Σ ln pdf over data already in [xmin, xmax], summed left to right (Python's sum). */
  private negLogLikelihood(data: Float64Array): number {
    if (!this.inRange()) return -data.length * Math.log(TINY);
    const { alpha, Lambda, xmin } = this;
    const C =
      this.kind === 'power_law'
        ? (alpha - 1) * xmin ** (alpha - 1)
        : Lambda ** (1 - alpha) / upperGamma(1 - alpha, Lambda * xmin);
    let sum = 0;
    for (const x of data) {
      const f = this.kind === 'power_law' ? x ** -alpha : x ** -alpha * Math.exp(-Lambda * x);
      const p = f * C;
      sum += Math.log(p === 0 ? TINY : p);
    }
    return -sum;
  }

  fit(data: Float64Array, x0: number[]): void {
    const set = (p: readonly number[]): void => {
      this.alpha = p[0]!;
      if (this.kind === 'truncated_power_law') this.Lambda = p[1]!;
    };
    const best = fmin((p) => {
      set(p);
      return this.negLogLikelihood(data);
    }, x0);
    set(best.x);
  }

  /** Distribution.KS against the parent Fit's empirical CDF, renormalised above xmin. */
  ks(all: { bins: Float64Array; cdf: Float64Array }): number {
    let first = 0;
    while (all.bins[first]! < this.xmin) first++;
    const dropped = all.cdf[first]!;
    const inRange = this.inRange();
    const cdfXmin = inRange ? this.base(this.xmin) : 0;
    let norm = 1 - cdfXmin;
    if (inRange && this.xmax) norm = norm - (1 - this.base(this.xmax));
    let plus = -Infinity;
    let minus = Infinity;
    for (let k = first; k < all.bins.length; k++) {
      const x = all.bins[k]!;
      if (this.xmax && x > this.xmax) continue;
      const theory = !inRange ? TINY : cdfXmin === 1 ? 1 : (this.base(x) - cdfXmin) / norm;
      const diff = theory - (all.cdf[k]! - dropped) / (1 - dropped);
      plus = Math.max(plus, diff);
      minus = Math.min(minus, diff);
    }
    return Math.max(plus, -1 * minus);
  }
}
