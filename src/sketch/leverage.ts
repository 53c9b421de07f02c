import { qr, svd } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';

/**
 * The exact leverage scores of an n × d matrix A: ℓ_i = ‖U_{i,:}‖², the squared row norms of an
 * orthonormal basis U of A's column space, i.e. the diagonal of the projector A·A⁺
 * (= A(AᵀA)⁻¹Aᵀ when A has full column rank). Each lies in [0, 1] and they sum to rank(A).
 * U is the thin Q of a Householder QR (dgeqrf + dorgqr); when R has a diagonal entry below
 * max(n, d)·ε·max|R_jj| (A numerically rank-deficient) it is instead the left singular vectors
 * of the singular values above max(n, d)·ε·σ₁. Divide by their sum for sampling probabilities
 * (`laso:leverage`). Costs one QR, O(n·d²).
 * @throws {InvalidArgumentError} naming `a` when it is empty or has non-finite entries.
 * @example
 * const scores = leverageScores(A); // sum ≈ d for a full-rank tall A
 * const p = scores.map((s) => s / scores.reduce((x, y) => x + y, 0));
 * sketchingOperator({ kind: 'laso', sampling: 'leverage' }, 200, A.rows, 7, { probabilities: p });
 */
export function leverageScores(a: Matrix): Float64Array {
  const tol = Math.max(a.rows, a.cols) * Number.EPSILON;
  const { q, r } = qr(a);
  let largest = 0;
  let smallest = Infinity;
  for (let j = 0; j < r.rows; j++) {
    const v = Math.abs(r.data[j * r.cols + j]!);
    largest = Math.max(largest, v);
    smallest = Math.min(smallest, v);
  }
  if (smallest > tol * largest) return squaredRowNorms(q, q.cols);
  const { u, s } = svd(a);
  let rank = 0;
  while (rank < s.length && s[rank]! > tol * s[0]!) rank++;
  return squaredRowNorms(u, rank);
}

/** ‖B_{i, 0:k}‖² for every row i. */
function squaredRowNorms(b: Matrix, k: number): Float64Array {
  const out = new Float64Array(b.rows);
  for (let i = 0; i < b.rows; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += b.data[i * b.cols + j]! ** 2;
    out[i] = sum;
  }
  return out;
}
