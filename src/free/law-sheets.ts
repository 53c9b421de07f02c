import { InvalidArgumentError } from '../errors.js';
import type { Complex } from '../rmt/laws/complex.js';
import { div, mul, scale } from '../rmt/laws/complex.js';
import type { SpectralLaw } from '../rmt/laws/law.js';
import type { StieltjesSheets } from './joukowski.js';

/**
 * The exact Stieltjes transform of a Wigner or Marchenko–Pastur law on both sheets, in the
 * Joukowski variable (docs/theory.md §14.3): Wigner of radius r gives m(w) = −2w/r (a
 * polynomial); Marchenko–Pastur with ratio c and variance σ² gives
 * m(w) = −w / (σ²√c (1 + √c w)), one pole at w = −1/√c on the second sheet (z = 0). These are
 * the inputs of the exactness check of the characteristic solver.
 * @throws {InvalidArgumentError} ('law') for any other law, or Marchenko–Pastur with c ≥ 1
 *   (the atom at 0 then sits on the first sheet).
 * @example lawSheets(wigner(2)).at({ re: 0.5, im: 0 }).m // { re: -0.5, im: 0 }
 */
export function lawSheets(law: SpectralLaw): StieltjesSheets {
  const support = law.support;
  if (law.name === 'wigner') {
    const r = law.parameters.radius!;
    return {
      support,
      at: (w: Complex) => ({ m: scale(-2 / r, w), dm: { re: -2 / r, im: 0 } }),
    };
  }
  if (law.name === 'marchenko-pastur') {
    const c = law.parameters.ratio!;
    const v = law.parameters.variance!;
    if (c >= 1) throw new InvalidArgumentError('law', 'must have ratio < 1 (no atom)', c);
    const q = Math.sqrt(c);
    return {
      support,
      at(w: Complex) {
        const d = { re: 1 + q * w.re, im: q * w.im };
        const m = scale(-1 / (v * q), div(w, d));
        const dm = scale(-1 / (v * q), div({ re: 1, im: 0 }, mul(d, d)));
        return { m, dm };
      },
    };
  }
  throw new InvalidArgumentError('law', 'must be a Wigner or Marchenko–Pastur law', law.name);
}
