import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hutchinson } from '../../src/estimate/hutchinson.js';
import { powerTraces } from '../../src/estimate/power-traces.js';
import { slq } from '../../src/estimate/slq.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { binomialLowerBound, symmetricOperator, traceOf } from './helpers.js';

// A 95 % interval covers the truth in each of 100 independent seeds with probability 0.95 if it
// is calibrated; fewer than binomialLowerBound(100, 0.95, 0.001) = 87 covers has probability
// below 0.1 % then, so the test fails only for a miscalibrated interval (or with odds < 1/1000).
const SEEDS = 100;
const MIN_COVERED = binomialLowerBound(SEEDS, 0.95, 0.001);

describe('confidence intervals', () => {
  const n = 80;
  const x = gaussianMatrix(2 * n, n, 41);
  const a = gram(x);
  for (let i = 0; i < n; i++) a.data[i * n + i] += 0.01;
  const op = symmetricOperator(a);
  const values = eigvalsh(a);

  it(`SLQ log-det 95 % intervals cover the exact value in ≥ ${MIN_COVERED} of ${SEEDS} seeds`, () => {
    const exact = traceOf(values, Math.log);
    let covered = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const e = slq(op, 'log', { seed, minProbes: 30, maxProbes: 30, lanczosSteps: 30 });
      if (e.interval[0] <= exact && exact <= e.interval[1]) covered++;
    }
    assert.ok(covered >= MIN_COVERED, `covered ${covered} of ${SEEDS}`);
  });

  it(`SLQ log-det 95 % intervals with control variates tr A, tr A² cover in ≥ ${MIN_COVERED} of ${SEEDS} seeds`, () => {
    const exact = traceOf(values, Math.log);
    const knownTraces = powerTraces(a);
    let covered = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const e = slq(op, 'log', {
        seed,
        minProbes: 30,
        maxProbes: 30,
        lanczosSteps: 30,
        knownTraces,
      });
      if (e.interval[0] <= exact && exact <= e.interval[1]) covered++;
    }
    assert.ok(covered >= MIN_COVERED, `covered ${covered} of ${SEEDS}`);
  });

  it(`Hutchinson 95 % intervals cover the trace in ≥ ${MIN_COVERED} of ${SEEDS} seeds (Gaussian probes)`, () => {
    const exact = traceOf(values, (v) => v);
    let covered = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const e = hutchinson(op, { seed, probes: 'gaussian', minProbes: 30, maxProbes: 30 });
      if (e.interval[0] <= exact && exact <= e.interval[1]) covered++;
    }
    assert.ok(covered >= MIN_COVERED, `covered ${covered} of ${SEEDS}`);
  });
});
