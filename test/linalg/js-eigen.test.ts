// The pure-TypeScript symmetric eigensolver and SVD (src/linalg/backends/js/eigen.ts, svd.ts),
// called directly so they are tested whatever backend is active. References: numpy fixtures from
// test/fixtures/js_eigen_fixtures.py. Bounds are backward-error bounds C·d·ε·‖A‖ (eigenvalues of a
// symmetric matrix are perfectly conditioned in the absolute sense, Weyl's theorem).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConvergenceError } from '../../src/errors.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { eigh, eigvalsh } from '../../src/linalg/backends/js/eigen.js';
import { svd } from '../../src/linalg/backends/js/svd.js';
import { eigvalsTridiagonal } from '../../src/linalg/backends/js/tridiag-sterf.js';
import { eigTridiagonal } from '../../src/linalg/backends/js/tridiag-steqr.js';
import { EPS, fromJson, frobenius, loadFixture, type MatrixJson, maxAbsDiff, naiveProduct, orthogonalityError, scaleColumnsProduct } from './helpers.js';

const C = 8;
const symmetric = loadFixture<{ cases: Array<{ name: string; a: MatrixJson; eigenvalues: number[] }> }>('js-eigen/symmetric.json').cases;
const svdCases = loadFixture<{ cases: Array<{ name: string; a: MatrixJson; s: number[] }> }>('js-eigen/svd.json').cases;

function spectralNorm(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/** Deterministic symmetric test matrix (a fixed LCG, independent of src/random). */
function lcgSymmetric(d: number, seed: number): Matrix {
  let state = seed >>> 0;
  const data = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      data[i * d + j] = data[j * d + i] = state / 2 ** 32 - 0.5;
    }
  }
  return Matrix.fromRowMajor(d, d, data);
}

/** max |A − V diag(λ) Vᵀ| and ‖VᵀV − I‖_max of an eigendecomposition. */
function eighErrors(a: Matrix): { values: Float64Array; reconstruction: number; orthogonality: number; norm: number } {
  const { values, vectors } = eigh(a);
  const reconstruction = maxAbsDiff(scaleColumnsProduct(vectors, values, vectors.transpose()), a);
  return { values, reconstruction, orthogonality: orthogonalityError(vectors), norm: spectralNorm(values) };
}

function isAscending(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i]! < v[i - 1]!) return false;
  return true;
}

describe('JS symmetric eigensolver (Householder tridiagonalisation + QL/QR)', () => {
  it('matches numpy eigvalsh to C·d·ε·‖A‖ on every fixture, ascending', () => {
    for (const c of symmetric) {
      const a = fromJson(c.a);
      const values = eigvalsh(a);
      const tol = C * a.rows * EPS * spectralNorm(c.eigenvalues);
      assert.ok(isAscending(values), c.name);
      assert.ok(maxAbsDiff(values, c.eigenvalues) <= tol, `${c.name}: ${maxAbsDiff(values, c.eigenvalues)} > ${tol}`);
    }
  });

  it('reconstructs A = VΛVᵀ with VᵀV = I to C·d·ε·‖A‖ on every fixture', () => {
    for (const c of symmetric) {
      const a = fromJson(c.a);
      const d = a.rows;
      const { values, reconstruction, orthogonality } = eighErrors(a);
      const norm = spectralNorm(c.eigenvalues);
      assert.ok(maxAbsDiff(values, c.eigenvalues) <= C * d * EPS * norm, `${c.name} values`);
      assert.ok(reconstruction <= C * d * EPS * norm, `${c.name}: reconstruction ${reconstruction}`);
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
    assert.deepEqual(Array.from(values), [...diag].sort((x, y) => x - y));
    for (let j = 0; j < diag.length; j++) {
      const column = Array.from(vectors.col(j)).map(Math.abs).sort((x, y) => y - x);
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
      for (let i = 0; i < a.rows; i++) assert.ok(Math.abs(av.get(i, k) - 2 * vectors.get(i, k)) <= C * 8 * EPS * 5);
    }
  });

  it('scales exactly: eigenvalues of 1e±200·A are 1e±200 times those of A', () => {
    const a = lcgSymmetric(40, 7);
    const base = eigvalsh(a);
    for (const factor of [1e200, 1e-200]) {
      const scaled = eigvalsh(Matrix.fromRowMajor(40, 40, a.data.map((x) => x * factor)));
      const tol = C * 40 * EPS * spectralNorm(base);
      for (let i = 0; i < 40; i++) assert.ok(Math.abs(scaled[i]! / factor - base[i]!) <= tol, `factor ${factor}`);
      assert.ok(eighErrors(Matrix.fromRowMajor(40, 40, a.data.map((x) => x * factor))).reconstruction <= C * 40 * EPS * spectralNorm(base) * factor);
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
    assert.ok(Math.abs(Math.sqrt(values.reduce((s, x) => s + x * x, 0)) - frobenius(a)) <= C * 200 * EPS * frobenius(a));
  });

  it('throws ConvergenceError when the tridiagonal iteration cannot converge (NaN entries)', () => {
    const d = () => new Float64Array([1, Number.NaN, 2, 3]);
    const e = () => new Float64Array([1, 1, 1]);
    assert.throws(() => eigvalsTridiagonal(d(), e()), (err: unknown) => err instanceof ConvergenceError && err.kernel === 'eigh');
    assert.throws(() => eigTridiagonal(d(), e(), new Float64Array(16)), (err: unknown) => err instanceof ConvergenceError && err.kernel === 'eigh');
  });

  it('reconstructs random symmetric matrices (fast-check property, fixed seed)', () => {
    const matrices = fc.integer({ min: 1, max: 14 }).chain((d) =>
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d * d, maxLength: d * d }).map((x) => {
        const m = Matrix.fromRowMajor(d, d, x);
        const t = m.transpose();
        return Matrix.fromRowMajor(d, d, m.data.map((v, k) => (v + t.data[k]!) / 2));
      }),
    );
    fc.assert(
      fc.property(matrices, (a) => {
        const { values, reconstruction, orthogonality, norm } = eighErrors(a);
        const d = a.rows;
        return isAscending(values) && reconstruction <= C * d * EPS * Math.max(norm, Number.MIN_VALUE) && orthogonality <= C * d * EPS;
      }),
      { seed: 20240602, numRuns: 200 },
    );
  });
});

