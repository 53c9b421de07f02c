import { solveDelta } from './effective-ridge.js';
import { FEATURE_PARAMS } from './params.js';
import { type RandomFeaturesData, type RfSpectrum, rfSpectrum } from './rf-spectrum.js';

/** One point of the theory curve. */
export interface RfTheoryPoint {
  /** N/n. */
  ratio: number;
  gamma: number;
  /** N = ratio·n (need not be an integer for the theory). */
  features: number;
  /** δ of the fixed point (Infinity at a ridgeless divergence). */
  delta: number;
  /** Effective ridge s = γ(1+δ) (kernel ridge s/c on K). */
  effectiveRidge: number;
  /** Deterministic equivalent of the training MSE (1/n)‖y − Σᵀβ‖². */
  train: number;
  /** Deterministic equivalent of the test MSE (1/n̂)‖ŷ − Σ̂ᵀβ‖² (NaN without test data). */
  test: number;
  converged: boolean;
}

/**
 * Training and test MSE of random-feature ridge regression, β = (ΣΣᵀ/n + γI)⁻¹Σy/n with
 * Σ = φ(WXᵀ), W (N×p) iid N(0, 1), from their deterministic equivalents (LLC18, Theorems 2–3;
 * docs/theory.md §15) for every ratio N/n and every γ ≥ 0, reusing one eigendecomposition of K.
 * With c = N/n, s = γ(1+δ), r_i = cλ_i/(cλ_i+s), g_i = 1 − r_i and ỹ = Uᵀy:
 *   E_train = (1/n) Σ ỹ_i² g_i² [1 + cλ_i·B/(1 − ρ₂)],  B = (1/N)Σ cλ_j/(cλ_j+s)², ρ₂ = (1/N)Σ r_j²;
 *   E_test  = (1/n̂)‖ŷ − K_{X̂X}(K + (s/c)I)⁻¹y‖² + [(1/n)Σ ỹ_i² cλ_i/(cλ_i+s)²]/(1 − ρ₂)
 *             · [(1/n̂) tr K_{X̂X̂} − (1/n̂) Σ_i c‖(UᵀK_{XX̂})_i‖²(1 + g_i)/(cλ_i+s)].
 * The ridgeless limit γ = 0 is exact on both sides of N = rank K (pseudo-inverse when s = 0);
 * at N = rank K the test error is Infinity.
 * @throws {InvalidArgumentError} naming 'ratio' (≤ 0) or 'gamma' (< 0), and those of
 * {@link rfSpectrum} when given data.
 * @example rfTheory({ x, y, xTest, yTest, activation: 'relu' }, logGrid(0.1, 10, 60), [1e-5, 1e-1])
 */
export function rfTheory(
  source: RfSpectrum | RandomFeaturesData,
  ratios: readonly number[],
  gammas: readonly number[],
): RfTheoryPoint[] {
  for (const c of ratios) FEATURE_PARAMS.ratio.check('ratio', c);
  for (const g of gammas) FEATURE_PARAMS.gamma.check('gamma', g);
  const spectrum = 'values' in source ? source : rfSpectrum(source);
  const points: RfTheoryPoint[] = [];
  for (const gamma of gammas)
    for (const ratio of ratios) points.push(evaluate(spectrum, ratio, gamma));
  return points;
}

function evaluate(spectrum: RfSpectrum, c: number, gamma: number): RfTheoryPoint {
  const { n, values, yRotated: yr, test } = spectrum;
  const solution = solveDelta(values, c, gamma);
  const s = solution.value;
  const N = c * n;
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  const zero = 1e-12 * max;
  const positive = (v: number) => v > zero;
  // Per-eigenvalue pieces; at s = 0 the null space of K drops out (pseudo-inverse).
  let rho2 = 0;
  let b = 0;
  let signal = 0;
  for (let i = 0; i < n; i++) {
    if (!positive(values[i])) continue;
    const cl = c * values[i];
    const r = cl / (cl + s);
    rho2 += r * r;
    b += cl / (cl + s) ** 2;
    signal += yr[i] ** 2 * (cl / (cl + s) ** 2);
  }
  rho2 /= N;
  b /= N;
  signal /= n;
  const gap = 1 - rho2;
  let train = 0;
  for (let i = 0; i < n; i++) {
    const cl = c * Math.max(values[i], 0);
    const g = positive(values[i]) ? s / (cl + s) : 1;
    if (g === 0) continue;
    train += yr[i] ** 2 * g * g * (1 + (cl * b) / gap);
  }
  train /= n;
  let testError = NaN;
  if (test) {
    const m = test.y.length;
    const omega = new Float64Array(n);
    let removed = 0;
    for (let i = 0; i < n; i++) {
      if (!positive(values[i]) && s === 0) continue;
      const cl = c * Math.max(values[i], 0);
      omega[i] = (c / (cl + s)) * yr[i];
      removed += (c * test.crossNorms[i] * (1 + s / (cl + s))) / (cl + s);
    }
    const prediction = new Float64Array(m);
    const cross = test.crossRotated.data;
    for (let i = 0; i < n; i++) {
      const w = omega[i];
      if (w === 0) continue;
      for (let j = 0; j < m; j++) prediction[j] += cross[i * m + j] * w;
    }
    let bias = 0;
    for (let j = 0; j < m; j++) bias += (test.y[j] - prediction[j]) ** 2;
    bias /= m;
    const variance = (signal / gap) * (test.meanTestDiagonal - removed / m);
    testError = gap <= 0 ? Infinity : bias + variance;
  }
  return {
    ratio: c,
    gamma,
    features: N,
    delta: solution.delta,
    effectiveRidge: s,
    train: gap <= 0 && train > 0 ? Infinity : train,
    test: testError,
    converged: solution.converged,
  };
}
