import { lstsqQr } from '../linalg/least-squares.js';
import { Matrix } from '../linalg/matrix.js';
import { add, type Complex, div, mul, scale, sub } from '../rmt/laws/complex.js';

/**
 * The Padé "glue" of docs/theory.md §14.3: a rational function R(w) = w·P(w)/Q(w) (deg P = p,
 * deg Q = q, Q(0) = 1, real coefficients) of the Joukowski variable that matches the fitted
 * first-sheet Stieltjes transform on the cut and continues it to the second sheet.
 */
export interface Glue {
  p: number;
  q: number;
  numerator: Float64Array;
  /** q₀ = 1, q₁ … q_q. */
  denominator: Float64Array;
  /** Roots of Q (the second-sheet poles); all must lie outside the unit disk. */
  poles: Complex[];
  /** RMS of |R − m| on the cut relative to the RMS of |m|. */
  residual: number;
  /** False when a pole lies in the closed unit disk (R is then no Stieltjes transform). */
  valid: boolean;
  /** R and dR/dw at w. */
  at(w: Complex): { m: Complex; dm: Complex };
  /**
   * The same as {@link Glue.at} at w = wr + i·wi, written into out as [Re R, Im R, Re R′, Im R′].
   */
  evaluate(wr: number, wi: number, out: Float64Array): void;
}

/**
 * Fits {@link Glue} to `m` on the cut w = e^{−iθ}, θ ∈ (0, π), by linearised least squares
 * (w P − m Q ≈ 0) refined by three Sanathanan–Koerner reweightings (rows divided by |Q|), with
 * the first Taylor coefficients of R at w = 0 fixed to `taylor` (t₁, t₂, …: the mass, mean and
 * second moment of the sample, which decompression then carries exactly, docs/theory.md §14.3).
 * @example fitGlue((w) => ({ re: -w.re, im: -w.im }), 1, 0).residual // ~1e-16
 */
export function fitGlue(
  m: (w: Complex) => Complex,
  p: number,
  q: number,
  taylor: Float64Array = new Float64Array(0),
  points = 256,
): Glue {
  const fixed = Math.min(taylor.length, p + 1);
  const ws = cutPoints(points);
  const ms = ws.map(m);
  const cols = p + 1 - fixed + q;
  // The unweighted rows (real and imaginary parts) are the same in every sweep.
  const rows = new Float64Array(2 * points * cols);
  const rhs = new Float64Array(2 * points);
  for (let i = 0; i < points; i++) {
    // p_k = t_{k+1} + Σ_{i=1}^{min(k,q)} q_i t_{k+1−i} for k < fixed (Taylor match at w = 0).
    const powers: Complex[] = [{ re: 1, im: 0 }];
    for (let k = 1; k <= p + q + 1; k++) powers.push(mul(powers[k - 1]!, ws[i]!));
    let r = ms[i]!;
    for (let k = 0; k < fixed; k++) r = sub(r, scale(taylor[k]!, powers[k + 1]!));
    for (let l = fixed; l <= p; l++) {
      rows[2 * i * cols + l - fixed] = powers[l + 1]!.re;
      rows[(2 * i + 1) * cols + l - fixed] = powers[l + 1]!.im;
    }
    for (let j = 1; j <= q; j++) {
      let column = scale(-1, mul(ms[i]!, powers[j]!));
      for (let k = j; k < fixed; k++) column = add(column, scale(taylor[k - j]!, powers[k + 1]!));
      rows[2 * i * cols + p + 1 - fixed + j - 1] = column.re;
      rows[(2 * i + 1) * cols + p + 1 - fixed + j - 1] = column.im;
    }
    rhs[2 * i] = r.re;
    rhs[2 * i + 1] = r.im;
  }
  let numerator = new Float64Array(p + 1);
  let denominator = Float64Array.of(1, ...new Float64Array(q));
  const qw = new Float64Array(2);
  for (let sweep = 0; sweep < (q > 0 ? 4 : 1); sweep++) {
    const a = Matrix.zeros(2 * points, cols);
    const b = Matrix.zeros(2 * points, 1);
    for (let i = 0; i < points; i++) {
      hornerInto(denominator, ws[i]!.re, ws[i]!.im, qw);
      const weight = 1 / Math.hypot(qw[0]!, qw[1]!);
      for (let r = 2 * i; r < 2 * i + 2; r++) {
        for (let c = 0; c < cols; c++) a.data[r * cols + c] = weight * rows[r * cols + c]!;
        b.data[r] = weight * rhs[r]!;
      }
    }
    const x = cols > 0 ? lstsqQr(a, b).data : new Float64Array(0);
    denominator = Float64Array.of(1, ...x.slice(p + 1 - fixed));
    numerator = new Float64Array(p + 1);
    for (let k = 0; k <= p; k++) {
      if (k >= fixed) numerator[k] = x[k - fixed]!;
      else {
        let v = taylor[k]!;
        for (let i = 1; i <= Math.min(k, q); i++) v += denominator[i]! * taylor[k - i]!;
        numerator[k] = v;
      }
    }
  }
  const evaluate = rationalEvaluator(numerator, denominator);
  const out = new Float64Array(4);
  const at = (w: Complex) => {
    evaluate(w.re, w.im, out);
    return { m: { re: out[0]!, im: out[1]! }, dm: { re: out[2]!, im: out[3]! } };
  };
  let err = 0;
  let norm = 0;
  for (let i = 0; i < points; i++) {
    const d = sub(at(ws[i]!).m, ms[i]!);
    err += d.re * d.re + d.im * d.im;
    norm += ms[i]!.re ** 2 + ms[i]!.im ** 2;
  }
  const poles = roots(denominator);
  const valid = poles.every((z) => Math.hypot(z.re, z.im) > 1 + 1e-9);
  const residual = Math.sqrt(err / norm);
  return { p, q, numerator, denominator, poles, residual, valid, at, evaluate };
}

