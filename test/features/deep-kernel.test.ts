import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  ckCoefficients,
  deepKernels,
  normalizedActivation,
} from '../../src/features/deep-kernel.js';
import { derivativePairKernel } from '../../src/features/derivative-kernels.js';
import { hermiteCoefficients } from '../../src/features/hermite.js';
import { featureKernel } from '../../src/features/kernel.js';
import {
  conjugateKernelLaw,
  linearizedConjugateKernel,
  linearizedKernel,
} from '../../src/features/linearized-kernel.js';
import {
  ckRemainderNorm,
  kolmogorovBound,
  layerMapSeries,
  quadraticConjugateKernel,
} from '../../src/features/quadratic-kernel.js';
import { eigvalsh } from '../../src/linalg/api.js';
import { setBlasThreads } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { sphereRows } from '../../src/random/sphere.js';
import { kolmogorovDistance } from '../../src/rmt/kolmogorov.js';
import { pairExpectation } from './reference.js';

let blasThreads: ReturnType<typeof setBlasThreads>;
before(() => {
  blasThreads = setBlasThreads(1);
});
after(() => {
  if (blasThreads) setBlasThreads(blasThreads);
});

function difference(a: Matrix, b: Matrix): Matrix {
  return Matrix.fromRowMajor(
    a.rows,
    a.cols,
    a.data.map((v, k) => v - b.data[k]),
  );
}

function spectralNorm(a: Matrix): number {
  const v = eigvalsh(a);
  return Math.max(-v[0], v[v.length - 1]);
}

/** sup |F_a − F_b| between two empirical distributions. */
function twoSample(a: Float64Array, b: Float64Array): number {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let worst = 0;
  while (i < sa.length || j < sb.length) {
    const v = Math.min(sa[i] ?? Infinity, sb[j] ?? Infinity);
    while (i < sa.length && sa[i] <= v) i++;
    while (j < sb.length && sb[j] <= v) j++;
    worst = Math.max(worst, Math.abs(i / sa.length - j / sb.length));
  }
  return worst;
}

