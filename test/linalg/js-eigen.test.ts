// The pure-TypeScript symmetric eigensolver (src/linalg/backends/js/eigen/eigen.ts), called
// directly so it is tested whatever backend is active. References: numpy fixtures from
// test/fixtures/js_eigen_fixtures.py. Bounds are backward-error bounds C·d·ε·‖A‖ (eigenvalues of a
// symmetric matrix are perfectly conditioned in the absolute sense, Weyl's theorem).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConvergenceError } from '../../src/errors.js';
import { eigh, eigvalsh } from '../../src/linalg/backends/js/eigen/eigen.js';
import { setThreads } from '../../src/linalg/backends/js/pool/pool.js';
import { eigTridiagonal } from '../../src/linalg/backends/js/tridiagonal/steqr.js';
import { eigvalsTridiagonal } from '../../src/linalg/backends/js/tridiagonal/sterf.js';
import { Matrix } from '../../src/linalg/matrix.js';
import {
  EPS,
  frobenius,
  fromJson,
  loadFixture,
  type MatrixJson,
  maxAbsDiff,
  naiveProduct,
  orthogonalityError,
  scaleColumnsProduct,
} from './helpers.js';
import { isAscending, lcgSymmetric, spectralNorm } from './js-eigen-helpers.js';

const C = 8;
const symmetric = loadFixture<{
  cases: Array<{ name: string; a: MatrixJson; eigenvalues: number[] }>;
}>('js-eigen/symmetric.json').cases;

/** max |A − V diag(λ) Vᵀ| and ‖VᵀV − I‖_max of an eigendecomposition. */
function eighErrors(a: Matrix): {
  values: Float64Array;
  reconstruction: number;
  orthogonality: number;
  norm: number;
} {
  const { values, vectors } = eigh(a);
  const reconstruction = maxAbsDiff(scaleColumnsProduct(vectors, values, vectors.transpose()), a);
  return {
    values,
    reconstruction,
    orthogonality: orthogonalityError(vectors),
    norm: spectralNorm(values),
  };
}

