import { InvalidArgumentError, NonFiniteError } from '../errors.js';

/** The free compression of a discrete spectrum on a grid (docs/theory.md §14.5). */
export interface CompressedSpectrum {
  /** Size factor τ = n/n_s ∈ (0, 1). */
  factor: number;
  /** Ascending points: log-spaced when every eigenvalue is > 0, else uniform. */
  grid: Float64Array;
  /** ρ_τ at each point. */
  density: Float64Array;
  /** ∫ρ_τ from the first point (trapezoid rule), ≈ 1 at the last point. */
  cdf: Float64Array;
}

/**
 * Free compression of the discrete spectrum λ₁ … λ_{n_s} (weights 1/n_s) to the size τ·n_s,
 * τ ∈ (0, 1): what the free model predicts for the spectrum of a random principal sub-matrix of
 * that size (docs/theory.md §14.5). The characteristic of §14.2 with s = τ, z₀ = z + (τ −
 * 1)/m₀(z₀), stays on the first sheet: z₀ lies further from the axis than z, where the sample's own
 * transform m₀(z) = (1/n_s)Σ 1/(λ_i − z) is smooth, so no fit and no continuation are needed and
 * the result is exact for the sample. Damped Newton in z₀ (Im z₀ > 0 kept), continued down x + iη
 * from η = 10³·scale to 10⁻⁹·scale, ρ_τ(x) = Im m₀(z₀)/(πτ). Cost O(n_s) per Newton step.
 * @throws {InvalidArgumentError} ('factor') unless 0 < τ < 1, ('eigenvalues') for fewer than 4.
 * @throws {NonFiniteError} naming the first non-finite eigenvalue.
 * @example compressSpectrum(eigvalsh(wishart), 0.5).density // MP of twice the ratio c
 */
export function compressSpectrum(
  eigenvalues: ArrayLike<number>,
  factor: number,
  points = 400,
): CompressedSpectrum {
  if (!(factor > 0 && factor < 1))
    throw new InvalidArgumentError('factor', 'must lie in (0, 1)', factor);
  const e = Float64Array.from(eigenvalues).sort();
  if (e.length < 4) throw new InvalidArgumentError('eigenvalues', 'must have ≥ 4 values', e.length);
  e.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new NonFiniteError('eigenvalues', i, 0, v);
  });
  const lo = e[0]!;
  const hi = e[e.length - 1]!;
  const positive = lo > 0;
  const grid = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const t = i / (points - 1);
    // Log grid from a decade below λ_min: the compressed spectrum's small end moves up, not down.
    grid[i] = positive
      ? lo * 10 ** (-1 + t * (Math.log10(hi / lo) + 1.3))
      : lo - 0.2 * (hi - lo) + t * 1.4 * (hi - lo);
  }
  const spread = Math.max(hi - lo, Math.abs(hi), Number.MIN_VALUE);
  const density = grid.map((x) => solve(e, factor, x, positive ? Math.abs(x) : spread));
  const cdf = new Float64Array(points);
  for (let i = 1; i < points; i++)
    cdf[i] = cdf[i - 1]! + ((grid[i]! - grid[i - 1]!) * (density[i]! + density[i - 1]!)) / 2;
  return { factor, grid, density, cdf };
}

/** ρ_τ(x): Newton on G(z₀) = z₀ − (τ − 1)/m₀(z₀) − z down the path x + iη. */
function solve(e: Float64Array, tau: number, x: number, scale: number): number {
  const n = e.length;
  const transform = (re: number, im: number) => {
    // m = mean 1/(λ − z), dm = mean 1/(λ − z)²
    let mr = 0;
    let mi = 0;
    let dr = 0;
    let di = 0;
    for (let k = 0; k < n; k++) {
      const ar = e[k]! - re;
      const ai = -im;
      const q = 1 / (ar * ar + ai * ai);
      const ir = ar * q;
      const ii = -ai * q;
      mr += ir;
      mi += ii;
      dr += ir * ir - ii * ii;
      di += 2 * ir * ii;
    }
    return { mr: mr / n, mi: mi / n, dr: dr / n, di: di / n };
  };
  // G = z₀ − (τ − 1)/m − z and G' = 1 + (τ − 1)·m'/m²
  const residual = (zr: number, zi: number, yr: number, yi: number) => {
    const t = transform(zr, zi);
    const q = 1 / (t.mr * t.mr + t.mi * t.mi);
    const invr = t.mr * q;
    const invi = -t.mi * q;
    const gr = zr - (tau - 1) * invr - yr;
    const gi = zi - (tau - 1) * invi - yi;
    const m2r = invr * invr - invi * invi;
    const m2i = 2 * invr * invi;
    const sr = 1 + (tau - 1) * (t.dr * m2r - t.di * m2i);
    const si = (tau - 1) * (t.dr * m2i + t.di * m2r);
    return { gr, gi, sr, si, size: Math.hypot(gr, gi), mi: t.mi };
  };
  const steps = 90;
  let zr = x;
  let zi = 1e3 * scale;
  let current = residual(zr, zi, x, zi);
  for (let j = 0; j <= steps; j++) {
    const y = scale * 10 ** (3 - (12 * j) / steps);
    current = residual(zr, zi, x, y);
    for (let it = 0; it < 60 && current.size > 1e-14 * (Math.abs(zr) + Math.abs(zi)); it++) {
      const q = 1 / (current.sr * current.sr + current.si * current.si);
      let pr = (current.gr * current.sr + current.gi * current.si) * q;
      let pi = (current.gi * current.sr - current.gr * current.si) * q;
      let accepted = false;
      for (let half = 0; half < 40 && !accepted; half++) {
        const tr = zr - pr;
        const ti = zi - pi;
        if (ti > 0) {
          const next = residual(tr, ti, x, y);
          if (next.size < current.size) {
            zr = tr;
            zi = ti;
            current = next;
            accepted = true;
          }
        }
        pr /= 2;
        pi /= 2;
      }
      if (!accepted) break;
    }
  }
  return Math.max(current.mi / (Math.PI * tau), 0);
}
