/**
 * Small exact building blocks of the tridiagonal QL/QR iterations (LAPACK dlae2, dlaev2, dlartg).
 * Results go into a caller-owned Float64Array to keep the hot loops allocation-free.
 */

/**
 * Eigenvalues of [[a, b], [b, c]] (dlae2): out[0] = rt1 (larger in absolute value), out[1] = rt2.
 * rt2 is formed from the determinant rather than by cancellation, so both are accurate.
 * @example eig2(2, 1, 2, out) // out = [3, 1]
 */
export function eig2(a: number, b: number, c: number, out: Float64Array): void {
  const sm = a + c;
  const adf = Math.abs(a - c);
  const ab = Math.abs(b + b);
  const acmx = Math.abs(a) > Math.abs(c) ? a : c;
  const acmn = Math.abs(a) > Math.abs(c) ? c : a;
  const rt = root(adf, ab);
  if (sm < 0) {
    out[0] = 0.5 * (sm - rt);
    out[1] = (acmx / out[0]) * acmn - (b / out[0]) * b;
  } else if (sm > 0) {
    out[0] = 0.5 * (sm + rt);
    out[1] = (acmx / out[0]) * acmn - (b / out[0]) * b;
  } else {
    out[0] = 0.5 * rt;
    out[1] = -0.5 * rt;
  }
}

/**
 * Eigen-decomposition of [[a, b], [b, c]] (dlaev2): out = [rt1, rt2, cs, sn] where (cs, sn) is the
 * unit eigenvector of rt1 (the eigenvalue of larger magnitude) and (−sn, cs) that of rt2.
 * @example eigvec2(1, 0, 2, out) // out = [2, 1, 0, 1]
 */
export function eigvec2(a: number, b: number, c: number, out: Float64Array): void {
  eig2(a, b, c, out);
  const sm = a + c;
  const df = a - c;
  const tb = b + b;
  const ab = Math.abs(tb);
  const rt = root(Math.abs(df), ab);
  const sgn1 = sm < 0 ? -1 : 1;
  const cs = df >= 0 ? df + rt : df - rt;
  const sgn2 = df >= 0 ? 1 : -1;
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  out[2] = cs1;
  out[3] = sn1;
}

const SAFE_MIN = 2 ** -1022;
const SAFE_MAX = 1 / SAFE_MIN;
const ROOT_MIN = Math.sqrt(SAFE_MIN);
const ROOT_MAX = Math.sqrt(SAFE_MAX / 2);

/**
 * Plane rotation (dlartg, LAPACK ≥ 3.10): out = [c, s, r] with [c s; −s c]·[f; g] = [r; 0].
 * The plain √(f² + g²) is used when both squares are representable; otherwise f and g are first
 * scaled (entries of a tridiagonal matrix can span far more than the double exponent range halves).
 * @example rotation(3, 4, out) // out = [0.6, 0.8, 5]
 */
export function rotation(f: number, g: number, out: Float64Array): void {
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  if (g === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = f;
  } else if (f === 0) {
    out[0] = 0;
    out[1] = 1;
    out[2] = g;
  } else if (f1 > ROOT_MIN && f1 < ROOT_MAX && g1 > ROOT_MIN && g1 < ROOT_MAX) {
    const d = Math.sqrt(f * f + g * g);
    const r = f > 0 ? d : -d;
    out[0] = f1 / d;
    out[1] = g / r;
    out[2] = r;
  } else {
    const u = Math.min(SAFE_MAX, Math.max(SAFE_MIN, f1, g1));
    const fs = f / u;
    const gs = g / u;
    const d = Math.sqrt(fs * fs + gs * gs);
    const r = f > 0 ? d : -d;
    out[0] = Math.abs(fs) / d;
    out[1] = gs / r;
    out[2] = r * u;
  }
}

/** √(x² + y²) for x, y ≥ 0 without overflow (the 'rt' of dlae2). */
function root(x: number, y: number): number {
  if (x > y) return x * Math.sqrt(1 + (y / x) * (y / x));
  if (x < y) return y * Math.sqrt(1 + (x / y) * (x / y));
  return y * Math.SQRT2;
}
