/**
 * exp and log as in fdlibm (Sun Microsystems, 1993–2004, freely distributable; the FreeBSD msun
 * versions of e_exp.c and e_log.c), rewritten in TypeScript with the same operations in the same
 * order. Only IEEE addition, subtraction, multiplication and division are used, which round
 * identically on every platform, so these give the same bits in every JavaScript engine and in
 * every WebAssembly runtime; `Math.exp` and `Math.log` are only required to be approximations
 * (V8 happens to use these same algorithms: tested). The ziggurat's tables and rare paths use
 * them so that normals are reproducible everywhere. Error below 1 ulp (fdlibm's analysis).
 */

const words = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  words.setFloat64(0, x);
  return words.getInt32(0);
}

/** x with its high word replaced (the low word kept). */
function withHighWord(x: number, high: number): number {
  words.setFloat64(0, x);
  words.setInt32(0, high);
  return words.getFloat64(0);
}

const LN2_HI = 0.6931471803691238; // 0x3fe62e42 fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76
const INV_LN2 = Math.LOG2E; // 1.44269504088896338700, 0x3ff71547 652b82fe
const O_THRESHOLD = 709.782712893384; // 0x40862e42 fefa39ef
const U_THRESHOLD = -745.1332191019411; // 0xc0874910 d52d3051
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;
const TWO_M1000 = 2 ** -1000;

/**
 * eˣ, fdlibm's `__ieee754_exp`: x = k·ln2 + r with |r| ≤ ln2/2, then a degree-5 rational
 * approximation of e^r, scaled by 2ᵏ.
 * @example fdlibmExp(1) // 2.718281828459045
 */
export function fdlibmExp(x: number): number {
  const high = highWord(x);
  const negative = high < 0 ? 1 : 0;
  const hx = high & 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (Number.isNaN(x)) return x;
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 3·ln2/2
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = 1 - 2 * negative;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2⁻²⁸
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * 2 ** 1023;
    return y * withHighWord(0, 0x3ff00000 + (k << 20));
  }
  return y * withHighWord(0, 0x3ff00000 + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO54 = 2 ** 54;
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/**
 * The natural logarithm, fdlibm's `__ieee754_log`: x = 2ᵏ(1 + f) with √2/2 < 1 + f < √2, then
 * log(1 + f) from s = f/(2 + f) and a degree-14 polynomial.
 * @example fdlibmLog(Math.E) // 1
 */
export function fdlibmLog(x: number): number {
  words.setFloat64(0, x);
  let hx = words.getInt32(0);
  const lx = words.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2⁻¹⁰²²
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2⁻²⁰ ≤ f < 2⁻²⁰
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
