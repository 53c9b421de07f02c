import { InvalidArgumentError } from '../errors.js';
import { svd } from '../linalg/api.js';
import type { Matrix } from '../linalg/matrix.js';

/** What {@link exactMatching} reports. */
export interface ExactMatching {
  /** Numerical rank of the label encoding C_h (d₂×p) and p. */
  encodingRank: number;
  p: number;
  /** Numerical rank of the representation map Γ (d₂×d₁). */
  representationRank: number;
  /**
   * error* per label coordinate: E‖η(X₁) − β*ψ*(X₁)‖²/p for the best linear β*, with X₁ ~ N(0, I)
   * and η(x) = x_{0..p}; 0 exactly when the match is exact.
   */
  errorStar: number;
  /** Whether a linear β with β·ψ*(x) = η(x) for every x exists (error* ≤ 1e-10). */
  holds: boolean;
}

/** Singular values above 1e-10·max count towards the rank. */
export function numericalRank(m: Matrix): number {
  const s = svd(m).s;
  const top = s.length > 0 ? s[0]! : 0;
  return s.filter((v) => v > 1e-10 * top).length;
}

/**
 * The exact-matching check of Proposition 5 (docs/theory.md §16.1) for a linear-Gaussian model:
 * exact matching needs a β with β·C_h = I_p while β cancels the redundancy, so C_h must have full
 * column rank p; the check also measures error* = ‖Wᵀ − P·Wᵀ‖²_F/p, where P projects onto the row
 * space of Γ = C_h·W + M and W = [I_p 0]. With `require`, a failed match throws.
 * @throws {InvalidArgumentError} naming 'encoding' when `require` is set and rank C_h < p or
 * error* > 0, or when the encoding does not have p ≤ d₁ columns and Γ's rows.
 * @example exactMatching(model.encoding, model.gamma).holds // true for encodingRank = p
 */
export function exactMatching(
  encoding: Matrix,
  gamma: Matrix,
  options: { require?: boolean } = {},
): ExactMatching {
  const p = encoding.cols;
  if (encoding.rows !== gamma.rows || p > gamma.cols)
    throw new InvalidArgumentError(
      'encoding',
      `must be d2×p with d2 = ${gamma.rows} and p ≤ d1 = ${gamma.cols}`,
      `${encoding.rows}×${p}`,
    );
  const encodingRank = numericalRank(encoding);
  const { s, vt } = svd(gamma);
  const top = s.length > 0 ? s[0]! : 0;
  const d1 = gamma.cols;
  let captured = 0;
  let representationRank = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j]! <= 1e-10 * top) continue;
    representationRank++;
    // ‖P·Wᵀ‖² adds Σ_i (v_j)_i² over the label coordinates i < p.
    for (let i = 0; i < p; i++) captured += vt.data[j * d1 + i]! ** 2;
  }
  const errorStar = Math.max(0, p - captured) / p;
  const holds = errorStar <= 1e-10 && encodingRank === p;
  if (options.require && !holds)
    throw new InvalidArgumentError(
      'encoding',
      `must have full column rank p = ${p} for exact matching (Proposition 5); its rank is ${encodingRank} and error* = ${errorStar.toPrecision(3)}`,
      `rank ${encodingRank}`,
    );
  return { encodingRank, p, representationRank, errorStar, holds };
}
