import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvalidArgumentError } from '../../src/errors.js';
import { studentCdf, studentQuantile } from '../../src/estimate/student-t.js';

// Reference quantiles from scipy 1.x: python3 -c "from scipy.stats import t; print(t.ppf(p, nu))".
const REFERENCE: [number, number, number][] = [
  [0.975, 29, 2.045229642132703],
  [0.975, 1, 12.706204736174694],
  [0.995, 4, 4.604094871349992],
  [0.9, 2.5, 1.7302509288071766],
  [0.975, 1e6, 1.959966356814107],
  [0.05, 10, -1.812461122811676],
];

describe('Student t', () => {
  // At ν = 10⁶ the rounding of ln Γ(ν/2) ≈ 6·10⁶ (relative 1e-16, absolute 1e-9) dominates.
  for (const [p, nu, q] of REFERENCE) {
    const tol = nu > 1000 ? 1e-9 : 1e-12;
    it(`t_{${p}, ${nu}} = ${q} to ${tol} relative`, () => {
      assert.ok(
        Math.abs(studentQuantile(p, nu) - q) <= tol * Math.abs(q),
        `${studentQuantile(p, nu)}`,
      );
    });
  }

  it('inverts its CDF', () => {
    for (const nu of [1, 3, 29, 200])
      for (const p of [0.6, 0.9, 0.999])
        assert.ok(Math.abs(studentCdf(studentQuantile(p, nu), nu) - p) <= 1e-12);
  });

  it('rejects p outside (0, 1) and ν ≤ 0, naming them', () => {
    assert.throws(
      () => studentQuantile(1, 3),
      (e: InvalidArgumentError) => e.argument === 'p',
    );
    assert.throws(
      () => studentQuantile(0.5, 0),
      (e: InvalidArgumentError) => e.argument === 'nu',
    );
  });
});
