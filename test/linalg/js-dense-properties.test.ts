// Reconstruction properties of the JS dense kernels at sizes that hit the blocking edges: 1×1,
// sizes below, at and just past the 4-wide tiles, the 32/64 panels and the 64×64 blocks, and
// sizes large enough for the worker pool (bitwise equal to one thread). Bounds are the classical
// backward-error bounds (Higham, Accuracy and Stability, 2nd ed.): products γ_k|A||B| (Thm 3.5);
// Cholesky |LLᵀ − A| ≤ γ_{n+1}|L||Lᵀ| (Thm 10.3); Householder QR ‖A − QR‖ ≤ γ̃_{mn}‖A‖_F (Thm
// 19.4).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cholesky,
  choleskySolve,
  spdInverse,
} from '../../src/linalg/backends/js/cholesky/cholesky.js';
import { setThreads } from '../../src/linalg/backends/js/pool/pool.js';
import { gemm } from '../../src/linalg/backends/js/products/gemm.js';
import { gram } from '../../src/linalg/backends/js/products/gram.js';
import { qr } from '../../src/linalg/backends/js/qr/qr.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { EPS, frobenius, naiveProduct } from './helpers.js';
import {
  abs,
  absProduct,
  assertWithin,
  lcgDominant,
  lcgMatrix,
  lcgSpd,
  scaled,
} from './js-dense-helpers.js';

const SHAPES: Array<[number, number]> = [
  [1, 1],
  [2, 2],
  [3, 5],
  [7, 5],
  [5, 7],
  [65, 33],
  [33, 65],
  [130, 130],
  [129, 67],
  [67, 129],
];
const ORDERS = [1, 2, 3, 4, 5, 31, 63, 64, 65, 129, 130];

describe('JS gemm and gram at blocking edges', () => {
  it('equal the plain triple loop to 2·k·ε·(|op(A)||op(B)|) for every transpose combination', () => {
    // (5, 300): an inner dimension past the 256-step k blocking.
    for (const [m, k] of [...SHAPES, [5, 300]] as Array<[number, number]>) {
      const n = ((m * 7 + k) % 97) + 1;
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const opA = lcgMatrix(m, k, m + k);
          const opB = lcgMatrix(k, n, 3 * n);
          const c = gemm(
            transA ? opA.transpose() : opA,
            transB ? opB.transpose() : opB,
            transA,
            transB,
            -1.5,
          );
          const bound = scaled(absProduct(opA, opB), 2 * k * EPS * 1.5);
          assertWithin(
            c,
            scaled(naiveProduct(opA, opB), -1.5),
            bound,
            `gemm ${m}×${k}×${n} ${transA}/${transB}`,
          );
        }
      }
    }
  });

  it('gram equals scale·XᵀX of the plain loop to 2·n·ε·scale·(|X|ᵀ|X|), exactly symmetric', () => {
    for (const [n, d] of SHAPES) {
      const x = lcgMatrix(n, d, n * d);
      const g = gram(x, 1 / n);
      assertWithin(
        g,
        scaled(naiveProduct(x.transpose(), x), 1 / n),
        scaled(absProduct(x.transpose(), x), (2 * n * EPS) / n),
        `gram ${n}×${d}`,
      );
      assert.deepEqual(g.data, g.transpose().data);
    }
  });
});

describe('JS Cholesky family at blocking edges', () => {
  it('cholesky reconstructs A: |LLᵀ − A| ≤ (n+1)·ε·|L||Lᵀ|', () => {
    for (const n of ORDERS) {
      const a = lcgSpd(n, n);
      const l = cholesky(a);
      assertWithin(
        naiveProduct(l, l.transpose()),
        a,
        scaled(absProduct(l, l.transpose()), (n + 1) * EPS),
        `LLᵀ n=${n}`,
      );
    }
  });

  it('choleskySolve leaves a residual |AX − B| ≤ 4n·ε·(|L||Lᵀ||X| + |B|)', () => {
    for (const n of ORDERS) {
      const a = lcgSpd(n, 2 * n);
      const b = lcgMatrix(n, (n % 5) + 1, 5 * n);
      const l = cholesky(a);
      const x = choleskySolve(l, b);
      const scale = naiveProduct(abs(l), absProduct(l.transpose(), x));
      for (let k = 0; k < scale.data.length; k++)
        scale.data[k] = 4 * n * EPS * (scale.data[k]! + Math.abs(b.data[k]!));
      assertWithin(naiveProduct(a, x), b, scale, `solve n=${n}`);
    }
  });

  it('spdInverse(A)·A = I to 4n·ε·‖A⁻¹‖_F·‖A‖_F, exactly symmetric', () => {
    for (const n of ORDERS) {
      const a = lcgSpd(n, 3 * n);
      const inverse = spdInverse(a);
      assertWithin(
        naiveProduct(inverse, a),
        Matrix.identity(n),
        4 * n * EPS * frobenius(inverse) * frobenius(a),
        `A⁻¹A n=${n}`,
      );
      assert.deepEqual(inverse.data, inverse.transpose().data);
    }
  });
});

describe('JS qr at blocking edges', () => {
  it('has orthonormal Q, upper R and QR = A to m·n·ε·‖A‖_F', () => {
    for (const [m, n] of [...SHAPES, [70, 3], [3, 70]] as Array<[number, number]>) {
      const a = lcgMatrix(m, n, 7 * m + n);
      const { q, r } = qr(a);
      const k = Math.min(m, n);
      assert.deepEqual([q.rows, q.cols, r.rows, r.cols], [m, k, k, n]);
      for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) assert.equal(r.get(i, j), 0);
      assertWithin(naiveProduct(q, r), a, m * n * EPS * frobenius(a), `QR ${m}×${n}`);
      assertWithin(
        naiveProduct(q.transpose(), q),
        Matrix.identity(k),
        m * n * EPS,
        `QᵀQ ${m}×${n}`,
      );
    }
  });
});

describe('JS dense kernels on the worker pool', () => {
  it('give bitwise the same results on two threads as on one, at sizes past the parallel threshold', () => {
    const x = lcgMatrix(701, 301, 1);
    const b = lcgMatrix(301, 257, 2);
    const spd = lcgDominant(601, 3);
    const rhs = lcgMatrix(601, 129, 4);
    const tall = lcgMatrix(603, 501, 5);
    const run = () => [
      gemm(x, b, false, false, 0.5).data,
      gemm(x, x, true, false, 1).data,
      gram(x, 1 / 701).data,
      cholesky(spd).data,
      choleskySolve(cholesky(spd), rhs).data,
      spdInverse(spd).data,
      qr(tall).q.data,
      qr(tall).r.data,
    ];
    const previous = setThreads(1);
    try {
      const serial = run();
      setThreads(2);
      const parallel = run();
      for (let i = 0; i < serial.length; i++)
        assert.deepEqual(parallel[i], serial[i], `result ${i}`);
      // And the parallel results are right, not just reproducible.
      assertWithin(
        Matrix.fromRowMajor(301, 301, parallel[2]!),
        scaled(naiveProduct(x.transpose(), x), 1 / 701),
        scaled(absProduct(x.transpose(), x), 2 * EPS),
        'gram 701×301',
      );
    } finally {
      setThreads(previous);
    }
  });
});