// Every glue is fitted on the same points of the cut: computed once per count.
const cuts = new Map<number, Complex[]>();

/** w_i = e^{−iθ_i}, θ_i = π(i + ½)/points: the cut's midpoint nodes. */
function cutPoints(points: number): Complex[] {
  let ws = cuts.get(points);
  if (ws === undefined) {
    ws = Array.from({ length: points }, (_, i) => {
      const theta = (Math.PI * (i + 0.5)) / points;
      return Object.freeze({ re: Math.cos(theta), im: -Math.sin(theta) });
    });
    if (cuts.size > 16) cuts.clear();
    cuts.set(points, ws);
  }
  return ws;
}

/** Σ c_k w^k. */
function horner(c: Float64Array, w: Complex): Complex {
  let r = { re: 0, im: 0 };
  for (let k = c.length - 1; k >= 0; k--) r = add(mul(r, w), { re: c[k]!, im: 0 });
  return r;
}

/**
 * w·P(w)/Q(w) and its derivative (P + wP′)/Q − wP Q′/Q² as number pairs: the characteristics
 * evaluate the glue ~10⁵ times per decompression, so nothing here allocates. The operations are
 * those of {@link horner} and the complex helpers, in the same order (the same rounding).
 */
export function rationalEvaluator(
  numerator: Float64Array,
  denominator: Float64Array,
): (wr: number, wi: number, out: Float64Array) => void {
  const dNumerator = derivative(numerator);
  const dDenominator = derivative(denominator);
  const pair = new Float64Array(2);
  const poly = (c: Float64Array, wr: number, wi: number) => hornerInto(c, wr, wi, pair);
  return (wr, wi, out) => {
    poly(numerator, wr, wi);
    const nr = pair[0]!;
    const ni = pair[1]!;
    poly(denominator, wr, wi);
    const qr = pair[0]!;
    const qi = pair[1]!;
    poly(dNumerator, wr, wi);
    const dnr = pair[0]!;
    const dni = pair[1]!;
    poly(dDenominator, wr, wi);
    const dqr = pair[0]!;
    const dqi = pair[1]!;
    // r = (w·num)/den
    divide(wr * nr - wi * ni, wr * ni + wi * nr, qr, qi, pair);
    const rr = pair[0]!;
    const ri = pair[1]!;
    // (num + w·dnum)/den − (r·dden)/den
    divide(nr + (wr * dnr - wi * dni), ni + (wr * dni + wi * dnr), qr, qi, pair);
    const ar = pair[0]!;
    const ai = pair[1]!;
    divide(rr * dqr - ri * dqi, rr * dqi + ri * dqr, qr, qi, pair);
    out[0] = rr;
    out[1] = ri;
    out[2] = ar - pair[0]!;
    out[3] = ai - pair[1]!;
  };
}

/** Σ c_k w^k at w = wr + i·wi into out: {@link horner}'s operations without its allocations. */
function hornerInto(c: Float64Array, wr: number, wi: number, out: Float64Array): void {
  let re = 0;
  let im = 0;
  for (let k = c.length - 1; k >= 0; k--) {
    const t = re * wr - im * wi + c[k]!;
    im = re * wi + im * wr + 0;
    re = t;
  }
  out[0] = re;
  out[1] = im;
}

/** (ar + i·ai)/(br + i·bi) into out by Smith's algorithm, exactly as `div` of rmt/laws/complex. */
export function divide(ar: number, ai: number, br: number, bi: number, out: Float64Array): void {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const d = br + bi * r;
    out[0] = (ar + ai * r) / d;
    out[1] = (ai - ar * r) / d;
    return;
  }
  const r = br / bi;
  const d = br * r + bi;
  out[0] = (ar * r + ai) / d;
  out[1] = (ai * r - ar) / d;
}

function derivative(c: Float64Array): Float64Array {
  return c.length <= 1 ? new Float64Array(1) : c.slice(1).map((v, k) => v * (k + 1));
}

/** Roots of c₀ + c₁w + … + c_q w^q by Durand–Kerner (q ≤ a few). */
function roots(c: Float64Array): Complex[] {
  let q = c.length - 1;
  while (q > 0 && c[q] === 0) q--;
  if (q === 0) return [];
  const monic = Array.from(c.slice(0, q + 1), (v) => v / c[q]!);
  let z = Array.from({ length: q }, (_, k) => {
    const r = 1 + Math.max(...monic.slice(0, q).map(Math.abs));
    return scale(r, {
      re: Math.cos(0.4 + (2 * Math.PI * k) / q),
      im: Math.sin(0.4 + (2 * Math.PI * k) / q),
    });
  });
  const monicCoefficients = Float64Array.from(monic);
  for (let it = 0; it < 500; it++) {
    const next = z.map((zi, i) => {
      let den = { re: 1, im: 0 };
      z.forEach((zj, j) => {
        if (j !== i) den = mul(den, sub(zi, zj));
      });
      return sub(zi, div(horner(monicCoefficients, zi), den));
    });
    // A fixed point of the iteration stays one: the remaining sweeps would change nothing.
    const still = next.every((v, i) => v.re === z[i]!.re && v.im === z[i]!.im);
    z = next;
    if (still) break;
  }
  return z;
}
