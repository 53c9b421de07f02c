import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance, diagonalCovariance, spikedCovariance } from '../../src/covariance/index.js';
import { monteCarlo } from './mc.js';

// d = 500, 8 seeds. Claim under test (issue 3, docs/theory.md §2): the expected error is within 1 %
// of the theory. The MC mean estimates the expectation with standard error SE, so we reject only
// when |theory − MC mean| > 1 % of the theory + 3·SE, and require 3·SE ≤ 1 % of the theory so
// that the test can fail. The training error is checked for α ≥ 1 only: for α < 1 it carries an
// O(1/n) finite-size bias (+1.6 to +2.3 % at n = 150, halving with each doubling of n: see
// bench/ssr-validate.ts and docs/ssr.md). A wider grid runs in bench/ssr-validate.ts.
const D = 500;
// 5 seeds left 3·SE above 1 % of the theory for L_tr at α = 1 (the interpolation threshold,
// where trials vary most) with some draws of the data; 8 resolve it.
const SEEDS = 8;

function check(result: ReturnType<typeof monteCarlo>): void {
  const label = `${result.model} α = ${result.alpha}, λ = ${result.lambda}`;
  const checks: Array<[number, number, number, string]> = [
    [result.theoryGen, result.mcGen, result.seGen, 'L_gen'],
  ];
  if (result.alpha >= 1) checks.push([result.theoryTrain, result.mcTrain, result.seTrain, 'L_tr']);
  for (const [theory, mc, se, what] of checks) {
    assert.ok(
      3 * se <= 0.01 * theory,
      `${label} ${what}: Monte Carlo too noisy to resolve 1 % (SE ${se}, theory ${theory})`,
    );
    assert.ok(
      Math.abs(theory - mc) <= 0.01 * theory + 3 * se,
      `${label} ${what}: theory ${theory} vs MC ${mc} ± ${se}`,
    );
  }
}

describe('theory against Monte Carlo at d = 500 (8 seeds)', () => {
  it('matches AR(1) ρ = 0.6 within 1 % of the MC mean', () => {
    const model = ar1Covariance(0.6, D);
    for (const [alpha, lambda] of [
      [0.3, 0.01],
      [2, 1e-3],
      [5, 1],
    ])
      check(monteCarlo(model, alpha, lambda, SEEDS));
  });

  it('matches the spiked model I + 3uuᵀ within 1 % of the MC mean', () => {
    const model = spikedCovariance(3, D, 1);
    for (const [alpha, lambda] of [
      [0.5, 0.1],
      [3, 10],
    ])
      check(monteCarlo(model, alpha, lambda, SEEDS));
  });

  it('matches a diagonal spectrum within 1 % of the MC mean', () => {
    const model = diagonalCovariance(
      Float64Array.from({ length: D }, (_, k) => 0.25 + (2 * k) / D),
    );
    for (const [alpha, lambda] of [
      [1, 0.1],
      [4, 0.01],
    ])
      check(monteCarlo(model, alpha, lambda, SEEDS));
  });
});
