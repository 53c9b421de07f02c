import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { matmul, qr, svd } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import {
  preconditionedConditionNumber,
  sketchedSingularValueEdges,
} from '../../src/sketch/theory-embedding.js';
import { gaussianSketch, monteCarlo, rademacherSketch, report, Z } from './theory-helpers.js';

// U is a fixed n×d orthonormal basis; S·U for a Gaussian S is l×d Gaussian with variance 1/l.
const n = 300;
const cases = [
  { d: 10, l: 40 },
  { d: 20, l: 45 },
];

function extremes(sketch: typeof gaussianSketch, d: number, l: number) {
  const u = qr(gaussianMatrix(n, d, `basis:${d}`)).q;
  const all = Array.from({ length: 200 }, (_, seed) => {
    const s = svd(matmul(sketch(l, n, `S:${d}:${l}:${seed}`), u)).s;
    return [s[0]!, s[d - 1]!] as const;
  });
  const max = monteCarlo((seed) => all[seed]![0]);
  const min = monteCarlo((seed) => all[seed]![1]);
  const cond = monteCarlo((seed) => all[seed]![0] / all[seed]![1]);
  return { max, min, cond };
}

describe('sketchedSingularValueEdges (docs/theory.md §12.1)', () => {
  it('is 1 ± √(d/l) with Tracy–Widom scales that shrink like l^(−2/3) at fixed d/l', () => {
    const e = sketchedSingularValueEdges(50, 200);
    assert.equal(e.lower, 0.5);
    assert.equal(e.upper, 1.5);
    const big = sketchedSingularValueEdges(400, 1600);
    assert.ok(Math.abs(e.upperScale / big.upperScale - 8 ** (2 / 3)) < 1e-12);
    assert.ok(Math.abs(e.lowerScale / big.lowerScale - 8 ** (2 / 3)) < 1e-12);
  });

  for (const { d, l } of cases) {
    const g = extremes(gaussianSketch, d, l);
    const e = sketchedSingularValueEdges(d, l);

    it(`Gaussian S, d = ${d}, l = ${l}: Gordon's bounds E σ_max ≤ 1 + √(d/l) and E σ_min ≥ 1 − √(d/l) hold within 3 standard errors`, () => {
      assert.ok(g.max.mean <= e.upper + Z * g.max.stderr, report(e.upper, g.max));
      assert.ok(g.min.mean >= e.lower - Z * g.min.stderr, report(e.lower, g.min));
    });

    // The extremes sit about 1.2 Tracy–Widom scales inside the edges (E[TW₁] = −1.21); the edges
    // are limits, so the check allows 2 scales beyond the Monte Carlo error.
    it(`Gaussian S, d = ${d}, l = ${l}: σ_max and σ_min lie within 2 Tracy–Widom scales + 3 standard errors of the edges`, () => {
      assert.ok(
        Math.abs(g.max.mean - e.upper) <= Z * g.max.stderr + 2 * e.upperScale,
        `${report(e.upper, g.max)}, scale ${e.upperScale}`,
      );
      assert.ok(
        Math.abs(g.min.mean - e.lower) <= Z * g.min.stderr + 2 * e.lowerScale,
        `${report(e.lower, g.min)}, scale ${e.lowerScale}`,
      );
    });

    it(`Rademacher S, d = ${d}, l = ${l}: the same edges (universality)`, () => {
      const r = extremes(rademacherSketch, d, l);
      assert.ok(
        Math.abs(r.max.mean - e.upper) <= Z * r.max.stderr + 2 * e.upperScale,
        report(e.upper, r.max),
      );
      assert.ok(
        Math.abs(r.min.mean - e.lower) <= Z * r.min.stderr + 2 * e.lowerScale,
        report(e.lower, r.min),
      );
    });

    it(`Gaussian S, d = ${d}, l = ${l}: cond(A·R⁻¹) with R from qr(S·A) tends to (1 + √(d/l))/(1 − √(d/l))`, () => {
      const kappa = preconditionedConditionNumber(d, l);
      // First-order propagation of the two edge allowances into the ratio σ_max/σ_min.
      const allowance = 2 * (e.upperScale / e.lower + (e.upper * e.lowerScale) / e.lower ** 2);
      assert.ok(
        Math.abs(g.cond.mean - kappa) <= Z * g.cond.stderr + allowance,
        `${report(kappa, g.cond)}, allowance ${allowance}`,
      );
    });
  }

  it('A·R⁻¹ has the singular values 1/σ_i(S·U): its condition number is σ_max(S·U)/σ_min(S·U)', () => {
    const [d, l] = [6, 24];
    const a = matmul(gaussianMatrix(n, d, 'A'), gaussianMatrix(d, d, 'mix'));
    const s = gaussianSketch(l, n, 'S');
    const r = qr(matmul(s, a)).r;
    const x = matmul(a, inverseUpper(r));
    const sv = svd(x).s;
    const su = svd(matmul(s, qr(a).q)).s;
    const ratio = sv[0]! / sv[d - 1]!;
    assert.ok(Math.abs(ratio - su[0]! / su[d - 1]!) < 1e-10 * ratio);
  });

  it('rejects d < 1, fractional sizes and l ≤ d, naming the argument', () => {
    assert.throws(() => sketchedSingularValueEdges(0, 10), /d must be an integer ≥ 1\. Value: 0/);
    assert.throws(() => sketchedSingularValueEdges(5, 5), /l must be an integer > 5\. Value: 5/);
    assert.throws(() => sketchedSingularValueEdges(5, 7.5), InvalidArgumentError);
    assert.throws(() => preconditionedConditionNumber(5, 4), /invalid argument: l/);
  });
});

/** R⁻¹ of an upper-triangular R by back substitution. */
function inverseUpper(r: Matrix): Matrix {
  const d = r.rows;
  const inv = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    for (let i = d - 1; i >= 0; i--) {
      let sum = i === j ? 1 : 0;
      for (let k = i + 1; k < d; k++) sum -= r.get(i, k) * inv[k * d + j]!;
      inv[i * d + j] = sum / r.get(i, i);
    }
  }
  return Matrix.fromRowMajor(d, d, inv);
}
