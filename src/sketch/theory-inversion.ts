import { InvalidArgumentError } from '../errors.js';
import { SKETCH_THEORY_PARAMS, sketchSizeAbove } from './theory-params.js';

/**
 * The exact inversion bias m/(m − d − 1) of a Gaussian sketch: for an m×n Gaussian S with
 * E[SᵀS] = I and A of full column rank d, E[(AᵀSᵀSA)⁻¹] = m/(m − d − 1)·(AᵀA)⁻¹ although
 * E[AᵀSᵀSA] = AᵀA (docs/theory.md §12.5). AᵀSᵀSA = Rᵀ(WᵀW/m)R with A = UR and W = √m·S·U an m×d
 * standard Gaussian matrix, and E[(WᵀW)⁻¹] = I/(m − d − 1) (inverse Wishart). Exact at every
 * finite size for Gaussian sketches only; see {@link asymptoticInversionBias} for the others.
 * Dividing the inverse by this factor, i.e. using ((m/(m − d − 1))·AᵀSᵀSA)⁻¹, removes the bias.
 * @param d the column rank of A (integer ≥ 1).
 * @param m the sketch size (integer > d + 1).
 * @throws {InvalidArgumentError} naming 'd' or 'm'.
 * @example gaussianInversionBias(50, 201) // 201/150 = 1.34
 */
export function gaussianInversionBias(d: number, m: number): number {
  SKETCH_THEORY_PARAMS.d.check('d', d);
  sketchSizeAbove(d + 1).check('m', m);
  return m / (m - d - 1);
}

/**
 * The asymptotic inversion bias m/(m − d) of Dereziński, Liao, Dobriban and Mahoney (2021): for
 * an m×n sketch whose √m-scaled entries are iid sub-Gaussian with unit variance (Gaussian,
 * Rademacher, uniform), ((m/(m − d))·AᵀSᵀSA)⁻¹ is an (ε, δ)-unbiased estimator of (AᵀA)⁻¹ with
 * ε = O(√d/m) (docs/theory.md §12.5). It is not exact for any sketch: for a Gaussian one it
 * differs from the exact {@link gaussianInversionBias} by the factor (m − d)/(m − d − 1), a
 * relative O(1/m) that the O(√d/m) guarantee covers. Sparse and sampling sketches are debiased
 * by the same factor only approximately, and only where they Gaussianize (e.g. leverage-score
 * sampling, LESS).
 * @param d the column rank of A (integer ≥ 1).
 * @param m the sketch size (integer > d).
 * @throws {InvalidArgumentError} naming 'd' or 'm'.
 * @example asymptoticInversionBias(50, 200) // 200/150 = 1.333…
 */
export function asymptoticInversionBias(d: number, m: number): number {
  SKETCH_THEORY_PARAMS.d.check('d', d);
  sketchSizeAbove(d).check('m', m);
  return m / (m - d);
}

/** tr((AᵀA)⁻¹) and ‖(AᵀA)⁻¹‖²_F, the two invariants the averaging error depends on. */
export interface InverseGramMoments {
  trace: number;
  frobeniusSq: number;
}

/** How each sketched inverse is rescaled before averaging (see {@link averagedInverseError}). */
export type InverseDebiasing = 'exact' | 'asymptotic' | 'none';

/**
 * The mean squared Frobenius error of model averaging: E‖(1/q)Σᵢ c·(AᵀSᵢᵀSᵢA)⁻¹ − (AᵀA)⁻¹‖²_F for
 * the average of q independent rescaled sketched inverses, each Sᵢ an m×n Gaussian sketch with
 * E[SᵀS] = I (docs/theory.md §12.6). With a = m − d − 1, γ = c·m/a (γ = 1 for the exact
 * debiasing c = a/m, (a + 1)/a for the asymptotic c = (m − d)/m, m/a for none), T = tr((AᵀA)⁻¹)
 * and F = ‖(AᵀA)⁻¹‖²_F, the inverse-Wishart second moments give
 *   error = (γ − 1)²·F + (γ²/q)·((a + 2)·F + a·T²)/((a + 1)(a − 2)),
 * exact at every finite size: a bias that averaging keeps and a variance that falls like 1/q.
 * For AᵀA = I the variance term is about d²/m per sketch, a relative error d/m.
 * @param d the column rank of A (integer ≥ 1).
 * @param m the sketch size (integer > d + 3, where the second moments are finite).
 * @param q the number of averaged sketches (integer ≥ 1).
 * @param inverseGram tr((AᵀA)⁻¹) and ‖(AᵀA)⁻¹‖²_F (both ≥ 0).
 * @param debias the rescaling c: 'exact' (m − d − 1)/m (default), 'asymptotic' (m − d)/m or
 * 'none' (c = 1).
 * @throws {InvalidArgumentError} naming 'd', 'm', 'q', 'inverseGram.trace',
 * 'inverseGram.frobeniusSq' or 'debias'.
 * @example averagedInverseError(10, 40, 4, { trace: 10, frobeniusSq: 10 }) // ≈ 0.99
 */
export function averagedInverseError(
  d: number,
  m: number,
  q: number,
  inverseGram: InverseGramMoments,
  debias: InverseDebiasing = 'exact',
): number {
  SKETCH_THEORY_PARAMS.d.check('d', d);
  sketchSizeAbove(d + 3).check('m', m);
  SKETCH_THEORY_PARAMS.q.check('q', q);
  const t = SKETCH_THEORY_PARAMS.squaredNorm.check('inverseGram.trace', inverseGram.trace);
  const f = SKETCH_THEORY_PARAMS.squaredNorm.check(
    'inverseGram.frobeniusSq',
    inverseGram.frobeniusSq,
  );
  const a = m - d - 1;
  const gamma = debiasedBias(debias, a, m);
  const variance = ((a + 2) * f + a * t * t) / ((a + 1) * (a - 2));
  return (gamma - 1) ** 2 * f + (gamma * gamma * variance) / q;
}

/** γ = c·m/a, the mean of one rescaled inverse in units of (AᵀA)⁻¹. */
function debiasedBias(debias: InverseDebiasing, a: number, m: number): number {
  switch (debias) {
    case 'exact':
      return 1;
    case 'asymptotic':
      return (a + 1) / a;
    case 'none':
      return m / a;
    default:
      throw new InvalidArgumentError('debias', "must be 'exact', 'asymptotic' or 'none'", debias);
  }
}
