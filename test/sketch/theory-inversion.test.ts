import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gram, matmul, spdInverse } from '../../src/linalg/api.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import {
  asymptoticInversionBias,
  averagedInverseError,
  gaussianInversionBias,
  type InverseDebiasing,
} from '../../src/sketch/theory-inversion.js';
import {
  gaussianSketch,
  matrixWithSingularValues,
  monteCarlo,
  normSq,
  rademacherSketch,
  report,
  Z,
} from './theory-helpers.js';

// A fixed A of full column rank with a spread spectrum, H = AᵀA and H⁻¹; only S varies.
const [n, d] = [100, 5];
const a = matrixWithSingularValues(n, [4, 2, 1, 0.7, 0.5], 'inversion');
const hInv = spdInverse(gram(a, 1));
const trace = (m: Matrix) =>
  m.data.reduce((s, _, k) => (k % (m.cols + 1) === 0 ? s + m.data[k]! : s), 0);
const moments = { trace: trace(hInv), frobeniusSq: normSq(hInv.data) };

/** (AᵀSᵀSA)⁻¹ for the sketch S. */
const sketchedInverse = (s: Matrix) => spdInverse(gram(matmul(s, a), 1));

describe('inversion bias of sketched inverses (docs/theory.md §12.5)', () => {
  for (const m of [12, 20, 40]) {
    it(`Gaussian S, m = ${m}, d = ${d}: E[(AᵀSᵀSA)⁻¹] = m/(m − d − 1)·(AᵀA)⁻¹, in the trace and in an off-diagonal entry, within 3 standard errors`, () => {
      const inverses = Array.from({ length: 200 }, (_, seed) =>
        sketchedInverse(gaussianSketch(m, n, `S:${m}:${seed}`)),
      );
      const factor = gaussianInversionBias(d, m);
      const tr = monteCarlo((seed) => trace(inverses[seed]!) / moments.trace);
      assert.ok(Math.abs(tr.mean - factor) <= Z * tr.stderr, report(factor, tr));
      const entry = monteCarlo((seed) => inverses[seed]!.get(0, 1) / hInv.get(0, 1));
      assert.ok(Math.abs(entry.mean - factor) <= Z * entry.stderr, report(factor, entry));
    });
  }

  // The O(1/m) gap between the exact Gaussian factor and the asymptotic one is what separates
  // them; for Rademacher sketches the true bias carries a further fourth-cumulant term of order
  // d·max leverage/m, so the check allows the gap between the two factors.
  it(`Rademacher S, m = 40, d = ${d}: the trace bias lies between m/(m − d) and m/(m − d − 1) within 3 standard errors`, () => {
    const m = 40;
    const tr = monteCarlo(
      (seed) => trace(sketchedInverse(rademacherSketch(m, n, `R:${seed}`))) / moments.trace,
    );
    const [lo, hi] = [asymptoticInversionBias(d, m), gaussianInversionBias(d, m)];
    assert.ok(tr.mean >= lo - Z * tr.stderr && tr.mean <= hi + Z * tr.stderr, report(lo, tr));
  });

  it('the asymptotic factor m/(m − d) differs from the exact m/(m − d − 1) by the ratio (m − d)/(m − d − 1)', () => {
    for (const [dd, m] of [
      [5, 12],
      [50, 200],
      [500, 4000],
    ] as const) {
      const ratio = gaussianInversionBias(dd, m) / asymptoticInversionBias(dd, m);
      assert.ok(Math.abs(ratio - (m - dd) / (m - dd - 1)) < 1e-14);
    }
    assert.equal(asymptoticInversionBias(50, 200), 200 / 150);
  });

  it('rejects m ≤ d + 1 (exact) and m ≤ d (asymptotic), naming m', () => {
    assert.throws(() => gaussianInversionBias(5, 6), /m must be an integer > 6\. Value: 6/);
    assert.throws(() => asymptoticInversionBias(5, 5), /m must be an integer > 5\. Value: 5/);
    assert.throws(() => gaussianInversionBias(-1, 6), /invalid argument: d/);
  });
});

describe('model averaging of sketched inverses (docs/theory.md §12.6)', () => {
  const m = 20;
  const cases: Array<[InverseDebiasing, number, number]> = [
    ['exact', (m - d - 1) / m, 1],
    ['exact', (m - d - 1) / m, 4],
    ['asymptotic', (m - d) / m, 4],
    ['none', 1, 4],
  ];
  for (const [debias, c, q] of cases) {
    it(`Gaussian S, m = ${m}, d = ${d}, q = ${q}, debias '${debias}': E‖average − (AᵀA)⁻¹‖²_F matches the inverse-Wishart formula within 3 standard errors`, () => {
      const err = monteCarlo((seed) => {
        const avg = new Float64Array(d * d);
        for (let i = 0; i < q; i++) {
          const inv = sketchedInverse(gaussianSketch(m, n, `avg:${seed}:${i}`));
          for (let k = 0; k < avg.length; k++) avg[k]! += (c * inv.data[k]!) / q;
        }
        return normSq(avg.map((v, k) => v - hInv.data[k]!));
      });
      const theory = averagedInverseError(d, m, q, moments, debias);
      assert.ok(Math.abs(err.mean - theory) <= Z * err.stderr, report(theory, err));
    });
  }

  it('falls like 1/q once debiased exactly, and keeps a (γ − 1)²‖(AᵀA)⁻¹‖²_F floor otherwise', () => {
    const one = averagedInverseError(50, 200, 1, { trace: 50, frobeniusSq: 50 });
    for (const q of [2, 10, 100])
      assert.ok(
        Math.abs(averagedInverseError(50, 200, q, { trace: 50, frobeniusSq: 50 }) - one / q) <
          1e-12 * one,
      );
    const gamma = 200 / 149;
    const floor = averagedInverseError(50, 200, 1e9, { trace: 50, frobeniusSq: 50 }, 'none');
    assert.ok(Math.abs(floor - (gamma - 1) ** 2 * 50) < 1e-6);
  });

  it('rejects m ≤ d + 3, q < 1, negative moments and an unknown debiasing, naming each', () => {
    const g = { trace: 1, frobeniusSq: 1 };
    assert.throws(() => averagedInverseError(5, 8, 1, g), /m must be an integer > 8\. Value: 8/);
    assert.throws(() => averagedInverseError(5, 20, 0, g), /q must be an integer ≥ 1\. Value: 0/);
    assert.throws(
      () => averagedInverseError(5, 20, 1, { trace: -1, frobeniusSq: 1 }),
      /inverseGram\.trace must be ≥ 0/,
    );
    assert.throws(
      () => averagedInverseError(5, 20, 1, g, 'half' as InverseDebiasing),
      /debias must be 'exact', 'asymptotic' or 'none'\. Value: "half"/,
    );
  });
});
