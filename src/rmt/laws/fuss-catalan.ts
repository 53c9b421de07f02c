import { InvalidArgumentError } from '../../errors.js';
import { matmul } from '../../linalg/api.js';
import type { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, div, mul } from './complex.js';
import type { FreeLaw } from './free-law.js';
import { followRoot } from './free-solve.js';
import { tanhSinh } from './quadrature.js';
import { symmetriseInPlace } from './sampling.js';
import { checkSize } from './wigner.js';

/**
 * The Fuss–Catalan law of order s (MP₁^{⊠s}, the free multiplicative power of the Marchenko–Pastur
 * law with c = 1): the limiting spectrum of WWᵀ for W = G₁⋯G_s/n^{s/2}, G_k iid n×n standard
 * Gaussian (docs/theory.md §8). Moments are the Fuss–Catalan numbers C((s+1)k, k)/(sk + 1), so
 * mean 1 and second moment s + 1. With B(z) = −z m(z), B^{s+1} − zB + z = 0 and B → 1 at
 * infinity; the root is followed from far above the axis. On the support [0, (s+1)^{s+1}/s^s],
 * for φ ∈ (0, π/(s+1)): x(φ) = sin^{s+1}((s+1)φ)/(sin φ·sin^s(sφ)), decreasing, and
 * ρ(x(φ)) = sin²φ·sin^{s−1}(sφ)/(π sin^s((s+1)φ)); the CDF is integrated in φ, where the
 * x^{−s/(s+1)} singularity at 0 disappears. s = 1 is Marchenko–Pastur(1).
 * @throws {InvalidArgumentError} naming 's' unless it is an integer ≥ 1.
 * @example fussCatalan(2).support // [0, 27/4]
 */
export function fussCatalan(s: number): FreeLaw {
  if (!Number.isSafeInteger(s) || s < 1)
    throw new InvalidArgumentError('s', 'must be an integer ≥ 1', s);
  const top = (s + 1) ** (s + 1) / s ** s;
  const end = Math.PI / (s + 1);
  const logX = (phi: number): number =>
    (s + 1) * Math.log(Math.sin((s + 1) * phi)) -
    Math.log(Math.sin(phi)) -
    s * Math.log(Math.sin(s * phi));
  const rho = (phi: number): number =>
    (Math.sin(phi) ** 2 * Math.sin(s * phi) ** (s - 1)) / (Math.PI * Math.sin((s + 1) * phi) ** s);
  // d log x/dφ
  const slope = (phi: number): number =>
    (s + 1) ** 2 / Math.tan((s + 1) * phi) - 1 / Math.tan(phi) - (s * s) / Math.tan(s * phi);
  const angle = (x: number): number => {
    const target = Math.log(x);
    let a = 0;
    let b = end;
    for (let i = 0; i < 200; i++) {
      const mid = (a + b) / 2;
      if (mid === a || mid === b) break;
      if (logX(mid) > target) a = mid;
      else b = mid;
    }
    return (a + b) / 2;
  };
  const density = (x: number): number => (x > 0 && x < top ? rho(angle(x)) : 0);
  const power = (b: Complex, k: number): Complex => {
    let out = { re: 1, im: 0 };
    for (let i = 0; i < k; i++) out = mul(out, b);
    return out;
  };
  return {
    name: 'fuss-catalan',
    parameters: { s },
    support: [0, top],
    intervals: [[0, top]],
    atoms: [],
    density,
    cdf(x) {
      if (x <= 0) return 0;
      if (x >= top) return 1;
      const from = angle(x);
      const f = (phi: number): number => -rho(phi) * Math.exp(logX(phi)) * slope(phi);
      return Math.min(1, tanhSinh(f, from, end, { tol: 1e-14, scale: 1e-3 }));
    },
    stieltjes(z) {
      const b = followRoot(
        (u, zz) => {
          const us = power(u, s);
          const f = mul(us, u);
          return {
            f: {
              re: f.re - zz.re * u.re + zz.im * u.im + zz.re,
              im: f.im - zz.re * u.im - zz.im * u.re + zz.im,
            },
            df: { re: (s + 1) * us.re - zz.re, im: (s + 1) * us.im - zz.im },
          };
        },
        z,
        (zz) => {
          const inv = div({ re: 1, im: 0 }, zz);
          return { re: 1 + inv.re, im: inv.im };
        },
        top,
      );
      return div({ re: -b.re, im: -b.im }, z);
    },
    sampleMatrix(n, seed) {
      checkSize(n);
      const stream = randomStream(seed);
      let p: Matrix = gaussianMatrix(n, n, stream.split(0));
      for (let k = 1; k < s; k++) p = matmul(p, gaussianMatrix(n, n, stream.split(k)));
      return symmetriseInPlace(matmul(p, p, { transB: true, alpha: 1 / n ** s }));
    },
  };
}
