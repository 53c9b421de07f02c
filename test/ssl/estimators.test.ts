import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { fitPretext, ridgeFit, runSslTrial, sampleSsl, sslModel } from '../../src/ssl/index.js';
import { meanError } from '../../src/stats/mean-error.js';

describe('ridge fits', () => {
  it('recovers an exact linear map with λ = 0 to 1e-10', () => {
    const x = Matrix.fromRows([
      [1, 0],
      [0, 1],
      [1, 1],
      [2, -1],
    ]);
    const y = Matrix.fromRows([[2], [3], [5], [1]]);
    const fit = ridgeFit(x, y, 0);
    assert.ok(Math.abs(fit.coef.get(0, 0) - 2) < 1e-10 && Math.abs(fit.coef.get(1, 0) - 3) < 1e-10);
  });
  it('names lambda and y on bad input', () => {
    const x = Matrix.fromRows([[1], [2]]);
    assert.throws(
      () => ridgeFit(x, x, -1),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'lambda',
    );
    assert.throws(
      () => ridgeFit(x, Matrix.fromRows([[1]]), 0),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'y',
    );
  });
  it('the linear pretext approaches Γ as m grows (‖Γ̂ − Γ‖²_F within 3× its d₁d₂τ̃²/m scale)', () => {
    const model = sslModel({ d1: 10, d2: 15, p: 2, s: 1 }, 5);
    const m = 4000;
    const s = sampleSsl(model, m, 3);
    const pre = fitPretext(s.x1, s.x2, { kind: 'linear', lambda: 0 });
    let err = 0;
    for (let i = 0; i < 10; i++)
      for (let j = 0; j < 15; j++) err += (pre.linearMap!.get(i, j) - model.gamma.get(j, i)) ** 2;
    // Residual variance per X₂ coordinate: τ² + σ²‖C_h row‖² ≤ 1 + 1.
    assert.ok(err <= (3 * 10 * 15 * 2) / m, `${err}`);
  });
});

describe('runSslTrial', () => {
  it('oracle least squares matches (p+s)σ²/(n−p−s−1) within 4 Monte Carlo standard errors', () => {
    const n = 60;
    const values: number[] = [];
    for (let t = 0; t < 40; t++)
      values.push(
        runSslTrial({ model: { d1: 20, d2: 30, p: 3, s: 2 }, n, pretext: 'oracle', seed: t })[0]!
          .sslLinear,
      );
    const m = meanError(values);
    const exact = 5 / (n - 6);
    assert.ok(Math.abs(m.mean - exact) <= 4 * m.stderr, `${m.mean} ± ${m.stderr} vs ${exact}`);
  });
  it('the measured ridge excess risk stays below the Corollary 11 bound where it is valid', () => {
    for (const n of [40, 400]) {
      const r = runSslTrial({
        model: { d1: 20, d2: 30, p: 3, s: 2 },
        n,
        pretext: 'oracle',
        seed: 1,
      })[0]!;
      assert.ok(r.boundValid && r.sslRidge <= r.bound, `${r.sslRidge} vs ${r.bound}`);
    }
  });
  it('the random-features pretext runs and reports finite risks', () => {
    const [r] = runSslTrial({
      model: { d1: 10, d2: 12, p: 2, s: 1 },
      n: 50,
      pretext: 'random-features',
      unlabeled: 300,
      test: 200,
      seed: 2,
    });
    assert.ok(Number.isFinite(r!.sslRidge) && Number.isFinite(r!.sslLinear));
  });
  it('names n when n < p', () => {
    assert.throws(
      () =>
        runSslTrial({ model: { d1: 10, d2: 12, p: 3, s: 1 }, n: 2, pretext: 'oracle', seed: 1 }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'n',
    );
  });
});
