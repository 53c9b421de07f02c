import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  htmpRidgeExponent,
  htmpRidgeLoss,
  simulateHtmpRidge,
} from '../../src/features/htmp-scaling.js';
import { setBlasThreads } from '../../src/linalg/backend.js';

let blasThreads: number | undefined;
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
