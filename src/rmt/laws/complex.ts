/** A complex number as a plain pair; the laws' Stieltjes transforms return these. */
export interface Complex {
  re: number;
  im: number;
}

/* Small complex arithmetic for the laws' closed forms (no allocation-free tricks: these run a
   few thousand times per curve, not in inner loops of matrix kernels). */

/** z₁ + z₂. @example add({ re: 1, im: 2 }, { re: 3, im: -1 }) // { re: 4, im: 1 } */
export function add(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

/** z₁ − z₂. @example sub({ re: 1, im: 2 }, { re: 1, im: 1 }) // { re: 0, im: 1 } */
export function sub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

/** z₁·z₂. @example mul({ re: 0, im: 1 }, { re: 0, im: 1 }) // { re: -1, im: 0 } */
export function mul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** s·z for a real s. @example scale(2, { re: 1, im: 1 }) // { re: 2, im: 2 } */
export function scale(s: number, a: Complex): Complex {
  return { re: s * a.re, im: s * a.im };
}

/**
 * z₁/z₂ by Smith's algorithm (no overflow for large |z₂|).
 * @example div({ re: 1, im: 0 }, { re: 0, im: 1 }) // { re: 0, im: -1 }
 */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/**
 * Principal square root (branch cut on the negative real axis, Re √z ≥ 0), computed without
 * cancellation: the larger part comes from √((|z| + |Re z|)/2).
 * @example csqrt({ re: -4, im: 0 }) // { re: 0, im: 2 }
 */
export function csqrt(z: Complex): Complex {
  if (z.re === 0 && z.im === 0) return { re: 0, im: 0 };
  const t = Math.sqrt((Math.hypot(z.re, z.im) + Math.abs(z.re)) / 2);
  if (z.re >= 0) return { re: t, im: z.im / (2 * t) };
  return { re: Math.abs(z.im) / (2 * t), im: z.im < 0 || Object.is(z.im, -0) ? -t : t };
}

/**
 * √(z − lo)·√(z − hi) with principal roots: analytic off the segment [lo, hi], equal to z −
 * (lo+hi)/2
 * + O(1/z) at infinity, ±i√((hi − x)(x − lo)) just above/below the cut. Every law with square-root
 * edges writes its Stieltjes transform with this factor, so the branch is right everywhere,
 * real points outside the support included.
 * @example edgeRoot({ re: 3, im: 0 }, -1, 1).re // √8
 */
export function edgeRoot(z: Complex, lo: number, hi: number): Complex {
  return mul(csqrt({ re: z.re - lo, im: z.im }), csqrt({ re: z.re - hi, im: z.im }));
}
