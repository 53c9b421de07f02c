import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ar1Covariance,
  spikedCovariance,
  symbolSpectrum,
  toeplitzCovariance,
} from '../../src/covariance/index.js';
import { eigh } from '../../src/linalg/api.js';
import { diagonalSpectrum, eigenSpectrum } from '../../src/rmt/spectral-form.js';
import { irreducibleError, optimalLambda, solveKappa, ssrTheory } from '../../src/ssr/index.js';
import { dfPerDimension } from '../../src/ssr/kappa.js';

const EPS = Number.EPSILON;
const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what} ${actual} vs ${expected} (rel ${rel})`,
  );

/** Σ = I: τ₁ = 1/(1+κ), so λ = κ − κ/(α(1+κ)) is the quadratic κ² + bκ − λ = 0, b = 1 − 1/α − λ. */
function isotropicKappa(alpha: number, lambda: number): number {
  const b = 1 - 1 / alpha - lambda;
  const root = Math.sqrt(b * b + 4 * lambda);
  return b > 0 ? (2 * lambda) / (b + root) : (root - b) / 2;
}

describe('κ(λ) solver', () => {
  // Four unit nodes with weight 1/4: the traces are exact in binary, so the only error is the
  // root's conditioning: δκ/κ ≈ ε/F′(κ), F′ = 1 − df₂/n = 1 − 1/(α(1+κ)²).
  const identity = diagonalSpectrum(new Float64Array(4).fill(1));
  const slope = (alpha: number, kappa: number) => 1 - 1 / (alpha * (1 + kappa) ** 2);

  it('matches the closed-form κ of Σ = I to its conditioning over α ∈ [0.3, 5], λ ∈ [1e-3, 10]', () => {
    for (const alpha of [0.3, 0.7, 1, 1.5, 5]) {
      for (const lambda of [1e-3, 0.1, 1, 10]) {
        const s = solveKappa(identity, alpha, lambda);
        const expected = isotropicKappa(alpha, lambda);
        assert.ok(s.converged);
        close(s.value, expected, (8 * EPS) / slope(alpha, expected), `α = ${alpha}, λ = ${lambda}`);
      }
    }
  });

  it('gives the ridgeless κ₀ = 1/α − 1 of Σ = I for α < 1 and κ = 0 for α > 1', () => {
    for (const alpha of [0.1, 0.3, 0.9])
      close(
        solveKappa(identity, alpha, 0).value,
        1 / alpha - 1,
        (8 * EPS) / slope(alpha, 1 / alpha - 1),
        `α = ${alpha}`,
      );
    assert.equal(solveKappa(identity, 2, 0).value, 0);
  });

  it('solves λ = κ(1 − df₁/n) to rounding for AR(1) (ρ = 0.9) at every λ, including tiny ones', () => {
    const form = ar1Covariance(0.9, Infinity).spectrum();
    for (const alpha of [0.3, 1, 5]) {
      for (const lambda of [0, 1e-12, 1e-3, 1, 10, 1e6]) {
        const s = solveKappa(form, alpha, lambda);
        assert.ok(
          s.converged && s.iterations < 60,
          `α = ${alpha}, λ = ${lambda}: ${JSON.stringify(s)}`,
        );
        const { tau1 } = dfPerDimension(form, s.value);
        assert.ok(
          Math.abs(s.value * (1 - tau1 / alpha) - lambda) <= 8 * EPS * (lambda + s.value),
          `α = ${alpha}, λ = ${lambda}`,
        );
      }
    }
  });

  it('rejects α ≤ 0 and λ < 0, naming them', () => {
    assert.throws(() => solveKappa(identity, 0, 1), /alpha must be > 0\. Value: 0\./);
    assert.throws(() => solveKappa(identity, 1, -0.5), /lambda must be ≥ 0\. Value: -0\.5\./);
  });
});

describe('deterministic-equivalent errors', () => {
  it('gives L_gen = mean(σ)/(1 − df₂/n) and L_tr = (λ/κ)²L_gen for a diagonal Σ', () => {
    const sigma = Float64Array.from({ length: 40 }, (_, k) => 0.5 + k / 20);
    const form = diagonalSpectrum(sigma);
    const mean = sigma.reduce((s, v) => s + v, 0) / 40;
    for (const p of ssrTheory(form, [
      { alpha: 0.5, lambda: 0.1 },
      { alpha: 3, lambda: 2 },
    ])) {
      const { tau2 } = dfPerDimension(form, p.kappa);
      close(p.genError, mean / (1 - tau2 / p.alpha), 8 * EPS);
      close(p.trainError, (p.lambda / p.kappa) ** 2 * p.genError, 8 * EPS);
    }
  });

  it('reaches the ridgeless limits continuously: irreducible/(1 − 1/α) for α > 1, a finite interpolator error for α < 1', () => {
    const form = ar1Covariance(0.6, Infinity).spectrum();
    const irreducible = irreducibleError(form);
    const [zero, tiny] = ssrTheory(form, [
      { alpha: 2, lambda: 0 },
      { alpha: 2, lambda: 1e-9 },
    ]);
    close(zero.genError, irreducible / (1 - 1 / 2), 16 * EPS);
    close(zero.trainError, (1 - 1 / 2) * irreducible, 16 * EPS);
    close(tiny.genError, zero.genError, 1e-8);
    const [under, underTiny] = ssrTheory(form, [
      { alpha: 0.5, lambda: 0 },
      { alpha: 0.5, lambda: 1e-9 },
    ]);
    assert.equal(under.trainError, 0);
    close(underTiny.genError, under.genError, 1e-7);
    assert.equal(ssrTheory(form, [{ alpha: 1, lambda: 0 }])[0].genError, Infinity);
  });

  it('has the AR(1) irreducible error (1−ρ²)/(1+ρ²) at d = ∞ and its exact finite-d value', () => {
    for (const rho of [0.2, 0.5, 0.9]) {
      close(
        irreducibleError(ar1Covariance(rho, Infinity).spectrum()),
        (1 - rho ** 2) / (1 + rho ** 2),
        1e-13,
        `ρ = ${rho}`,
      );
      const d = 60;
      // 1/[Σ⁻¹]_kk: interior (1−ρ²)/(1+ρ²), the two ends 1 − ρ² (Σ⁻¹ tridiagonal).
      const exact = (((d - 2) * (1 - rho ** 2)) / (1 + rho ** 2) + 2 * (1 - rho ** 2)) / d;
      close(
        irreducibleError(ar1Covariance(rho, d).spectrum()),
        exact,
        1e-11,
        `ρ = ${rho}, d = ${d}`,
      );
    }
  });

  it('matches the AR(1) closed form df₁/d = (1−ρ²)/√(A² − B²) of the spectral symbol', () => {
    const rho = 0.8;
    const form = ar1Covariance(rho, Infinity).spectrum();
    for (const kappa of [1e-4, 0.05, 1, 30]) {
      const a = 1 - rho ** 2 + kappa * (1 + rho ** 2);
      const b = 2 * rho * kappa;
      close(
        dfPerDimension(form, kappa).tau1,
        (1 - rho ** 2) / Math.sqrt(a * a - b * b),
        1e-13,
        `κ = ${kappa}`,
      );
    }
  });

  it('agrees between finite-d AR(1) (eigendecomposition) and d = ∞ (symbol) up to O(1/d) boundary effects', () => {
    const d = 400;
    const points = [
      { alpha: 0.5, lambda: 0.01 },
      { alpha: 2, lambda: 0.1 },
      { alpha: 5, lambda: 1 },
    ];
    const finite = ssrTheory(ar1Covariance(0.5, d).spectrum(), points);
    const limit = ssrTheory(ar1Covariance(0.5, Infinity).spectrum(), points);
    for (let i = 0; i < points.length; i++)
      close(finite[i].genError, limit[i].genError, 4 / d, JSON.stringify(points[i]));
  });

  it('gives the same answers from the closed-form spiked spectrum as from an eigendecomposition of I + θuuᵀ', () => {
    const model = spikedCovariance(3, 80, 4);
    const { values, vectors } = eigh(model.matrix());
    const points = [
      { alpha: 0.4, lambda: 0 },
      { alpha: 0.4, lambda: 0.2 },
      { alpha: 3, lambda: 0.01 },
    ];
    const closed = ssrTheory(model.spectrum(), points);
    const dense = ssrTheory(eigenSpectrum(values, vectors), points);
    for (let i = 0; i < points.length; i++) {
      close(closed[i].kappa, dense[i].kappa, 1e-12);
      close(closed[i].genError, dense[i].genError, 1e-12);
    }
  });

  it('gives the AR(1) theory from a Toeplitz autocovariance, at finite d and d = ∞', () => {
    const gamma = Float64Array.from({ length: 70 }, (_, k) => 0.5 ** k);
    const points = [
      { alpha: 0.7, lambda: 0.05 },
      { alpha: 3, lambda: 0 },
    ];
    const viaToeplitz = ssrTheory(toeplitzCovariance(gamma, Infinity).spectrum(), points);
    const viaAr1 = ssrTheory(ar1Covariance(0.5, Infinity).spectrum(), points);
    for (let i = 0; i < points.length; i++)
      close(viaToeplitz[i].genError, viaAr1[i].genError, 1e-12);
    const finite = ssrTheory(toeplitzCovariance(gamma.subarray(0, 50)).spectrum(), points);
    const finiteAr1 = ssrTheory(ar1Covariance(0.5, 50).spectrum(), points);
    for (let i = 0; i < points.length; i++) close(finite[i].genError, finiteAr1[i].genError, 1e-11);
  });

  it('evaluates a curve in one batch exactly as point by point', () => {
    const form = spikedCovariance(2, 300, 1).spectrum();
    const points = Array.from({ length: 30 }, (_, i) => ({
      alpha: 0.3 + i / 6,
      lambda: 10 ** (-3 + i / 7),
    }));
    const batch = ssrTheory(form, points);
    points.forEach((p, i) => close(batch[i].genError, ssrTheory(form, [p])[0].genError, 1e-13));
  });

  it('finds the optimal λ: no smaller error nearby nor anywhere on a fine grid', () => {
    const form = ar1Covariance(0.7, Infinity).spectrum();
    for (const alpha of [0.5, 2]) {
      const { point, converged } = optimalLambda(form, alpha);
      assert.ok(converged);
      const around = ssrTheory(
        form,
        [0.999, 1.001].map((f) => ({ alpha, lambda: point.lambda * f })),
      );
      for (const p of around) assert.ok(p.genError >= point.genError * (1 - 4 * EPS));
      const fine = ssrTheory(
        form,
        Array.from({ length: 200 }, (_, i) => ({ alpha, lambda: 10 ** (-4 + i / 40) })),
      );
      for (const p of fine)
        assert.ok(p.genError >= point.genError * (1 - 4 * EPS), `λ = ${p.lambda}`);
    }
  });

  it('integrates a spectral symbol to 1e-13 (midpoint rule, geometric convergence)', () => {
    const rho = 0.95;
    const form = symbolSpectrum((w) => (1 - rho * rho) / (1 - 2 * rho * Math.cos(w) + rho * rho));
    let mean = 0;
    for (let j = 0; j < form.values.length; j++) mean += form.weights[j] * form.values[j];
    close(mean, 1, 1e-13); // γ₀ = 1
  });
});
