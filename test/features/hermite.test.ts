import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { activation } from '../../src/features/activation.js';
import { erf } from '../../src/features/erf.js';
import { gaussHermite } from '../../src/features/gauss-hermite.js';
import { hermiteCoefficients } from '../../src/features/hermite.js';
import { featureKernel } from '../../src/features/kernel.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { expectation, pairExpectation } from './reference.js';

const close = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected} (|diff| ${Math.abs(actual - expected)})`,
  );

describe('Gauss–Hermite rule of N(0, 1)', () => {
  it('integrates ξ^{2k} to (2k − 1)!! exactly up to degree 2m − 1, weights summing to 1', () => {
    const { nodes, weights } = gaussHermite(40);
    let doubleFactorial = 1;
    for (let k = 0; k < 40; k++) {
      if (k > 0) doubleFactorial *= 2 * k - 1;
      let sum = 0;
      for (let i = 0; i < 40; i++) sum += weights[i] * nodes[i] ** (2 * k);
      close(sum, doubleFactorial, 1e-12, `E ξ^${2 * k}`);
    }
  });
});

describe('Hermite coefficients a₀, a₁, a₂, ν', () => {
  const s2 = Math.SQRT2;
  const e = Math.exp(-0.5);
  const known: Record<string, [number, number, number, number]> = {
    relu: [1 / Math.sqrt(2 * Math.PI), 0.5, 1 / (2 * Math.sqrt(Math.PI)), 0.5],
    abs: [Math.sqrt(2 / Math.PI), 0, 1 / Math.sqrt(Math.PI), 1],
    'leaky-relu:0.2': [0.8 / Math.sqrt(2 * Math.PI), 0.6, 0.8 / (2 * Math.sqrt(Math.PI)), 0.52],
    sin: [0, e, 0, (1 - Math.exp(-2)) / 2],
    cos: [e, 0, -e / s2, (1 + Math.exp(-2)) / 2],
    erf: [0, 2 / Math.sqrt(3 * Math.PI), 0, (2 / Math.PI) * Math.asin(2 / 3)],
    quadratic: [1, 0, s2, 3],
    linear: [0, 1, 0, 1],
  };
  for (const [name, [a0, a1, a2, nu]] of Object.entries(known))
    it(`match the closed forms of ${name} to 1e-10`, () => {
      const h = hermiteCoefficients(name);
      close(h.a0, a0, 1e-10, 'a0');
      close(h.a1, a1, 1e-10, 'a1');
      close(h.a2, a2, 1e-10, 'a2');
      close(h.nu, nu, 1e-10, 'nu');
    });

  for (const name of ['tanh', 'sigmoid', 'gelu'])
    it(`of ${name} match a 200-point Gauss–Hermite rule to 1e-10`, () => {
      const { fn } = activation(name);
      const { nodes, weights } = gaussHermite(200);
      const gh = (g: (t: number) => number) => nodes.reduce((s, t, i) => s + weights[i] * g(t), 0);
      const h = hermiteCoefficients(name);
      close(h.a0, gh(fn), 1e-10, 'a0');
      close(
        h.a1,
        gh((t) => t * fn(t)),
        1e-10,
        'a1',
      );
      close(
        h.a2,
        gh((t) => ((t * t - 1) * fn(t)) / s2),
        1e-10,
        'a2',
      );
      close(
        h.nu,
        gh((t) => fn(t) ** 2),
        1e-10,
        'nu',
      );
    });

  it('accept any JS function: φ = max(t, 0.2t) equals leaky-relu:0.2', () => {
    const a = hermiteCoefficients((t) => Math.max(t, 0.2 * t));
    const b = hermiteCoefficients('leaky-relu:0.2');
    for (const k of ['a0', 'a1', 'a2', 'nu'] as const) close(a[k], b[k], 1e-12, k);
  });

  it('satisfy ν ≥ a₀² + a₁² + a₂² (Parseval)', () => {
    for (const name of ['relu', 'tanh', 'gelu', 'sigmoid', 'abs']) {
      const h = hermiteCoefficients(name);
      assert.ok(h.nu >= h.a0 ** 2 + h.a1 ** 2 + h.a2 ** 2 - 1e-14, name);
    }
  });
});

describe('activation validation', () => {
  it("rejects a function returning non-finite values with an error naming 'activation'", () => {
    assert.throws(
      () => hermiteCoefficients((t) => Math.log(t)),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'activation',
    );
    assert.throws(
      () => featureKernel((t) => (t > 30 ? Infinity : t), Matrix.identity(2)),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'activation',
    );
  });
  it("rejects unknown names and bad leaky slopes naming 'activation'", () => {
    for (const bad of ['swish', 'leaky-relu:x', 'relu:2'])
      assert.throws(
        () => activation(bad),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'activation',
        bad,
      );
  });
  it('computes erf to 1e-15 against E[erf(ξ)²] = (2/π) arcsin(2/3) by quadrature', () => {
    close(
      expectation((t) => erf(t) ** 2),
      (2 / Math.PI) * Math.asin(2 / 3),
      1e-14,
      'ν_erf',
    );
  });
});

describe('random-feature kernel K = E_w[φ(Xw)φ(Xw)ᵀ]', () => {
  // Three samples with different norms and angles, one pair nearly parallel.
  const x = Matrix.fromRows([
    [0.9, 0.2, -0.3],
    [0.4, -1.1, 0.5],
    [0.85, 0.25, -0.28],
  ]);
  for (const name of ['relu', 'abs', 'leaky-relu:0.1', 'erf', 'sin', 'cos', 'quadratic'])
    it(`is the closed form of ${name}, equal to adaptive 2-D quadrature to 1e-10`, () => {
      const { fn } = activation(name);
      const k = featureKernel(name, x);
      for (let i = 0; i < 3; i++)
        for (let j = 0; j <= i; j++) {
          const aa = x.row(i).reduce((s, v) => s + v * v, 0);
          const bb = x.row(j).reduce((s, v) => s + v * v, 0);
          const ab = x.row(i).reduce((s, v, m) => s + v * x.get(j, m), 0);
          const ref =
            i === j
              ? expectation((t) => fn(Math.sqrt(aa) * t) ** 2)
              : pairExpectation(fn, aa, bb, ab);
          close(k.get(i, j), ref, 1e-10, `${name} K[${i},${j}]`);
        }
    });
  // tanh has poles at ±iπ/(2‖x‖): its rule converges like e^{−c√m} (order 48: 2e-8, 64: 1e-9,
  // 96: 1e-11), GELU and sigmoid (entire, or poles twice as far) already at order 48.
  for (const [name, order] of [
    ['tanh', 128],
    ['gelu', 48],
    ['sigmoid', 48],
  ] as const)
    it(`of ${name} (2-D Gauss–Hermite, order ${order}) matches adaptive 2-D quadrature to 1e-10`, () => {
      const { fn } = activation(name);
      const k = featureKernel(name, x, undefined, { order });
      const norm2 = (i: number) => x.row(i).reduce((s, v) => s + v * v, 0);
      const dot = (i: number, j: number) => x.row(i).reduce((s, v, m) => s + v * x.get(j, m), 0);
      for (const [i, j] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ])
        close(
          k.get(i, j),
          pairExpectation(fn, norm2(i), norm2(j), dot(i, j)),
          1e-10,
          `K[${i},${j}]`,
        );
      close(
        k.get(1, 1),
        expectation((t) => fn(Math.sqrt(norm2(1)) * t) ** 2),
        1e-12,
        'diag',
      );
    });
  it('is symmetric for one argument and K_AB = K_BAᵀ for two', () => {
    const y = Matrix.fromRows([[0.1, 0.7, 0.2]]);
    const kab = featureKernel('tanh', x, y, { order: 128 });
    const kba = featureKernel('tanh', y, x, { order: 128 });
    for (let i = 0; i < 3; i++) close(kab.get(i, 0), kba.get(0, i), 1e-10, 'transpose');
  });
});
