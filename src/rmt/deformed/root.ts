/**
 * The scalar equation behind the spectrum of N = B + T^{1/2} W T^{1/2} (W a white Wishart with
 * ratio c = d/n; docs/theory.md §3) on the real axis. With s = 1/(1 + δ) and the eigenvalues ε_j(x)
 * of the pencil (B − x, T) (for diagonal B, T: ε_k = (b_k − x)/t_k), the equation
 * δ = (1/n) tr T(B + sT − x)⁻¹ reads
 *
 *   g(s) = 1/s − 1 − c Σ_j w_j/(s + ε_j) = 0.
 *
 * Its numerator has degree J + 1 and, counting sign changes between the poles {−ε_j} ∪ {0}, at
 * least J − 1 real roots: either one complex pair (x in the bulk; the physical root has
 * Im s < 0, i.e. Im δ > 0) or only real roots (x outside; the physical one is the unique real
 * root with g′(s) < 0, because δ increases with x off the support).
 */

/**
 * A point of the pencil at real x: eigenvalues ε_j, Hellmann–Feynman weights q_j = −dε_j/dx, node
 * weights w_j.
 */
export interface PencilPoint {
  eps: Float64Array;
  q: Float64Array;
  w: Float64Array;
}

/** The physical root at one x. */
export interface DeformedRoot {
  sRe: number;
  sIm: number;
  /** Whether x lies in the bulk (complex root). */
  inBulk: boolean;
  converged: boolean;
  iterations: number;
}

const acc = new Float64Array(4);

/** A = Σ w/(s + ε) and B = Σ w/(s + ε)² into acc = [Are, Aim, Bre, Bim]. */
function sums(p: PencilPoint, sr: number, si: number): void {
  const { eps, w } = p;
  let ar = 0,
    ai = 0,
    br = 0,
    bi = 0;
  for (let j = 0; j < eps.length; j++) {
    const xr = sr + eps[j];
    const den = xr * xr + si * si;
    const ir = xr / den;
    const ii = -si / den;
    const wj = w[j];
    ar += wj * ir;
    ai += wj * ii;
    br += wj * (ir * ir - ii * ii);
    bi += wj * 2 * ir * ii;
  }
  acc[0] = ar;
  acc[1] = ai;
  acc[2] = br;
  acc[3] = bi;
}

const out = new Float64Array(5);

/** g, g′ and the relative residual at s into out = [gRe, gIm, g′Re, g′Im, residual]. */
function evaluate(p: PencilPoint, c: number, sr: number, si: number): void {
  sums(p, sr, si);
  const ss = sr * sr + si * si;
  const ir = sr / ss;
  const ii = -si / ss;
  const gr = ir - 1 - c * acc[0];
  const gi = ii - c * acc[1];
  out[0] = gr;
  out[1] = gi;
  out[2] = -(ir * ir - ii * ii) + c * acc[2];
  out[3] = -(2 * ir * ii) + c * acc[3];
  out[4] = Math.hypot(gr, gi) / (Math.sqrt(1 / ss) + 1 + c * Math.hypot(acc[0], acc[1]));
}

const TOL = 1e-13;

/**
 * Newton with backtracking on |g|, keeping Im s ≤ 0 (Im s = 0 stays real). Returns iterations or
 * −1.
 */
function newton(p: PencilPoint, c: number, s: Float64Array, maxIterations: number): number {
  let sr = s[0];
  let si = s[1];
  evaluate(p, c, sr, si);
  let res = out[4];
  for (let it = 0; it < maxIterations; it++) {
    if (res <= TOL) {
      s[0] = sr;
      s[1] = si;
      return it;
    }
    const den = out[2] * out[2] + out[3] * out[3];
    const dr = -(out[0] * out[2] + out[1] * out[3]) / den;
    const di = -(out[1] * out[2] - out[0] * out[3]) / den;
    if (!Number.isFinite(dr) || !Number.isFinite(di)) return -1;
    let step = 1;
    let moved = false;
    for (let k = 0; k < 10; k++, step *= 0.5) {
      const nr = sr + step * dr;
      const ni = si === 0 ? 0 : Math.min(si + step * di, 0);
      evaluate(p, c, nr, ni);
      if (out[4] < res) {
        sr = nr;
        si = ni;
        res = out[4];
        moved = true;
        break;
      }
    }
    if (!moved) {
      evaluate(p, c, sr, si);
      if (res <= 1e3 * TOL) {
        s[0] = sr;
        s[1] = si;
        return it;
      }
      return -1;
    }
  }
  return res <= 1e3 * TOL ? maxIterations : -1;
}

