import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  htmpRidgeExponent,
  htmpRidgeLoss,
  simulateHtmpRidge,
} from '../../src/features/htmp-scaling.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { htmp } from '../../src/rmt/laws/htmp.js';

let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

describe('HTMP ridge scaling law', () => {
  it('the theory loss decays like μ^e, e = κ/(2γ) − κ/2, to 0.01 in the exponent at μ = 1e-4…1e-5', () => {
    for (const [gamma, kappa] of [
      [0.5, 1],
      [0.5, 2],
    ]) {
      const e = htmpRidgeExponent(gamma, kappa);
      const slope = Math.log(htmpRidgeLoss(gamma, kappa, 1e-5) / htmpRidgeLoss(gamma, kappa, 1e-4));
      assert.ok(Math.abs(slope / Math.log(0.1) - e) < 0.01, `γ=${gamma} κ=${kappa}: ${slope}`);
    }
  });
  it('the simulated log-log slope over n = 20…2000 (μ = n^{−1/2}) matches the theory within ±0.1', () => {
    const { slope, theorySlope } = simulateHtmpRidge(0.5, 2, 0.5, [20, 60, 200, 600, 2000], {
      seed: 1,
    });
    assert.ok(Math.abs(slope - theorySlope) <= 0.1, `simulation ${slope} vs theory ${theorySlope}`);
  });
  it("the seed's exponent ℓ(2 + e) is ruled out: L ≥ HTMP((0, 1])·μ²/(1 + μ)², and the simulated slope is ≥ 0.5 away from −ℓ(2 + e) while within 0.1 of the theory (γ = 0.15, κ = 1, e = 2.83, capped at 2)", () => {
    const [gamma, kappa, ell] = [0.15, 1, 0.5];
    const e = kappa / (2 * gamma) - kappa / 2;
    const { slope, theorySlope } = simulateHtmpRidge(gamma, kappa, ell, [20, 200, 2000], {
      seed: 2,
    });
    assert.ok(Math.abs(slope - theorySlope) <= 0.1, `simulation ${slope} vs theory ${theorySlope}`);
    assert.ok(Math.abs(slope + ell * (2 + e)) >= 0.5, `simulation ${slope} near the seed's`);
    assert.equal(htmpRidgeExponent(gamma, kappa), 2);
    // The lower bound: at μ = 1e-6 the loss is at least F(1)·μ²/(1 + μ)², F(1) = HTMP((0, 1]).
    const mu = 1e-6;
    const bound = (htmp(gamma, kappa).cdf(1) * mu * mu) / (1 + mu) ** 2;
    assert.ok(
      htmpRidgeLoss(gamma, kappa, mu) >= bound,
      `${htmpRidgeLoss(gamma, kappa, mu)} < ${bound}`,
    );
    // μ^{2+e} would be 1e-12^{…} ≪ the bound: the seed's rate is below what any L can reach.
    assert.ok(mu ** (2 + e) < bound / 1e6);
  });
  it("rejects ℓ outside (0, 1) naming 'ell' and μ ≤ 0 naming 'mu'", () => {
    assert.throws(
      () => simulateHtmpRidge(0.5, 1, 1, [10]),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'ell',
    );
    assert.throws(
      () => htmpRidgeLoss(0.5, 1, 0),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'mu',
    );
  });
});