function svdErrors(a: Matrix): { s: Float64Array; reconstruction: number; orthoU: number; orthoV: number; shapes: number[] } {
  const { u, s, vt } = svd(a);
  return {
    s,
    reconstruction: maxAbsDiff(scaleColumnsProduct(u, s, vt), a),
    orthoU: orthogonalityError(u),
    orthoV: orthogonalityError(vt.transpose()),
    shapes: [u.rows, u.cols, s.length, vt.rows, vt.cols],
  };
}

describe('JS SVD (one-sided Jacobi)', () => {
  it('matches numpy singular values to C·max(m,n)·ε·σ₁, descending, with orthonormal U and V', () => {
    for (const c of svdCases) {
      const a = fromJson(c.a);
      const { m, n } = { m: a.rows, n: a.cols };
      const k = Math.min(m, n);
      const { s, reconstruction, orthoU, orthoV, shapes } = svdErrors(a);
      const sigma1 = spectralNorm(c.s);
      const size = Math.max(m, n);
      assert.deepEqual(shapes, [m, k, k, k, n], c.name);
      assert.ok(isAscending(Array.from(s).reverse()), `${c.name} not descending`);
      assert.ok(maxAbsDiff(s, c.s) <= C * size * EPS * sigma1, `${c.name}: ${maxAbsDiff(s, c.s)}`);
      assert.ok(reconstruction <= C * size * EPS * sigma1, `${c.name}: reconstruction ${reconstruction}`);
      assert.ok(orthoU <= C * size * EPS, `${c.name}: UᵀU ${orthoU}`);
      assert.ok(orthoV <= C * size * EPS, `${c.name}: VᵀV ${orthoV}`);
    }
  });

  it('keeps U orthonormal for rank-deficient input (zero singular values completed)', () => {
    for (const name of ['rank 2 of 7x5', 'rank 1 of 4x6', 'zero 3x4']) {
      const a = fromJson(svdCases.find((c) => c.name === name)!.a);
      const { s, orthoU, orthoV } = svdErrors(a);
      assert.ok(s[s.length - 1]! <= C * 7 * EPS * Math.max(s[0]!, 1), name);
      assert.ok(orthoU <= C * 7 * EPS && orthoV <= C * 7 * EPS, `${name}: ${orthoU} ${orthoV}`);
    }
  });

  it('decomposes random tall and wide matrices (fast-check property, fixed seed)', () => {
    const matrices = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).chain(([m, n]) =>
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: m * n, maxLength: m * n }).map((x) => Matrix.fromRowMajor(m, n, x)),
    );
    fc.assert(
      fc.property(matrices, (a) => {
        const { s, reconstruction, orthoU, orthoV } = svdErrors(a);
        const size = Math.max(a.rows, a.cols);
        return isAscending(Array.from(s).reverse()) && reconstruction <= C * size * EPS * Math.max(s[0]!, Number.MIN_VALUE) && orthoU <= C * size * EPS && orthoV <= C * size * EPS;
      }),
      { seed: 20240602, numRuns: 200 },
    );
  });
});
