// The WebAssembly SIMD micro-kernel (src/linalg/backends/js/simd/) in Gram, GEMM and the
// eigensolver's trailing updates: it must run here (Node 20 has WebAssembly SIMD, so a silent
// fallback would hide a regression) and give the scalar TypeScript kernel's results bit for bit,
// on shapes that cross every tile, block and inner-step boundary. Accuracy against numpy is the
// conformance suite's job.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eigh, eigvalsh } from '../../src/linalg/backends/js/eigen/eigen.js';
import { gemm } from '../../src/linalg/backends/js/products/gemm.js';
import { gram } from '../../src/linalg/backends/js/products/gram.js';
import { simdGemm, simdGram } from '../../src/linalg/backends/js/simd/product.js';
import { setSimdEnabled, simdAvailable } from '../../src/linalg/backends/js/simd/tile.js';
import { reductionWorkspace } from '../../src/linalg/backends/js/tridiagonal/reduce.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { lcgMatrix } from './helpers.js';

/** Runs `f` with the SIMD path off (the scalar kernel, on the worker pool when large). */
function scalar<T>(f: () => T): T {
  const before = setSimdEnabled(false);
  try {
    return f();
  } finally {
    setSimdEnabled(before);
  }
}

function assertBitIdentical(actual: Matrix, expected: Matrix, label: string): void {
  assert.equal(actual.rows, expected.rows, label);
  assert.equal(actual.cols, expected.cols, label);
  const a = new Uint8Array(actual.data.buffer, actual.data.byteOffset, actual.data.byteLength);
  const e = new Uint8Array(
    expected.data.buffer,
    expected.data.byteOffset,
    expected.data.byteLength,
  );
  assert.ok(Buffer.compare(a, e) === 0, `${label}: SIMD and scalar results differ`);
}

describe('JS SIMD kernel', () => {
  it('is available under Node 20 unless RMTKIT_SIMD=0, and takes the large products', () => {
    assert.equal(simdAvailable(), process.env.RMTKIT_SIMD !== '0');
    const x = lcgMatrix(300, 70, 1);
    assert.equal(simdGram(x, 1) !== undefined, simdAvailable());
    assert.equal(
      scalar(() => simdGram(x, 1)),
      undefined,
      'disabled means the scalar path',
    );
    assert.equal(simdGram(lcgMatrix(3, 2, 1), 1), undefined, 'tiny products stay scalar');
  });

  it('gives the scalar Gram matrix bit for bit across tile, block and inner-step edges', {
    skip: !simdAvailable(),
  }, () => {
    // d: below, at and across the 4-wide tiles and 64-wide blocks; n: across the 256-step inner
    // blocks.
    for (const [n, d] of [
      [40, 50],
      [257, 63],
      [600, 64],
      [513, 130],
      [90, 201],
    ] as const) {
      const x = lcgMatrix(n, d, n + d);
      const fast = gram(x, 1 / n);
      assert.ok(simdGram(x, 1 / n) !== undefined, `${n}×${d} must take the SIMD path`);
      assertBitIdentical(
        fast,
        scalar(() => gram(x, 1 / n)),
        `gram ${n}×${d}`,
      );
      for (let i = 0; i < d; i++)
        for (let j = 0; j < i; j++) assert.equal(fast.data[i * d + j], fast.data[j * d + i]);
    }
  });

  it('gives the scalar product bit for bit for every transpose combination and alpha', {
    skip: !simdAvailable(),
  }, () => {
    for (const [m, k, n] of [
      [67, 300, 45],
      [130, 17, 66],
      [5, 1300, 9],
    ] as const) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const a = transA ? lcgMatrix(k, m, 3) : lcgMatrix(m, k, 3);
          const b = transB ? lcgMatrix(n, k, 4) : lcgMatrix(k, n, 4);
          const alpha = transA === transB ? -0.75 : 2;
          assert.ok(simdGemm(a, b, transA, transB, alpha) !== undefined);
          assertBitIdentical(
            gemm(a, b, transA, transB, alpha),
            scalar(() => gemm(a, b, transA, transB, alpha)),
            `gemm ${m}×${k}×${n} ${transA}/${transB}`,
          );
        }
      }
    }
  });

  it('runs the trailing updates of the eigensolver with the scalar results, bit for bit', {
    skip: !simdAvailable(),
  }, () => {
    const n = 300; // ≥ 256: the reduction's workspace lives in the kernel's memory
    assert.ok(reductionWorkspace(n, true).update?.simd, 'SIMD workspace expected');
    assert.equal(
      scalar(() => reductionWorkspace(n, true).update),
      undefined,
      'disabled means the scalar workspace',
    );
    const x = lcgMatrix(2 * n, n, 11);
    const a = gram(x, 1 / (2 * n));
    const values = eigvalsh(a);
    assert.deepEqual(Array.from(values), Array.from(scalar(() => eigvalsh(a))));
    const pairs = eigh(a);
    const reference = scalar(() => eigh(a));
    assertBitIdentical(
      Matrix.fromRowMajor(1, n, pairs.values),
      Matrix.fromRowMajor(1, n, reference.values),
      'eigh values',
    );
    assertBitIdentical(pairs.vectors, reference.vectors, 'eigh vectors');
  });

  it('reuses and grows its memory across calls of different sizes without stale data', {
    skip: !simdAvailable(),
  }, () => {
    const small = lcgMatrix(100, 40, 7);
    const first = gram(small, 1);
    gram(lcgMatrix(700, 300, 8), 1); // grows the kept memory
    assertBitIdentical(gram(small, 1), first, 'small Gram after a large one');
    assertBitIdentical(
      gemm(small, small, true, false, 1),
      first,
      'XᵀX through gemm equals the Gram matrix',
    );
  });
});