describe('linearised kernel K̃ and the conjugate-kernel recursion', () => {
  // ‖K − K̃‖ = O(n^{−1/2}): the budget is the 0.02 at n = 2000 scaled by √(2000/n).
  // p = 2n keeps the Marchenko–Pastur edges soft (at p = n the hard edge at 0 turns an O(n^{−1/2})
  // spectral error into a larger Kolmogorov distance: 0.036 measured at n = p = 2000,
  // bench/features.ts).
  const n = 300;
  const p = 600;
  const tol = 0.02 * Math.sqrt(2000 / n);
  const x = sphereRows(n, p, 5);
  it(`ReLU, one layer: the spectrum of K is within ${tol.toFixed(3)} (Kolmogorov) of K̃'s at n = ${n}, p = ${p}`, () => {
    const d = twoSample(eigvalsh(featureKernel('relu', x)), eigvalsh(linearizedKernel('relu', x)));
    assert.ok(d <= tol, `distance ${d}`);
  });
  it(`normalised ReLU, 3 layers: K_CK,3 within ${tol.toFixed(3)} of K̃_3 and of α₁²·MP(n/p) + 1 − α₁²`, () => {
    const [, , third] = ckCoefficients('relu', 3);
    const { ck } = deepKernels(x, 'relu', 3);
    const values = eigvalsh(ck[2]);
    const d = twoSample(values, eigvalsh(linearizedConjugateKernel(x, third.alpha1, third.alpha2)));
    assert.ok(d <= tol, `K̃ distance ${d}`);
    const law = conjugateKernelLaw(n / p, third.alpha1);
    const bulk = values.subarray(0, n - 1); // the α₂²-spike and the 11ᵀ direction sit outside
    assert.ok(kolmogorovDistance(bulk, law.cdf) <= tol, 'law distance');
  });
  it('at n = p = 300 (hard edge) K_CK,ℓ − K̂_ℓ (second-order equivalent) is within the remainder bound ε(n, p) in spectral norm, K_CK,ℓ − K̃_ℓ is not, and the Kolmogorov distance stays in the Weyl window of width 2ε', () => {
    const m = 300;
    const square = sphereRows(m, m, 6);
    const series = layerMapSeries('relu', 3, 8);
    const { ck } = deepKernels(square, 'relu', 3);
    ckCoefficients('relu', 3).forEach(({ alpha1, alpha2 }, l) => {
      const eps = ckRemainderNorm(m, m, series[l]);
      const quadratic = quadraticConjugateKernel(square, alpha1, alpha2);
      const linear = linearizedConjugateKernel(square, alpha1, alpha2);
      const residual = spectralNorm(difference(ck[l], quadratic));
      // Measured: 2.0e-4 / 2.7e-3 / 4.5e-3 against ε = 5.2e-4 / 5.8e-3 / 1.0e-2.
      assert.ok(residual <= eps, `ℓ=${l + 1}: ‖K − K̂‖ = ${residual} > ε = ${eps}`);
      assert.ok(spectralNorm(difference(ck[l], linear)) > 4 * eps, `ℓ=${l + 1}: K̃ within 4ε`);
      // Weyl: every eigenvalue moves by ≤ ε, so F_K(x) lies between F_K̂(x ∓ ε).
      const values = eigvalsh(ck[l]);
      const reference = eigvalsh(quadratic);
      const d = twoSample(values, reference);
      assert.ok(d <= kolmogorovBound(reference, eps), `ℓ=${l + 1}: distance ${d}`);
    });
  });
  it("Weyl's window bound counts the most eigenvalues within 2ε of each other (exact small case)", () => {
    assert.equal(kolmogorovBound([0, 0.1, 0.15, 1], 0.05), 0.5);
    assert.equal(kolmogorovBound([0, 0.1, 0.15, 1], 0.1), 0.75);
    assert.equal(kolmogorovBound([0, 1], 0), 0.5);
  });
  it('the layer-map series has c₁ = α₁², c₂ = α₂², non-negative terms summing to ≤ 1, and sums to the composed closed-form map (ReLU, ℓ = 1…3)', () => {
    const series = layerMapSeries('relu', 3, 10);
    ckCoefficients('relu', 3).forEach(({ alpha1, alpha2 }, l) => {
      const c = series[l];
      assert.ok(Math.abs(c[1] - alpha1 ** 2) < 1e-12 && Math.abs(c[2] - alpha2 ** 2) < 1e-12);
      assert.ok(c.every((v) => v >= -1e-15));
      const total = c.reduce((a, b) => a + b, 0);
      assert.ok(total <= 1 + 1e-12, `ℓ=${l + 1}: Σc = ${total}`);
      // At ρ = 1/2 the truncated series equals the composed closed-form map f_ℓ up to its tail,
      // which is at most (1 − Σc)·2^{−11} since the left-out coefficients sum to 1 − Σc.
      const act = normalizedActivation('relu');
      let exact = 0.5;
      for (let k = 0; k <= l; k++) exact = act.kernel!(1, 1, exact);
      const truncated = c.reduce((a, v, k) => a + v * 0.5 ** k, 0);
      assert.ok(exact - truncated >= -1e-12 && exact - truncated <= (1 - total) / 2 ** 11 + 1e-12);
    });
    // ReLU's odd Hermite coefficients vanish beyond the first: c_{1,3} = 0.
    assert.ok(Math.abs(series[0][3]) < 1e-14);
  });
  it('normalised activations have a₀ = 0 and ν = 1 to 1e-12, and α₁ decays to 0 with depth (curse of depth)', () => {
    for (const name of ['relu', 'tanh', 'gelu']) {
      const h = hermiteCoefficients(normalizedActivation(name));
      assert.ok(Math.abs(h.a0) < 1e-12 && Math.abs(h.nu - 1) < 1e-12, name);
    }
    const c = ckCoefficients('relu', 40);
    for (let l = 1; l < c.length; l++) assert.ok(c[l].alpha1 < c[l - 1].alpha1);
    assert.ok(c[39].alpha1 < 1e-2);
    const a = hermiteCoefficients(normalizedActivation('relu'));
    // α₂² = Σ_k a₁^{2(ℓ−1−k)}a₂²α_{k,1}⁴ = a₂²(a₁⁴ + a₁⁶ + a₁⁸) at ℓ = 3 for one activation.
    assert.ok(Math.abs(c[2].alpha2 ** 2 - a.a2 ** 2 * (a.a1 ** 4 + a.a1 ** 6 + a.a1 ** 8)) < 1e-14);
  });
  it('α_{ℓ,1}² and α_{ℓ,2}² are f_ℓ′(0) and f_ℓ″(0)/2 of the composed ReLU layer map to 1e-6', () => {
    // f(ρ) = E[φ̃(u)φ̃(v)] for unit variances and correlation ρ; K_CK,ℓ(i, j) = f_ℓ(x_iᵀx_j).
    const act = normalizedActivation('relu');
    const f = (r: number) => act.kernel!(1, 1, r);
    const c = ckCoefficients('relu', 4);
    let fl = (r: number) => r;
    const h = 1e-3;
    for (let l = 0; l < 4; l++) {
      const inner = fl;
      fl = (r) => f(inner(r));
      const d1 = (fl(h) - fl(-h)) / (2 * h);
      const d2 = (fl(h) - 2 * fl(0) + fl(-h)) / (2 * h * h);
      assert.ok(Math.abs(d1 - c[l].alpha1 ** 2) < 1e-6, `ℓ=${l + 1}: ${d1}`);
      assert.ok(Math.abs(d2 - c[l].alpha2 ** 2) < 1e-6, `ℓ=${l + 1}: ${d2} vs ${c[l].alpha2 ** 2}`);
    }
  });
  it('NTK recursion: linear activation gives K_CK,ℓ = XXᵀ and K_NTK,ℓ = (ℓ+1)XXᵀ to 1e-12', () => {
    const small = sphereRows(20, 30, 1);
    const { ck, ntk } = deepKernels(small, 'linear', 3, { ntk: true });
    const g = featureKernel('linear', small);
    for (let l = 0; l < 3; l++)
      for (let k = 0; k < g.data.length; k++) {
        assert.ok(Math.abs(ck[l].data[k] - g.data[k]) < 1e-12);
        assert.ok(Math.abs(ntk![l].data[k] - (l + 2) * g.data[k]) < 1e-12);
      }
  });
  it('derivative kernels E[φ′(u)φ′(v)] match adaptive 2-D quadrature to 1e-9', () => {
    const cases: [string, (t: number) => number][] = [
      ['relu', (t) => (t > 0 ? 1 : 0)],
      ['leaky-relu:0.2', (t) => (t > 0 ? 1 : 0.2)],
      ['erf', (t) => (2 / Math.sqrt(Math.PI)) * Math.exp(-t * t)],
      ['sin', Math.cos],
      ['tanh', (t) => 1 - Math.tanh(t) ** 2],
    ];
    for (const [name, d] of cases) {
      const k = derivativePairKernel(name, 96);
      const ref = pairExpectation(d, 0.9, 1.2, 0.4);
      assert.ok(Math.abs(k(0.9, 1.2, 0.4) - ref) < 1e-9, `${name}: ${k(0.9, 1.2, 0.4)} vs ${ref}`);
    }
  });
  it("rejects depth < 1 naming 'depth'", () => {
    assert.throws(
      () => ckCoefficients('relu', 0),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'depth',
    );
  });
});
