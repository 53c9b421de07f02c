import type { CovarianceModel } from '../covariance/model.js';
import { InvalidArgumentError, VerificationError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import { deformedLaw } from '../rmt/deformed/law.js';
import { diagonalPencil, generalPencil } from '../rmt/deformed/pencil.js';
import { verifySpectrum } from '../rmt/verify-spectrum.js';
import { SSR_PARAMS } from './params.js';
import { spectrumScales } from './spectrum-delta.js';
import { mapCurve, type SpectrumCurve, silversteinCurve } from './spectrum-map.js';

/** How the deterministic equivalent of the spectrum of Â is computed (docs/theory.md §3). */
export type SpectrumMethod = 'auto' | 'diagonal' | 'general' | 'mp';

/** The theoretical spectrum of Â at (α, λ). */
export interface SsrSpectrumTheory extends SpectrumCurve {
  method: 'diagonal' | 'general' | 'mp';
  alpha: number;
  lambda: number;
  kappa: number;
  /** Bulk components [lo, hi] of Â's spectrum (atoms are zero-width intervals). */
  edges: Array<[number, number]>;
  /**
   * Locations of separated eigenvalues: components holding about one eigenvalue (mass·d ∈
   * [0.5, 1.5]); pieces holding under half an eigenvalue are no components at all.
   */
  outliers: number[];
  /** RMS of Δ_k/Δ̄ − 1 (the `mp` path assumes it is small). */
  deltaSpread: number;
}

/**
 * The deterministic-equivalent spectrum of the SSR matrix Â (docs/theory.md §3): κ(λ, α), Δ =
 * diag(R), the law of ν over N = Δ^{1/2} Σ̂ Δ^{1/2} + λΔ = B + T^{1/2} W T^{1/2} (B = λΔ, T =
 * Δ^{1/2}ΣΔ^{1/2}), and the change of variable a = 1 − (λ/κ)/ν (density f_a = f_ν · (λ/κ)/(1 −
 * a)²). Methods: `diagonal` (Σ diagonal: commuting, exact, O(d) per point), `general` (any Σ: one
 * symmetric eigenvalue solve of the d×d pencil per point), `mp` (Δ ≈ Δ̄ I: N ≈ Δ̄(Σ̂ + λI), so Â's
 * spectrum is a monotone map of the generalised Marchenko–Pastur law of Σ̂; exact for d → ∞
 * Toeplitz symbols and spread spikes). `auto` picks diagonal for a diagonal Σ, else mp when the RMS
 * spread of Δ is below `spreadLimit` (default 0.01), else general. The result verifies itself
 * ({@link verifySpectrum}: component masses sum to 1 within max(0.01/d, 1e-6), F monotone, density
 * ≥ 0, every root converged) and is refused when it does not.
 * @throws {InvalidArgumentError} naming 'alpha', 'lambda', 'method' (general on a d = ∞ model,
 *   diagonal on a non-diagonal Σ) or 'gridPoints'.
 * @throws {VerificationError} when the computed spectrum fails its self-check.
 * @example ssrSpectrumTheory(ar1Covariance(0.5, 1000), 2, 0.1).edges
 */
export function ssrSpectrumTheory(
  model: CovarianceModel,
  alpha: number,
  lambda: number,
  options: { method?: SpectrumMethod; gridPoints?: number; spreadLimit?: number } = {},
): SsrSpectrumTheory {
  SSR_PARAMS.alpha.check('alpha', alpha);
  SSR_PARAMS.lambda.check('lambda', lambda);
  const { gridPoints = 400, spreadLimit = 0.01 } = options;
  if (!Number.isInteger(gridPoints) || gridPoints < 16)
    throw new InvalidArgumentError('gridPoints', 'must be an integer ≥ 16', gridPoints);
  const form = model.spectrum();
  const scales = spectrumScales(form, alpha, lambda);
  const diagonal = form.coordinates.kind === 'identity';
  let method = options.method ?? 'auto';
  if (method === 'auto')
    method = diagonal
      ? 'diagonal'
      : scales.spread < spreadLimit || model.d === Infinity
        ? 'mp'
        : 'general';
  if (method === 'diagonal' && !diagonal)
    throw new InvalidArgumentError(
      'method',
      'diagonal needs a diagonal Σ; use general or mp',
      method,
    );
  if (method === 'general' && model.d === Infinity)
    throw new InvalidArgumentError(
      'method',
      'general needs a finite d; use mp for a d → ∞ model',
      method,
    );
  const c = 1 / alpha;
  const r = scales.shrink;
  let curve: SpectrumCurve;
  if (method === 'mp') {
    // N ≈ Δ̄(Σ̂ + λ): a = 1 − r/(Δ̄(s + λ)) over the sample spectrum s.
    const m = scales.mean;
    const law = silversteinCurve(form, c, model.d, gridPoints);
    curve = mapCurve(
      law,
      (s) => 1 - r / (m * (s + lambda)),
      (s) => r / (m * (s + lambda) ** 2),
      (a) => (a >= 1 ? Infinity : r / (m * (1 - a)) - lambda),
    );
  } else {
    const delta = scales.delta;
    const b = Float64Array.from(delta, (v) => lambda * v);
    let pencil;
    if (method === 'diagonal')
      pencil = diagonalPencil(
        b,
        Float64Array.from(form.values, (s, k) => s * delta[k]),
        c,
      );
    else {
      const sigma = model.matrix();
      const d = sigma.rows;
      const t = Matrix.zeros(d, d);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++)
          t.data[i * d + j] = Math.sqrt(delta[i] * delta[j]) * sigma.data[i * d + j];
      pencil = generalPencil(b, t, c);
    }
    const law = deformedLaw(pencil, c, { gridPoints });
    if (!law.verification.verified)
      throw new VerificationError(`${method} spectrum solver`, law.verification.problems);
    curve = mapCurve(
      law,
      (v) => 1 - r / v,
      (v) => r / (v * v),
      (a) => (a >= 1 ? Infinity : r / (1 - a)),
    );
  }
  const check = verifySpectrum(curve, model.d);
  if (!check.verified) throw new VerificationError(`${method} spectrum solver`, check.problems);
  const edges = curve.components
    .filter((k) => !k.outlier)
    .map((k): [number, number] => [k.lo, k.hi]);
  const outliers = curve.components.filter((k) => k.outlier).map((k) => k.mean);
  return {
    ...curve,
    method,
    alpha,
    lambda,
    kappa: scales.kappa,
    edges,
    outliers,
    deltaSpread: scales.spread,
  };
}
