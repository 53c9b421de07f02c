import { InvalidArgumentError } from '../../errors.js';
import { eigh, eigvalsh, matmul } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import { symmetriseInPlace } from '../laws/sampling.js';
import type { Pencil } from './pencil.js';

/**
 * One coupled block of the general case (`generalPencil` splits T into them): B = diag(b)
 * and a dense symmetric positive definite T that does not commute with B. With
 * C₁ = T^{-1/2} B T^{-1/2} and C₂ = T⁻¹ (one eigendecomposition of T), ε_j(x) are the
 * eigenvalues of C₁ − x C₂, so det(B + sT − x) = det T · Π_j (s + ε_j): one symmetric
 * eigenvalue solve per point replaces the d×d complex solves of every δ iteration, and the
 * scalar equation is then O(d) per iteration. q_j = u_jᵀ C₂ u_j needs eigenvectors
 * (`exactWeights`); by default it is the forward difference (ε_j(x) − ε_j(x + h))/h of a second
 * eigenvalue solve (h = 1e-7 × the range), which costs less than the vectors.
 * @throws {InvalidArgumentError} naming 'b' or 't' (shapes, T not positive definite).
 * @example densePencil(b, T, 0.5).at(1.2, false).eps
 */
export function densePencil(
  b: Float64Array,
  t: Matrix,
  ratio: number,
  options: { exactWeights?: boolean } = {},
): Pencil {
  const d = pencilSize(b, t);
  const { values, vectors } = eigh(t);
  if (!(values[0] > 1e-12 * values[d - 1]))
    throw new InvalidArgumentError(
      't',
      'must be positive definite; its smallest eigenvalue is not > 0',
      values[0],
    );
  const half = scaledVectors(vectors, values, -0.5);
  const invHalf = matmul(half, vectors, { transB: true }); // T^{-1/2}
  const scaledB = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) scaledB.data[i * d + j] = invHalf.data[i * d + j] * b[j];
  const c1 = symmetriseInPlace(matmul(scaledB, invHalf));
  const c2 = symmetriseInPlace(
    matmul(scaledVectors(vectors, values, -1), vectors, { transB: true }),
  );
  let bMin = Infinity;
  let bMax = -Infinity;
  for (const v of b) {
    bMin = Math.min(bMin, v);
    bMax = Math.max(bMax, v);
  }
  const range: [number, number] = [bMin, bMax + values[d - 1] * (1 + Math.sqrt(ratio)) ** 2];
  const h = 1e-7 * (range[1] - range[0]);
  const w = new Float64Array(d).fill(1 / d);
  const shifted = Matrix.zeros(d, d);
  const form = (x: number): Matrix => {
    for (let k = 0; k < d * d; k++) shifted.data[k] = c1.data[k] - x * c2.data[k];
    return shifted;
  };
  return {
    size: d,
    range,
    kind: 'general',
    at(x, withWeights) {
      if (!withWeights) return { eps: eigvalsh(form(x)), q: new Float64Array(d), w };
      if (options.exactWeights) {
        const e = eigh(form(x));
        const cu = matmul(c2, e.vectors);
        const q = new Float64Array(d);
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++) q[j] += e.vectors.data[i * d + j] * cu.data[i * d + j];
        return { eps: e.values, q, w };
      }
      const eps = eigvalsh(form(x));
      const next = eigvalsh(form(x + h));
      return { eps, q: Float64Array.from(eps, (v, j) => Math.max(0, (v - next[j]) / h)), w };
    },
  };
}

/**
 * The size d of a pencil (diag(b), T).
 * @throws {InvalidArgumentError} naming 't' unless T is d×d for d = b.length.
 */
export function pencilSize(b: Float64Array, t: Matrix): number {
  const d = b.length;
  if (t.rows !== d || t.cols !== d)
    throw new InvalidArgumentError('t', `must be ${d}×${d} to match b`, `${t.rows}×${t.cols}`);
  return d;
}

/** V·diag(λ^power) as a new matrix. */
function scaledVectors(vectors: Matrix, values: Float64Array, power: number): Matrix {
  const d = values.length;
  const out = vectors.clone();
  for (let j = 0; j < d; j++) {
    const f = values[j] ** power;
    for (let i = 0; i < d; i++) out.data[i * d + j] *= f;
  }
  return out;
}