const trial = new Float64Array(2);

/** Whether s is an acceptable physical root: complex with Im s < 0, or real with g′(s) < 0. */
function physical(p: PencilPoint, c: number, sr: number, si: number): 'bulk' | 'outside' | 'no' {
  const scale = Math.hypot(sr, si);
  if (si < -1e-11 * scale) return 'bulk';
  evaluate(p, c, sr, 0);
  return out[4] <= 1e3 * TOL && out[2] < 0 ? 'outside' : 'no';
}

/**
 * The physical root of g at one real x (see the file comment), warm-started from the root at a
 * neighbouring x. Newton from the warm start first; failing that, the fixed-point iteration
 * δ ← c Σ w_j/(1/(1 + δ) + ε_j), a holomorphic self-map of the upper half-plane that converges
 * to the interior fixed point when there is one (Denjoy–Wolff) and to the real physical root
 * otherwise, polished by Newton every 8 steps.
 * @example solveDeformedRoot({ eps: Float64Array.of(-1), q: Float64Array.of(1), w: Float64Array.of(1) }, 0.5)
 */
export function solveDeformedRoot(
  p: PencilPoint,
  c: number,
  previous?: { sRe: number; sIm: number },
): DeformedRoot {
  let iterations = 0;
  if (previous) {
    trial[0] = previous.sRe;
    trial[1] = previous.sIm;
    const it = newton(p, c, trial, 30);
    iterations += Math.max(it, 0);
    if (it >= 0) {
      const kind = physical(p, c, trial[0], trial[1]);
      if (kind !== 'no')
        return {
          sRe: trial[0],
          sIm: kind === 'bulk' ? trial[1] : 0,
          inBulk: kind === 'bulk',
          converged: true,
          iterations,
        };
    }
  }
  // δ in the upper half-plane: from the warm start pushed off the axis, else i.
  let dr = 0;
  let di = 1;
  if (previous) {
    const ss = previous.sRe ** 2 + previous.sIm ** 2;
    dr = previous.sRe / ss - 1;
    di = Math.max(-previous.sIm / ss, 1e-3 * (1 + Math.abs(dr)));
  }
  for (let k = 1; k <= 20000; k++) {
    const den = (1 + dr) ** 2 + di * di;
    const sr = (1 + dr) / den;
    const si = -di / den;
    sums(p, sr, si);
    dr = c * acc[0];
    di = c * acc[1];
    iterations++;
    if (k % 8 === 0) {
      const d2 = (1 + dr) ** 2 + di * di;
      trial[0] = (1 + dr) / d2;
      trial[1] = -di / d2;
      const flat = di <= 1e-9 * (1 + Math.abs(dr));
      if (flat) trial[1] = 0;
      const it = newton(p, c, trial, 30);
      iterations += Math.max(it, 0);
      if (it >= 0) {
        const kind = physical(p, c, trial[0], trial[1]);
        if (kind === 'bulk' || (kind === 'outside' && flat)) {
          return {
            sRe: trial[0],
            sIm: kind === 'bulk' ? trial[1] : 0,
            inBulk: kind === 'bulk',
            converged: true,
            iterations,
          };
        }
      }
    }
  }
  const d2 = (1 + dr) ** 2 + di * di;
  return {
    sRe: (1 + dr) / d2,
    sIm: -di / d2,
    inBulk: di > 1e-9 * (1 + Math.abs(dr)),
    converged: false,
    iterations,
  };
}
