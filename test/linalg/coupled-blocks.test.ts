import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eigh, matmul } from '../../src/linalg/api.js';
import { blockEigh, coupledBlocks } from '../../src/linalg/coupled-blocks.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';

/**
 * A symmetric matrix with blocks of sizes 5, 1, 8 (random Gram matrices) and 3 (equicorrelation
 * 0.5: eigenvalue 0.5 twice), its coordinates interleaved by k ↦ 5k mod 17.
 */
function permutedBlocks(): { a: Matrix; blocks: number[][] } {
  const d = 17;
  const a = Matrix.zeros(d, d);
  const blocks: number[][] = [];
  let start = 0;
  [5, 1, 8, 3].forEach((size, b) => {
    const members = Array.from({ length: size }, (_, i) => (5 * (start + i)) % d);
    const g = gaussianMatrix(size, size, 10 + b);
    const equi = Matrix.fromRows([
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    const block = b === 3 ? equi : matmul(g, g, { transA: true });
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++)
        a.data[members[i] * d + members[j]] = block.data[Math.min(i, j) * size + Math.max(i, j)];
    blocks.push([...members].sort((p, q) => p - q));
    start += size;
  });
  return { a, blocks: blocks.sort((p, q) => p[0] - q[0]) };
}

describe('coupled blocks of a symmetric matrix', () => {
  it('finds the blocks of a permuted block-diagonal matrix, and singletons for a diagonal one', () => {
    const { a, blocks } = permutedBlocks();
    assert.deepEqual(coupledBlocks(a), blocks);
    assert.deepEqual(coupledBlocks(Matrix.diagonal(Float64Array.of(2, 1, 3))), [[0], [1], [2]]);
  });

  it('blockEigh gives eigh’s eigenvalues (1e-12) and an orthonormal V with V diag(λ) Vᵀ = A', () => {
    const { a } = permutedBlocks();
    const d = a.rows;
    const { values, vectors } = blockEigh(a);
    const reference = eigh(a).values;
    const scale = Math.max(...reference);
    values.forEach((v, j) => assert.ok(Math.abs(v - reference[j]) < 1e-12 * scale, `λ_${j}`));
    const gram = matmul(vectors, vectors, { transA: true });
    const back = matmul(matmul(vectors, Matrix.diagonal(values)), vectors, { transB: true });
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        assert.ok(Math.abs(gram.data[i * d + j] - (i === j ? 1 : 0)) < 1e-12, `VᵀV ${i},${j}`);
        assert.ok(
          Math.abs(back.data[i * d + j] - a.data[i * d + j]) < 1e-12 * scale,
          `A ${i},${j}`,
        );
      }
  });
});