describe('JS symmetric eigensolver (Householder tridiagonalisation + QL/QR)', () => {
  it('matches numpy eigvalsh to C·d·ε·‖A‖ on every fixture, ascending', () => {
    for (const c of symmetric) {
      const a = fromJson(c.a);
      const values = eigvalsh(a);
      const tol = C * a.rows * EPS * spectralNorm(c.eigenvalues);
      assert.ok(isAscending(values), c.name);
      assert.ok(
        maxAbsDiff(values, c.eigenvalues) <= tol,
        `${c.name}: ${maxAbsDiff(values, c.eigenvalues)} > ${tol}`,
      );
    }
  });

  it('reconstructs A = VΛVᵀ with VᵀV = I to C·d·ε·‖A‖ on every fixture', () => {
    for (const c of symmetric) {
      const a = fromJson(c.a);
      const d = a.rows;
      const { values, reconstruction, orthogonality } = eighErrors(a);
      const norm = spectralNorm(c.eigenvalues);
      assert.ok(maxAbsDiff(values, c.eigenvalues) <= C * d * EPS * norm, `${c.name} values`);
      assert.ok(
        reconstruction <= C * d * EPS * norm,
        `${c.name}: reconstruction ${reconstruction}`,
      );
      assert.ok(orthogonality <= C * d * EPS, `${c.name}: orthogonality ${orthogonality}`);
    }
  });

  it('returns the 1×1 matrix itself and a unit eigenvector', () => {
    const { values, vectors } = eigh(Matrix.fromRows([[-3.25]]));
    assert.deepEqual(Array.from(values), [-3.25]);
    assert.equal(Math.abs(vectors.get(0, 0)), 1);
  });

  it('returns a sorted diagonal exactly, with a signed permutation as eigenvectors', () => {
    const diag = [3, -1, 0.5, 7, 0, -2.5];
    const { values, vectors } = eigh(Matrix.diagonal(diag));
    assert.deepEqual(
      Array.from(values),
      [...diag].sort((x, y) => x - y),
    );
    for (let j = 0; j < diag.length; j++) {
      const column = Array.from(vectors.col(j))
        .map(Math.abs)
        .sort((x, y) => y - x);
      assert.deepEqual(column, [1, 0, 0, 0, 0, 0]);
    }
  });

  it('gives exact zeros and an orthonormal basis for the zero matrix', () => {
    const { values, vectors } = eigh(Matrix.zeros(5, 5));
    assert.deepEqual(Array.from(values), [0, 0, 0, 0, 0]);
    assert.ok(orthogonalityError(vectors) <= C * 5 * EPS);
  });

  it('spans the eigenspace of a 3-fold eigenvalue with orthonormal vectors satisfying Av = 2v', () => {
    const a = fromJson(symmetric.find((c) => c.name === '3-fold eigenvalue')!.a);
    const { values, vectors } = eigh(a);
    const twos = Array.from(values.keys()).filter((k) => Math.abs(values[k]! - 2) < 1e-12);
    assert.equal(twos.length, 3);
    const av = naiveProduct(a, vectors);
    for (const k of twos) {
      for (let i = 0; i < a.rows; i++)
        assert.ok(Math.abs(av.get(i, k) - 2 * vectors.get(i, k)) <= C * 8 * EPS * 5);
    }
  });

  it('scales exactly: eigenvalues of 1e±200·A are 1e±200 times those of A', () => {
    const a = lcgSymmetric(40, 7);
    const base = eigvalsh(a);
    for (const factor of [1e200, 1e-200]) {
      const scaled = eigvalsh(
        Matrix.fromRowMajor(
          40,
          40,
          a.data.map((x) => x * factor),
        ),
      );
      const tol = C * 40 * EPS * spectralNorm(base);
      for (let i = 0; i < 40; i++)
        assert.ok(Math.abs(scaled[i]! / factor - base[i]!) <= tol, `factor ${factor}`);
      assert.ok(
        eighErrors(
          Matrix.fromRowMajor(
            40,
            40,
            a.data.map((x) => x * factor),
          ),
        ).reconstruction <=
          C * 40 * EPS * spectralNorm(base) * factor,
      );
    }
  });

  it('stays backward stable on a 200×200 matrix (several blocked panels)', () => {
    const a = lcgSymmetric(200, 11);
    const { values, reconstruction, orthogonality, norm } = eighErrors(a);
    assert.ok(reconstruction <= C * 200 * EPS * norm, `reconstruction ${reconstruction}`);
    assert.ok(orthogonality <= C * 200 * EPS, `orthogonality ${orthogonality}`);
    assert.ok(maxAbsDiff(values, eigvalsh(a)) <= C * 200 * EPS * norm);
    // Trace and Frobenius norm are invariants: Σλ = tr A, Σλ² = ‖A‖²_F.
    const trace = Array.from({ length: 200 }, (_, i) => a.get(i, i)).reduce((s, x) => s + x, 0);
    assert.ok(Math.abs(values.reduce((s, x) => s + x, 0) - trace) <= C * 200 * EPS * norm * 200);
    assert.ok(
      Math.abs(Math.sqrt(values.reduce((s, x) => s + x * x, 0)) - frobenius(a)) <=
        C * 200 * EPS * frobenius(a),
    );
  });

  it('matches the closed-form spectrum 2 − 2cos(kπ/(d+1)) of the 1-2-1 matrix at d = 150', () => {
    const d = 150;
    const a = Matrix.zeros(d, d);
    for (let i = 0; i < d; i++) {
      a.data[i * d + i] = 2;
      if (i + 1 < d) a.data[i * d + i + 1] = a.data[(i + 1) * d + i] = -1;
    }
    const exact = Array.from(
      { length: d },
      (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (d + 1)),
    );
    const { values, reconstruction, orthogonality } = eighErrors(a);
    assert.ok(maxAbsDiff(values, exact) <= C * d * EPS * 4);
    assert.ok(maxAbsDiff(eigvalsh(a), exact) <= C * d * EPS * 4);
    assert.ok(reconstruction <= C * d * EPS * 4 && orthogonality <= C * d * EPS);
  });

  it('keeps eigenvectors orthonormal when divide and conquer deflates heavily (rank one, near-identity) at d = 150', () => {
    const d = 150;
    const ones = Matrix.fromRowMajor(d, d, new Float64Array(d * d).fill(1));
    const noise = lcgSymmetric(d, 3);
    const nearIdentity = Matrix.fromRowMajor(
      d,
      d,
      noise.data.map((x, k) => x * 1e-13 + (k % (d + 1) === 0 ? 1 : 0)),
    );
    for (const [name, a] of [
      ['ones', ones],
      ['identity + 1e-13 noise', nearIdentity],
    ] as const) {
      const { values, reconstruction, orthogonality, norm } = eighErrors(a);
      assert.ok(reconstruction <= C * d * EPS * norm, `${name}: reconstruction ${reconstruction}`);
      assert.ok(orthogonality <= C * d * EPS, `${name}: orthogonality ${orthogonality}`);
      assert.ok(maxAbsDiff(values, eigvalsh(a)) <= C * d * EPS * norm, name);
    }
    const { values } = eigh(ones);
    assert.ok(
      Math.abs(values[d - 1]! - d) <= C * d * EPS * d && Math.abs(values[0]!) <= C * d * EPS * d,
    );
  });

  it('agrees between 1 and 2 threads at d = 320 (pool-split symv and products)', () => {
    const d = 320;
    const a = lcgSymmetric(d, 13);
    const before = setThreads(1);
    let serial: ReturnType<typeof eighErrors>;
    let serialValues: Float64Array;
    try {
      serial = eighErrors(a);
      serialValues = eigvalsh(a);
      setThreads(2);
      const parallel = eighErrors(a);
      const tol = C * d * EPS * serial.norm;
      assert.ok(maxAbsDiff(parallel.values, serial.values) <= tol);
      assert.ok(maxAbsDiff(eigvalsh(a), serialValues) <= tol);
      assert.ok(parallel.reconstruction <= tol && parallel.orthogonality <= C * d * EPS);
      assert.ok(serial.reconstruction <= tol && serial.orthogonality <= C * d * EPS);
    } finally {
      setThreads(before);
    }
  });

  it('throws ConvergenceError when the tridiagonal iteration cannot converge (NaN entries)', () => {
    const d = () => new Float64Array([1, Number.NaN, 2, 3]);
    const e = () => new Float64Array([1, 1, 1]);
    assert.throws(
      () => eigvalsTridiagonal(d(), e()),
      (err: unknown) => err instanceof ConvergenceError && err.kernel === 'eigh',
    );
    assert.throws(
      () => eigTridiagonal(d(), e(), new Float64Array(16)),
      (err: unknown) => err instanceof ConvergenceError && err.kernel === 'eigh',
    );
  });

  // Entries may be subnormal, so the bound carries the underflow term of the error model
  // fl(x ∘ y) = (x ∘ y)(1 + δ) + η, |η| ≤ Number.MIN_VALUE (Higham, §2.1).
  it('reconstructs random symmetric matrices (fast-check property, fixed seed)', () => {
    const matrices = fc.integer({ min: 1, max: 14 }).chain((d) =>
      fc
        .array(fc.double({ min: -10, max: 10, noNaN: true }), {
          minLength: d * d,
          maxLength: d * d,
        })
        .map((x) => {
          const m = Matrix.fromRowMajor(d, d, x);
          const t = m.transpose();
          return Matrix.fromRowMajor(
            d,
            d,
            m.data.map((v, k) => (v + t.data[k]!) / 2),
          );
        }),
    );
    fc.assert(
      fc.property(matrices, (a) => {
        const { values, reconstruction, orthogonality, norm } = eighErrors(a);
        const d = a.rows;
        return (
          isAscending(values) &&
          reconstruction <= C * d * (EPS * norm + Number.MIN_VALUE) &&
          orthogonality <= C * d * EPS
        );
      }),
      { seed: 20240602, numRuns: 200 },
    );
  });
});
