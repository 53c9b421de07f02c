import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { controlledEstimate } from '../../src/estimate/control-variates.js';
import { summarize } from '../../src/estimate/estimate.js';
import { powerTraces } from '../../src/estimate/power-traces.js';
import { slq } from '../../src/estimate/slq.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { relative, symmetricOperator, traceOf } from './helpers.js';

describe('control variates', () => {
  it('without covariates is the plain mean with its Student-t interval to 1e-14', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const e = controlledEstimate(y, [], [], 0.9);
    const plain = summarize(y, 0.9);
    for (const key of ['value', 'standardError'] as const)
      assert.ok(relative(e[key], plain[key]) < 1e-14, `${key}: ${e[key]} vs ${plain[key]}`);
    for (const end of [0, 1]) assert.ok(relative(e.interval[end]!, plain.interval[end]!) < 1e-14);
    assert.equal(e.probes, 8);
  });

  it('matches the intercept and standard error of an explicit least-squares fit to 1e-12', () => {
    // y on [1, x − μ] for μ = 0.5: the normal equations by hand give β₀ and (MᵀM)⁻¹₀₀.
    const x = [0.1, 0.7, 0.3, 0.9, 0.5, 0.2];
    const y = [1.0, 2.1, 1.3, 2.9, 1.8, 1.1];
    const mu = 0.5;
    const n = x.length;
    const v = x.map((t) => t - mu);
    const sv = v.reduce((s, t) => s + t, 0);
    const svv = v.reduce((s, t) => s + t * t, 0);
    const sy = y.reduce((s, t) => s + t, 0);
    const svy = v.reduce((s, t, i) => s + t * y[i]!, 0);
    const det = n * svv - sv * sv;
    const b0 = (svv * sy - sv * svy) / det;
    const b1 = (n * svy - sv * sy) / det;
    const rss = y.reduce((s, t, i) => s + (t - b0 - b1 * v[i]!) ** 2, 0);
    const se = Math.sqrt((rss / (n - 2)) * (svv / det));
    const e = controlledEstimate(y, [x], [mu], 0.95);
    assert.ok(relative(e.value, b0) < 1e-12, `${e.value} vs ${b0}`);
    assert.ok(relative(e.standardError, se) < 1e-12, `${e.standardError} vs ${se}`);
  });

  it('drops a constant covariate and one that repeats another', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const alone = controlledEstimate(y, [x], [4], 0.95);
    const padded = controlledEstimate(
      y,
      [new Array(8).fill(2), x, x.map((t) => 2 * t)],
      [2, 4, 8],
      0.95,
    );
    assert.ok(relative(padded.value, alone.value) < 1e-12);
    assert.ok(relative(padded.standardError, alone.standardError) < 1e-12);
  });

  const n = 200;
  const a = gram(gaussianMatrix(2 * n, n, 5));
  for (let i = 0; i < n; i++) a.data[i * n + i] += 0.01;
  const op = symmetricOperator(a);
  const values = eigvalsh(a);

  it('makes tr A² exact when tr A and tr A² are known (the quadratic is its own control)', () => {
    const e = slq(
      op,
      { power: 2 },
      { seed: 3, minProbes: 10, maxProbes: 10, lanczosSteps: 5, knownTraces: powerTraces(a) },
    );
    const exact = traceOf(values, (t) => t * t);
    assert.ok(relative(e.value, exact) < 1e-10, `${e.value} vs ${exact}`);
    assert.ok(e.standardError < 1e-8 * exact);
  });

  it('cuts the standard error of the SLQ log-det of a Wishart matrix at least threefold', () => {
    const options = { seed: 7, minProbes: 40, maxProbes: 40, lanczosSteps: 30 };
    const plain = slq(op, 'log', options);
    const controlled = slq(op, 'log', { ...options, knownTraces: powerTraces(a) });
    assert.ok(
      controlled.standardError < plain.standardError / 3,
      `${controlled.standardError} vs ${plain.standardError}`,
    );
  });

  it('rejects more known traces than the Gauss rule integrates exactly, naming knownTraces', () => {
    assert.throws(
      () => slq(op, 'log', { lanczosSteps: 2, knownTraces: [1, 2, 3, 4] }),
      (e: unknown) => e instanceof InvalidArgumentError && /knownTraces/.test(e.message),
    );
    assert.throws(() => slq(op, 'log', { knownTraces: [Number.NaN] }), /knownTraces/);
    assert.throws(() => powerTraces(Matrix.zeros(2, 3)), /invalid argument: a/);
  });
});
