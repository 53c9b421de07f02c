import { eigh } from './api.js';
import type { Eigh } from './kernels.js';
import { Matrix } from './matrix.js';

/**
 * The coordinates of a symmetric matrix grouped into its coupled blocks: the connected
 * components of the graph with an edge (i, j) wherever A_ij ≠ 0 exactly, so that A is
 * block-diagonal over them after a permutation. Each block lists its coordinates in increasing
 * order; blocks are ordered by their first coordinate. O(d²).
 * @example coupledBlocks(Matrix.identity(3)) // [[0], [1], [2]]
 */
export function coupledBlocks(a: Matrix): number[][] {
  const d = a.rows;
  const parent = Int32Array.from({ length: d }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < d; i++) {
    const row = i * d;
    for (let j = i + 1; j < d; j++) {
      if (a.data[row + j] === 0) continue;
      const p = root(i);
      const q = root(j);
      if (p !== q) parent[Math.max(p, q)] = Math.min(p, q);
    }
  }
  const blocks = new Map<number, number[]>();
  for (let i = 0; i < d; i++) {
    const r = root(i);
    const block = blocks.get(r);
    if (block) block.push(i);
    else blocks.set(r, [i]);
  }
  return [...blocks.values()];
}

/**
 * The principal submatrix of A on the given coordinates.
 * @example principalSubmatrix(a, [0, 2]) // rows and columns 0 and 2 of a
 */
export function principalSubmatrix(a: Matrix, coordinates: number[]): Matrix {
  const m = coordinates.length;
  const out = Matrix.zeros(m, m);
  for (let i = 0; i < m; i++) {
    const row = coordinates[i] * a.cols;
    for (let j = 0; j < m; j++) out.data[i * m + j] = a.data[row + coordinates[j]];
  }
  return out;
}

/**
 * The eigendecomposition of a symmetric matrix through its coupled blocks ({@link coupledBlocks}):
 * one `eigh` per block, so a block-diagonal A of blocks d_b costs Σ d_b³ instead of d³. The same
 * contract as `eigh`: values ascending, orthonormal eigenvectors as the columns of `vectors`
 * (each supported on one block).
 * @example blockEigh(Matrix.diagonal(Float64Array.of(3, 1))).values // [1, 3]
 */
export function blockEigh(a: Matrix): Eigh {
  const blocks = coupledBlocks(a);
  if (blocks.length === 1) return eigh(a);
  const d = a.rows;
  const pairs: Array<{ value: number; block: number[]; vectors: Matrix; column: number }> = [];
  for (const block of blocks) {
    const { values, vectors } = eigh(principalSubmatrix(a, block));
    values.forEach((value, column) => {
      pairs.push({ value, block, vectors, column });
    });
  }
  pairs.sort((p, q) => p.value - q.value);
  const values = Float64Array.from(pairs, (p) => p.value);
  const vectors = Matrix.zeros(d, d);
  pairs.forEach(({ block, vectors: v, column }, j) => {
    const m = block.length;
    for (let i = 0; i < m; i++) vectors.data[block[i] * d + j] = v.data[i * m + column];
  });
  return { values, vectors };
}
