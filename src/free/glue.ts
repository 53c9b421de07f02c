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
  const ws: Complex[] = [];
  const ms: Complex[] = [];
  for (let i = 0; i < points; i++) {
    const theta = (Math.PI * (i + 0.5)) / points;
    const w = { re: Math.cos(theta), im: -Math.sin(theta) };
    ws.push(w);
    ms.push(m(w));
  }
  const cols = p + 1 - fixed + q;
  let numerator = new Float64Array(p + 1);
  let denominator = Float64Array.of(1, ...new Float64Array(q));
  for (let sweep = 0; sweep < (q > 0 ? 4 : 1); sweep++) {
    const a = Matrix.zeros(2 * points, cols);
    const b = Matrix.zeros(2 * points, 1);
    for (let i = 0; i < points; i++) {
      const weight = 1 / Math.hypot(...Object.values(horner(denominator, ws[i]!)));
      // p_k = t_{k+1} + Σ_{i=1}^{min(k,q)} q_i t_{k+1−i} for k < fixed (Taylor match at w = 0).
      const powers: Complex[] = [{ re: 1, im: 0 }];
      for (let k = 1; k <= p + q + 1; k++) powers.push(mul(powers[k - 1]!, ws[i]!));
      let rhs = ms[i]!;
      for (let k = 0; k < fixed; k++) rhs = sub(rhs, scale(taylor[k]!, powers[k + 1]!));
      for (let l = fixed; l <= p; l++) {
        a.data[2 * i * cols + l - fixed] = weight * powers[l + 1]!.re;
        a.data[(2 * i + 1) * cols + l - fixed] = weight * powers[l + 1]!.im;
      }
      for (let j = 1; j <= q; j++) {
        let column = scale(-1, mul(ms[i]!, powers[j]!));
        for (let k = j; k < fixed; k++) column = add(column, scale(taylor[k - j]!, powers[k + 1]!));
        a.data[2 * i * cols + p + 1 - fixed + j - 1] = weight * column.re;
        a.data[(2 * i + 1) * cols + p + 1 - fixed + j - 1] = weight * column.im;
      }
      b.data[2 * i] = weight * rhs.re;
      b.data[2 * i + 1] = weight * rhs.im;
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
  const at = (w: Complex) => {
    const num = horner(numerator, w);
    const den = horner(denominator, w);
    const dnum = horner(derivative(numerator), w);
    const dden = horner(derivative(denominator), w);
    const r = div(mul(w, num), den);
    // d/dw [w P/Q] = (P + w P')/Q − w P Q'/Q²
    const dm = sub(div(add(num, mul(w, dnum)), den), div(mul(r, dden), den));
    return { m: r, dm };
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
  return { p, q, numerator, denominator, poles, residual: Math.sqrt(err / norm), valid, at };
}

/** Σ c_k w^k. */
function horner(c: Float64Array, w: Complex): Complex {
  let r = { re: 0, im: 0 };
  for (let k = c.length - 1; k >= 0; k--) r = add(mul(r, w), { re: c[k]!, im: 0 });
  return r;
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
  for (let it = 0; it < 500; it++) {
    z = z.map((zi, i) => {
      let den = { re: 1, im: 0 };
      z.forEach((zj, j) => {
        if (j !== i) den = mul(den, sub(zi, zj));
      });
      return sub(zi, div(horner(Float64Array.from(monic), zi), den));
    });
  }
  return z;
}
