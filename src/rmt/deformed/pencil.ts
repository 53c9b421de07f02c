import { InvalidArgumentError } from '../../errors.js';
import { eigh, eigvalsh, matmul } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import type { PencilPoint } from './root.js';

/**
 * The model N = B + T^{1/2} W T^{1/2} at a real point x, as the pencil (B − x, T): its
 * eigenvalues ε_j(x), the weights q_j = −dε_j/dx (Hellmann–Feynman) that turn them into the
 * Stieltjes transform of N, and the node weights w_j (summing to 1).
 */
export interface Pencil {
  /** Number of coordinates d (an outlier component carries mass ≈ k/d). */
  readonly size: number;
  /** An interval that contains the whole spectrum of N. */
  readonly range: [number, number];
  /** Name of the path, for reports: 'diagonal' or 'general'. */
  readonly kind: string;
  at(x: number, withWeights: boolean): PencilPoint;
}

/**
 * The commuting case: B = diag(b), T = diag(t), so ε_k = (b_k − x)/t_k and q_k = 1/t_k exactly,
 * O(d) per point; coordinates with equal (b_k, t_k) are merged (a two-level diagonal Σ costs
 * O(1) per point).
 * @throws {InvalidArgumentError} naming 'b' or 't' (lengths differ, t not > 0, not finite).
 * @example diagonalPencil(Float64Array.of(0.1, 0.1), Float64Array.of(1, 2), 0.5)
 */
export function diagonalPencil(b: Float64Array, t: Float64Array, ratio: number): Pencil {
  if (b.length !== t.length || b.length === 0)
    throw new InvalidArgumentError('t', `must have ${b.length} entries like b`, t.length);
  const key = new Map<string, number>();
  const bs: number[] = [];
  const ts: number[] = [];
  const ws: number[] = [];
  for (let k = 0; k < b.length; k++) {
    if (!Number.isFinite(b[k]))
      throw new InvalidArgumentError('b', `must be finite; entry ${k} is not`, b[k]);
    if (!(t[k] > 0) || !Number.isFinite(t[k]))
      throw new InvalidArgumentError('t', `must be finite and > 0; entry ${k} is not`, t[k]);
    const id = `${b[k]}|${t[k]}`;
    const at = key.get(id);
    if (at === undefined) {
      key.set(id, bs.length);
      bs.push(b[k]);
      ts.push(t[k]);
      ws.push(1 / b.length);
    } else ws[at] += 1 / b.length;
  }
  const J = bs.length;
  const q = Float64Array.from(ts, (v) => 1 / v);
  const w = Float64Array.from(ws);
  const eps = new Float64Array(J);
  const lo = Math.min(...bs);
  const hi = Math.max(...bs) + Math.max(...ts) * (1 + Math.sqrt(ratio)) ** 2;
  return {
    size: b.length,
    range: [lo, hi],
    kind: 'diagonal',
    at(x) {
      for (let j = 0; j < J; j++) eps[j] = (bs[j] - x) / ts[j];
      return { eps, q, w };
    },
  };
}

/**
 * The general (non-commuting) case: B = diag(b) and a dense symmetric positive definite T. With
 * C₁ = T^{-1/2} B T^{-1/2} and C₂ = T⁻¹ (one eigendecomposition of T), ε_j(x) are the
 * eigenvalues of C₁ − x C₂, so det(B + sT − x) = det T · Π_j (s + ε_j): one symmetric
 * eigenvalue solve per point replaces the d×d complex solves of every δ iteration, and the
 * scalar equation is then O(d) per iteration. q_j = u_jᵀ C₂ u_j needs eigenvectors
 * (`exactWeights`); by default it is the forward difference (ε_j(x) − ε_j(x + h))/h of a second
 * eigenvalue solve (h = 1e-7 × the range), which costs less than the vectors.
 * @throws {InvalidArgumentError} naming 'b' or 't' (shapes, T not positive definite).
 * @example generalPencil(b, T, 0.5).at(1.2, false).eps
 */
export function generalPencil(
  b: Float64Array,
  t: Matrix,
  ratio: number,
  options: { exactWeights?: boolean } = {},
): Pencil {
  const d = b.length;
  if (t.rows !== d || t.cols !== d)
    throw new InvalidArgumentError('t', `must be ${d}×${d} to match b`, `${t.rows}×${t.cols}`);
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
  const c1 = symmetrise(matmul(scaledB, invHalf));
  const c2 = symmetrise(matmul(scaledVectors(vectors, values, -1), vectors, { transB: true }));
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

/** (A + Aᵀ)/2 in place: products of symmetric factors are symmetric only up to rounding. */
function symmetrise(a: Matrix): Matrix {
  const n = a.rows;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
      a.data[i * n + j] = v;
      a.data[j * n + i] = v;
    }
  }
  return a;
}
