import { matmul, qr } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import type { Seed } from '../../random/seed.js';
import { type RandomStream, randomStream } from '../../random/stream.js';
import { type Atom, edgeCdf, edgePoint } from './law.js';

/**
 * O·diag(values)·Oᵀ with O Haar-distributed on the orthogonal group (QR of a Gaussian matrix,
 * columns signed so that diag(R) > 0, as Mezzadri prescribes): a rotation-invariant symmetric
 * matrix with exactly the given spectrum.
 * @example rotateSpectrum([1, 2, 3], 7) // a 3×3 symmetric matrix with eigenvalues 1, 2, 3
 */
export function rotateSpectrum(values: ArrayLike<number>, seed: Seed | RandomStream): Matrix {
  const n = values.length;
  const { q, r } = qr(gaussianMatrix(n, n, randomStream(seed).split('haar')));
  const signed = Matrix.zeros(n, n);
  const scaled = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = r.data[j * n + j]! < 0 ? -q.data[i * n + j]! : q.data[i * n + j]!;
      signed.data[i * n + j] = v;
      scaled.data[i * n + j] = v * values[j]!;
    }
  }
  const out = matmul(scaled, signed, { transB: true });
  return symmetriseInPlace(out);
}

/**
 * Averages the two triangles of a square matrix in place (they differ by rounding after products).
 */
export function symmetriseInPlace(m: Matrix): Matrix {
  const n = m.rows;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = (m.data[i * n + j]! + m.data[j * n + i]!) / 2;
      m.data[i * n + j] = v;
      m.data[j * n + i] = v;
    }
  }
  return m;
}

/**
 * A sampler of iid draws from a law with square-root edges (density √((hi−x)(x−lo))·g(x) on
 * [lo, hi]) plus atoms: the continuous CDF is tabulated at x = c − r cos θ_k on 1024 equal steps in
 * θ and inverted by linear interpolation in θ (error ~1e-7, far below sampling noise).
 * @example const draw = edgeLawSampler((t) => 2 / Math.PI, -1, 1, []); draw(randomStream(1))
 */
export function edgeLawSampler(
  g: (t: number) => number,
  lo: number,
  hi: number,
  atoms: readonly Atom[],
): (stream: RandomStream) => number {
  const steps = 1024;
  const table = new Float64Array(steps + 1);
  for (let k = 1; k <= steps; k++)
    table[k] = edgeCdf(g, lo, hi, edgePoint(lo, hi, (Math.PI * k) / steps));
  const continuousMass = table[steps]!;
  return (stream) => {
    let u = stream.uniform();
    for (const atom of atoms) {
      if (u < atom.mass) return atom.at;
      u -= atom.mass;
    }
    const target = Math.min(u, continuousMass);
    let low = 0;
    let high = steps;
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (table[mid]! <= target) low = mid;
      else high = mid;
    }
    const span = table[high]! - table[low]!;
    const frac = span > 0 ? (target - table[low]!) / span : 0;
    return edgePoint(lo, hi, (Math.PI * (low + frac)) / steps);
  };
}
