import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interval } from '../../src/constraints.js';
import {
  ar1Covariance,
  dataCovariance,
  denseCovariance,
  diagonalCovariance,
  powerLawCovariance,
  spikedCovariance,
  toeplitzCovariance,
} from '../../src/covariance/index.js';
import { eigh, gram, spdInverse } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/index.js';
import { eigenSpectrum } from '../../src/rmt/spectral-form.js';
import {
  buildCovariance,
  COVARIANCE_KINDS,
  COVARIANCE_SYNTAX,
  formatCovarianceSpec,
  parseCovarianceSpec,
} from '../../src/scenario/covariance-spec.js';

const noFiles = {
  vector: () => {
    throw new Error('no file');
  },
  matrix: () => {
    throw new Error('no file');
  },
};

/** Sample covariance of rows (mean zero known). */
function secondMoment(x: Matrix): Matrix {
  return gram(x);
}

describe('covariance models', () => {
  it('builds AR(1) with a tridiagonal inverse: (1+ρ²)/(1−ρ²) inside, 1/(1−ρ²) at the ends, −ρ/(1−ρ²) beside', () => {
    const rho = 0.7;
    const d = 12;
    const inv = spdInverse(ar1Covariance(rho, d).matrix());
    const c = 1 / (1 - rho * rho);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const expected =
          i === j
            ? i === 0 || i === d - 1
              ? c
              : (1 + rho * rho) * c
            : Math.abs(i - j) === 1
              ? -rho * c
              : 0;
        assert.ok(
          Math.abs(inv.get(i, j) - expected) <= 1e-13 * (1 + rho * rho) * c,
          `(${i}, ${j})`,
        );
      }
    }
  });

  it('samples every model with the covariance it declares (second moments within 5 standard errors)', () => {
    const n = 4000;
    for (const model of [
      ar1Covariance(0.6, 6),
      spikedCovariance(4, 6, 2),
      diagonalCovariance(Float64Array.of(1, 2, 0.5, 3)),
      powerLawCovariance(1, 5, 9),
    ]) {
      const sigma = model.matrix();
      const s = secondMoment(model.sample(n, 77));
      const d = model.d;
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          // Var(x_i x_j) = Σ_ii Σ_jj + Σ_ij² for Gaussian data.
          const se = Math.sqrt((sigma.get(i, i) * sigma.get(j, j) + sigma.get(i, j) ** 2) / n);
          assert.ok(
            Math.abs(s.get(i, j) - sigma.get(i, j)) <= 5 * se,
            `${model.name} (${i}, ${j}): ${s.get(i, j)} vs ${sigma.get(i, j)}`,
          );
        }
      }
    }
  });

  it('gives closed-form spectra equal to an eigendecomposition (spiked, rotated power law)', () => {
    for (const model of [spikedCovariance(2, 30, 5), powerLawCovariance(0.8, 30, 1)]) {
      const form = model.spectrum();
      const { values, vectors } = eigh(model.matrix());
      const dense = eigenSpectrum(values, vectors);
      // Compare diag(Σ⁻¹)-type coordinate functions: Σ_j W_kj/σ_j for every coordinate.
      const coord = (f: typeof form, k: number) => {
        if (f.coordinates.kind !== 'mixing') throw new Error('mixing expected');
        const w = f.coordinates.weights;
        let sum = 0;
        for (let j = 0; j < f.values.length; j++) sum += w.get(k, j) / (f.values[j] + 0.3);
        return sum;
      };
      for (let k = 0; k < 30; k++)
        assert.ok(
          Math.abs(coord(form, k) - coord(dense, k)) <= 1e-12 * coord(dense, k),
          `${model.name} k = ${k}`,
        );
    }
  });

  it('keeps a unit-mean power law and a spread spike direction', () => {
    const values = powerLawCovariance(1.5, 100).spectrum().values;
    assert.ok(Math.abs(values.reduce((s, v) => s + v, 0) / 100 - 1) <= 1e-14);
    const form = spikedCovariance(1, 400, 3).spectrum();
    if (form.coordinates.kind !== 'mixing') throw new Error('mixing expected');
    let max = 0;
    for (let k = 0; k < 400; k++) max = Math.max(max, form.coordinates.weights.get(k, 1));
    assert.ok(max < 20 / 400, `largest u_k² = ${max}`);
  });

  it('rejects covariances that are not positive semidefinite, naming the argument', () => {
    assert.throws(
      () =>
        denseCovariance(
          Matrix.fromRows([
            [1, 2],
            [2, 1],
          ]),
        ).spectrum(),
      /sigma must be positive semidefinite.*Value: -1/,
    );
    assert.throws(
      () => toeplitzCovariance(Float64Array.of(1, 0.9, -0.5), Infinity),
      /gamma must be positive semidefinite; its spectral symbol is negative/,
    );
    assert.throws(
      () => toeplitzCovariance(Float64Array.of(1, 0.9, -0.5), 10),
      /sigma must be positive semidefinite/,
    );
    assert.throws(
      () => diagonalCovariance(Float64Array.of(1, -2)),
      /sigma must be positive semidefinite; variance 1 is negative/,
    );
    assert.throws(() => ar1Covariance(1, 10), /rho must be a number in \(-1, 1\)\. Value: 1\./);
    assert.throws(() => spikedCovariance(-2, 10), /theta must be ≥ -1\. Value: -2\./);
  });

  it('estimates the plug-in covariance of a data set (centred, n − 1)', () => {
    const x = gaussianMatrix(50, 4, 3);
    const model = dataCovariance(x);
    const sigma = model.matrix();
    const mean = [0, 1, 2, 3].map((k) => x.col(k).reduce((s, v) => s + v, 0) / 50);
    let expected = 0;
    for (let i = 0; i < 50; i++) expected += (x.get(i, 1) - mean[1]) * (x.get(i, 2) - mean[2]);
    assert.ok(Math.abs(sigma.get(1, 2) - expected / 49) <= 1e-14);
  });
});

