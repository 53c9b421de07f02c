import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar1Covariance } from '../../src/covariance/index.js';
import { formatCovarianceSpec, parseCovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { ssrTheory } from '../../src/ssr/theory.js';
import { LAMBDAS, TheoryCache } from '../../web/src/compute.js';
import {
  covSpec,
  DEFAULT_STATE,
  parseState,
  parseStateReport,
  serializeState,
} from '../../web/src/state.js';

describe('explorer state in the URL', () => {
  it('reads back every state it writes', () => {
    const states = [
      DEFAULT_STATE,
      {
        ...DEFAULT_STATE,
        model: 'spiked' as const,
        theta: 3.5,
        d: 300,
        alpha: 0.7943,
        lambda: 'opt' as const,
      },
      {
        ...DEFAULT_STATE,
        model: 'powerlaw' as const,
        exponent: 1.25,
        d: 500,
        alpha: 12.59,
        lambda: 0.003162,
      },
      { ...DEFAULT_STATE, model: 'isotropic' as const, d: Infinity, alpha: 0.1, lambda: 100 },
      {
        ...DEFAULT_STATE,
        model: 'file' as const,
        fileKind: 'toeplitz' as const,
        file: 'autocov, 2024.csv',
        d: 400,
        alpha: 3,
        lambda: 0.5,
      },
    ];
    for (const s of states) assert.deepEqual(parseState(new URLSearchParams(serializeState(s))), s);
  });

  it('falls back to defaults for invalid values and to d = 400 for models without a d → ∞ limit', () => {
    const s = parseState(
      new URLSearchParams('model=spiked&theta=-2&d=inf&alpha=0&lambda=-1&rho=7'),
    );
    assert.equal(s.model, 'spiked');
    assert.equal(s.theta, DEFAULT_STATE.theta);
    assert.equal(s.d, 400);
    assert.equal(s.alpha, DEFAULT_STATE.alpha);
    assert.equal(s.lambda, DEFAULT_STATE.lambda);
    assert.equal(s.rho, DEFAULT_STATE.rho);
    assert.equal(parseState(new URLSearchParams('model=nonsense&d=1.5')).model, 'ar1');
    assert.equal(parseState(new URLSearchParams('d=1.5')).d, DEFAULT_STATE.d);
  });

  it('names the same model as the CLI --cov syntax, which reads it back', () => {
    const cov = (s: Parameters<typeof covSpec>[0]) => formatCovarianceSpec(covSpec(s));
    assert.equal(cov({ ...DEFAULT_STATE, model: 'isotropic' }), 'iso');
    assert.equal(cov({ ...DEFAULT_STATE, model: 'powerlaw', exponent: 2 }), 'powerlaw:2');
    assert.equal(
      cov({ ...DEFAULT_STATE, model: 'file', fileKind: 'data', file: 'x.npy' }),
      'data:x.npy',
    );
    for (const model of ['ar1', 'isotropic', 'spiked', 'powerlaw'] as const) {
      const spec = covSpec({ ...DEFAULT_STATE, model });
      assert.deepEqual(parseCovarianceSpec(formatCovarianceSpec(spec)), spec);
    }
  });

  it('accepts exactly what the library accepts (θ ≥ −1, λ = 0, d written inf or ∞) and reports the rest in its words', () => {
    const ok = parseStateReport(new URLSearchParams('model=spiked&theta=-0.5&d=300&lambda=0'));
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.state.theta, -0.5);
    assert.equal(ok.state.lambda, 0);
    assert.equal(parseStateReport(new URLSearchParams('d=∞')).state.d, Infinity);
    assert.equal(parseStateReport(new URLSearchParams('d=Infinity')).state.d, Infinity);
    const large = parseStateReport(new URLSearchParams('model=spiked&d=3000'));
    assert.equal(large.state.d, 400);
    assert.match(
      large.problems[0]!,
      /^invalid argument: d must be ≤ 2000 in the explorer .*Value: 3000\.$/,
    );
    const bad = parseStateReport(new URLSearchParams('model=spiked&theta=-2&lambda=-1&d=1.5'));
    assert.deepEqual(bad.problems, [
      'invalid argument: theta must be ≥ -1. Value: -2.',
      'invalid argument: d must be an integer ≥ 2. Value: 1.5.',
      'invalid argument: lambda must be ≥ 0. Value: -1.',
    ]);
  });
});

describe('explorer theory cache', () => {
  it('returns the library theory for the λ curve and reuses curves when only λ changes', () => {
    const cache = new TheoryCache();
    const a = cache.errors({ ...DEFAULT_STATE, rho: 0.3, alpha: 1.5, lambda: 0.01 });
    const direct = ssrTheory(
      ar1Covariance(0.3, Infinity).spectrum(),
      LAMBDAS.map((lambda) => ({ alpha: 1.5, lambda })),
    );
    assert.deepEqual(
      a.vsLambda.map((p) => p.genError),
      direct.map((p) => p.genError),
    );
    const b = cache.errors({ ...DEFAULT_STATE, rho: 0.3, alpha: 1.5, lambda: 0.02 });
    assert.equal(b.vsLambda, a.vsLambda); // same array: not recomputed
    assert.notEqual(b.vsAlpha, a.vsAlpha);
    assert.ok(b.optimal !== null && b.optimal.lambda > 0);
  });
});
