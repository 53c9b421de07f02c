import { InvalidArgumentError } from '../../errors.js';
import { eigh, matmul } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, div, edgeRoot } from './complex.js';
import { type Atom, edgeCdf, edgeDensity, type SpectralLaw, withAtoms } from './law.js';
import { symmetriseInPlace } from './sampling.js';
import { checkSize } from './wigner.js';

/**
 * Wachter's law (seed 004, free Jacobi / MANOVA) with a = d₁/n, b = d₂/n, a + b > 1: the limit
 * of the eigenvalues of (A + B)⁻¹A for independent Wisharts A = X₁X₁ᵀ, B = X₂X₂ᵀ (X_i n×d_i
 * standard Gaussian). Continuous part (a+b)√((λ₊ − x)(x − λ₋))/(2πx(1 − x)) with
 * λ± = ((√b ± √(a(a+b−1)))/(a+b))², atoms 1 − a at 0 (a < 1) and 1 − b at 1 (b < 1), and
 * m(z) = (a − 1 − (a+b−2)z + (a+b)√((z−λ₋)(z−λ₊))) / (2z(1 − z)).
 * (With the normalised S_i = X_iX_iᵀ/d_i of seed 004's table the generalized eigenvalues follow
 * this law only when d₁ = d₂; the sampler uses the unnormalised pencil, checked by simulation.)
 * `sampleMatrix(n, seed)` returns the symmetric C^{-1/2} A C^{-1/2}, C = A + B.
 * @throws {InvalidArgumentError} unless a, b > 0 and a + b > 1.
 * @example wachter(1.5, 2).support // [0.0223, 0.9165]
 */
export function wachter(a: number, b: number): SpectralLaw {
  if (!(a > 0) || !Number.isFinite(a))
    throw new InvalidArgumentError('a', 'must be a finite number > 0', a);
  if (!(b > 0) || !Number.isFinite(b))
    throw new InvalidArgumentError('b', 'must be a finite number > 0', b);
  if (!(a + b > 1))
    throw new InvalidArgumentError('a + b', 'must be > 1 (A + B must be invertible)', a + b);
  const root = Math.sqrt(a * (a + b - 1));
  const lo = ((Math.sqrt(b) - root) / (a + b)) ** 2;
  const hi = ((Math.sqrt(b) + root) / (a + b)) ** 2;
  const atoms: Atom[] = [];
  if (a < 1) atoms.push({ at: 0, mass: 1 - a });
  if (b < 1) atoms.push({ at: 1, mass: 1 - b });
  const g = (x: number): number => (a + b) / (2 * Math.PI * x * (1 - x));
  return {
    name: 'wachter',
    parameters: { a, b },
    support: [lo, hi],
    atoms,
    density: (x) => edgeDensity(g, lo, hi, x),
    cdf: (x) => withAtoms(atoms, (t) => edgeCdf(g, lo, hi, t), x),
    stieltjes(z: Complex): Complex {
      const s = edgeRoot(z, lo, hi);
      const numerator = {
        re: a - 1 - (a + b - 2) * z.re + (a + b) * s.re,
        im: -(a + b - 2) * z.im + (a + b) * s.im,
      };
      // 2z(1 − z) = 2(z − z²)
      const denominator = {
        re: 2 * (z.re - z.re * z.re + z.im * z.im),
        im: 2 * (z.im - 2 * z.re * z.im),
      };
      return div(numerator, denominator);
    },
    sampleMatrix(n, seed) {
      checkSize(n);
      const d1 = Math.max(1, Math.round(a * n));
      const d2 = Math.max(1, Math.round(b * n));
      if (d1 + d2 < n)
        throw new InvalidArgumentError(
          'n',
          `is too small for a + b = ${a + b}: A + B would be singular`,
          n,
        );
      const stream = randomStream(seed);
      const x1 = gaussianMatrix(n, d1, stream.split('A'));
      const x2 = gaussianMatrix(n, d2, stream.split('B'));
      const A = matmul(x1, x1, { transB: true });
      const C = matmul(x2, x2, { transB: true });
      for (let k = 0; k < C.data.length; k++) C.data[k] += A.data[k]!;
      const { values, vectors } = eigh(C);
      // C^{-1/2} = V diag(λ^{-1/2}) Vᵀ
      const scaled = Matrix.zeros(n, n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          scaled.data[i * n + j] = vectors.data[i * n + j]! / Math.sqrt(values[j]!);
      const half = matmul(scaled, vectors, { transB: true });
      return symmetriseInPlace(matmul(matmul(half, A), half));
    },
  };
}