describe('model strings', () => {
  it('parses every model kind', () => {
    assert.deepEqual(parseCovarianceSpec('ar1:0.5'), { kind: 'ar1', rho: 0.5 });
    assert.deepEqual(parseCovarianceSpec('spiked:3'), { kind: 'spiked', theta: 3, seed: 0 });
    assert.deepEqual(parseCovarianceSpec('spiked:3:7'), { kind: 'spiked', theta: 3, seed: 7 });
    assert.deepEqual(parseCovarianceSpec('powerlaw:1.2'), { kind: 'powerlaw', exponent: 1.2 });
    assert.deepEqual(parseCovarianceSpec('powerlaw:1.2:4'), {
      kind: 'powerlaw',
      exponent: 1.2,
      seed: 4,
    });
    for (const kind of ['diag', 'dense', 'toeplitz', 'data'] as const)
      assert.deepEqual(parseCovarianceSpec(`${kind}:dir/a:b.npy`), { kind, file: 'dir/a:b.npy' });
  });

  it('rejects malformed strings with one line naming the argument and echoing the value', () => {
    assert.throws(
      () => parseCovarianceSpec('ar2:0.5'),
      /invalid argument: cov must be written iso, ar1:<rho>, two-level:<ratio>.*Value: "ar2:0.5"\./,
    );
    assert.throws(
      () => parseCovarianceSpec('ar1:x'),
      /cov \(ar1 rho\) must be a number in \(-1, 1\)\. Value: NaN\./,
    );
    assert.throws(() => parseCovarianceSpec('ar1:'), /cov \(ar1 rho\)|cov must be written/);
    assert.throws(() => parseCovarianceSpec('spiked:1:2:3'), /cov must be written/);
    assert.throws(
      () => parseCovarianceSpec('spiked:1:-2'),
      /cov \(spiked seed\) must be an integer in \[0, /,
    );
    assert.throws(() => parseCovarianceSpec('data:'), /cov data needs a file/);
  });

  it('formats every spec as a string that parses back to the same spec (the one grammar)', () => {
    const specs = [
      'iso',
      'ar1:0.5',
      'ar1:-0.3',
      'two-level:6',
      'spiked:3',
      'spiked:-0.5:7',
      'powerlaw:1.2',
      'powerlaw:0:4',
      'diag:v.txt',
      'dense:dir/a:b.npy',
      'toeplitz:g.csv',
      'data:x.npy',
    ];
    for (const text of specs) {
      const spec = parseCovarianceSpec(text);
      assert.equal(formatCovarianceSpec(spec), text);
      assert.deepEqual(parseCovarianceSpec(formatCovarianceSpec(spec)), spec);
    }
    assert.equal(formatCovarianceSpec({ kind: 'spiked', theta: 2, seed: 0 }), 'spiked:2');
    for (const kind of Object.keys(COVARIANCE_KINDS))
      assert.ok(
        COVARIANCE_SYNTAX.includes(COVARIANCE_KINDS[kind as keyof typeof COVARIANCE_KINDS].syntax),
      );
  });

  it('builds iso and two-level exactly as the direct constructors (same matrix, same seeded samples)', () => {
    const iso = buildCovariance(parseCovarianceSpec('iso'), 30);
    assert.deepEqual(iso.matrix().data, ar1Covariance(0, 30).matrix().data);
    assert.deepEqual(iso.sample(5, 3).data, ar1Covariance(0, 30).sample(5, 3).data);
    const two = buildCovariance(parseCovarianceSpec('two-level:6'), 5);
    assert.deepEqual([...two.matrix().data.filter((_, t) => t % 6 === 0)], [1, 6, 1, 6, 1]);
    assert.deepEqual(
      two.sample(4, 9).data,
      diagonalCovariance(Float64Array.of(1, 6, 1, 6, 1)).sample(4, 9).data,
    );
    assert.throws(
      () => buildCovariance(parseCovarianceSpec('two-level:6'), Infinity),
      /d must be finite for two-level models/,
    );
    assert.throws(
      () => parseCovarianceSpec('two-level:-1'),
      /cov \(two-level ratio\) must be ≥ 0\. Value: -1\./,
    );
    assert.throws(() => parseCovarianceSpec('iso:1'), /cov must be written/);
  });

  it('builds models with the right dimension rules', () => {
    assert.equal(buildCovariance(parseCovarianceSpec('ar1:0.5'), Infinity, noFiles).d, Infinity);
    assert.throws(
      () => buildCovariance(parseCovarianceSpec('ar1:0.5'), undefined, noFiles),
      /d is required for ar1 models/,
    );
    assert.throws(
      () => buildCovariance(parseCovarianceSpec('spiked:1'), Infinity, noFiles),
      /d must be finite for spiked models/,
    );
    const loader = { vector: () => Float64Array.of(1, 2, 3), matrix: () => Matrix.identity(3) };
    assert.equal(buildCovariance(parseCovarianceSpec('diag:v.txt'), undefined, loader).d, 3);
    assert.throws(
      () => buildCovariance(parseCovarianceSpec('dense:s.npy'), 4, loader),
      /d must match the 3 coordinates of s\.npy/,
    );
    assert.equal(
      buildCovariance(parseCovarianceSpec('toeplitz:g.txt'), Infinity, {
        ...loader,
        vector: () => Float64Array.of(1, 0.3),
      }).d,
      Infinity,
    );
  });

  it('describes constraints as data', () => {
    assert.equal(interval(0, Infinity).describe(), 'must be ≥ 0');
    assert.equal(
      interval(2, Infinity, '[)', { integer: true }).describe(),
      'must be an integer ≥ 2',
    );
    assert.equal(interval(-1, 1, '()').describe(), 'must be a number in (-1, 1)');
    assert.ok(interval(0, 1, '(]').contains(1) && !interval(0, 1, '(]').contains(0));
  });
});
