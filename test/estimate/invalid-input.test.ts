import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { gaussQuadrature } from '../../src/estimate/gauss-quadrature.js';
import { hutchPlusPlus } from '../../src/estimate/hutch-plus-plus.js';
import { hutchinson } from '../../src/estimate/hutchinson.js';
import { kpmDensity } from '../../src/estimate/kpm-density.js';
import { lanczos } from '../../src/estimate/lanczos.js';
import { slq } from '../../src/estimate/slq.js';
import { slqDensity } from '../../src/estimate/slq-density.js';
import type { SpectralFunction } from '../../src/estimate/spectral-function.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { denseOperator } from '../../src/operators/linear-operator.js';
import { symmetricOperator, symmetricWithEigenvalues } from './helpers.js';

const names = (argument: string) => (e: unknown) =>
  e instanceof InvalidArgumentError && e.argument === argument;

describe('invalid input to the estimators names the argument', () => {
  const spd = symmetricOperator(symmetricWithEigenvalues([1, 2, 3, 4], 71));
  const indefinite = symmetricOperator(symmetricWithEigenvalues([-1, 2, 3, 4], 72));
  const unmarked = denseOperator(Matrix.identity(4));
  const rectangular = denseOperator(Matrix.zeros(3, 4));

  it('op: not marked symmetric, not square, not positive definite for log', () => {
    assert.throws(() => slq(unmarked, 'log'), names('op'));
    assert.throws(() => lanczos(unmarked, new Float64Array(4).fill(1), 2), names('op'));
    assert.throws(() => kpmDensity(unmarked), names('op'));
    assert.throws(() => slqDensity(unmarked), names('op'));
    assert.throws(() => hutchinson(rectangular), names('op'));
    assert.throws(() => hutchPlusPlus(rectangular), names('op'));
    assert.throws(
      () => slq(indefinite, 'log', { lanczosSteps: 4, reorthogonalize: 'full' }),
      names('op'),
    );
  });

  it('fn: unknown names, a bad power, Schatten p ≤ 0, an empty interval', () => {
    for (const fn of [
      'sqrt',
      { power: NaN },
      { schatten: 0 },
      { count: [2, 1] },
    ] as unknown as SpectralFunction[])
      assert.throws(() => slq(spd, fn), names('fn'));
  });

  it('probe options: kind, counts, rtol, confidence, batch size, seed', () => {
    const cases: [string, object][] = [
      ['probes', { probes: 'uniform' }],
      ['minProbes', { minProbes: 1 }],
      ['maxProbes', { minProbes: 10, maxProbes: 5 }],
      ['rtol', { rtol: -0.1 }],
      ['confidence', { confidence: 1 }],
      ['batchSize', { batchSize: 0 }],
      ['seed', { seed: -1 }],
      ['lanczosSteps', { lanczosSteps: 0 }],
      ['reorthogonalize', { reorthogonalize: 'sometimes' }],
    ];
    for (const [name, options] of cases)
      assert.throws(() => slq(spd, 'log', options), names(name), name);
    assert.throws(() => hutchPlusPlus(spd, { sketchSize: 5 }), names('sketchSize'));
  });

  it('lanczos: start of the wrong length, zero or non-finite; steps not a positive integer', () => {
    assert.throws(() => lanczos(spd, new Float64Array(3), 2), names('start'));
    assert.throws(() => lanczos(spd, new Float64Array(4), 2), names('start'));
    assert.throws(() => lanczos(spd, Float64Array.of(1, NaN, 0, 0), 2), names('start'));
    assert.throws(() => lanczos(spd, Float64Array.of(1, 0, 0, 0), 1.5), names('steps'));
    assert.throws(() => gaussQuadrature(new Float64Array(3), new Float64Array(3)), names('beta'));
  });

  it('densities: bounds, moments, sigma, grid, probe count', () => {
    assert.throws(() => kpmDensity(spd, { bounds: [2, 1] }), names('bounds'));
    assert.throws(() => kpmDensity(spd, { moments: 1 }), names('moments'));
    assert.throws(() => slqDensity(spd, { sigma: 0 }), names('sigma'));
    assert.throws(() => slqDensity(spd, { grid: Float64Array.of(NaN) }), names('grid'));
    assert.throws(() => kpmDensity(spd, { probeCount: 0 }), names('probeCount'));
  });
});
