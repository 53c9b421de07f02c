import { isComponentMass } from './spectral-components.js';

/** Outcome of {@link verifySpectrum}: whether every check passed, and what failed. */
export interface SpectrumVerification {
  verified: boolean;
  /** Σ component masses (1 for a complete law). */
  massSum: number;
  /** One sentence per failed check (empty when verified). */
  problems: string[];
}

/** |Σ mass − 1| allowed: a hundredth of one eigenvalue (0.01/d), and at least 1e-6. */
export const MASS_SUM_EIGENVALUES = 0.01;

/** Floor of the mass-sum tolerance (the d → ∞ laws are quadratures, exact to about 1e-9). */
export const MASS_SUM_FLOOR = 1e-6;

/**
 * Checks a computed spectral law against what every law satisfies: the component masses sum to 1
 * (within max({@link MASS_SUM_EIGENVALUES}/d, {@link MASS_SUM_FLOOR}): the components account for
 * all d eigenvalues), each
 * component holds at least half an eigenvalue and lies in order (lo ≤ hi ≤ next lo), the
 * distribution function is within [0, 1] and non-decreasing on the grid (to 1e-9), and the density
 * is finite and ≥ 0. `extra` adds problems found by the solver itself (unconverged roots).
 * @example verifySpectrum(law, 120).verified
 */
export function verifySpectrum(
  law: {
    grid: ArrayLike<number>;
    density: ArrayLike<number>;
    components: ReadonlyArray<{ lo: number; hi: number; mass: number }>;
    cdf(x: number): number;
  },
  d: number,
  extra: string[] = [],
): SpectrumVerification {
  const problems = [...extra];
  const { grid, density, components } = law;
  const massSum = components.reduce((sum, c) => sum + c.mass, 0);
  const tolerance = Math.max(MASS_SUM_EIGENVALUES / d, MASS_SUM_FLOOR);
  if (!(Math.abs(massSum - 1) <= tolerance))
    problems.push(
      `component masses sum to ${massSum.toPrecision(6)}, not 1 (tolerance ${tolerance.toExponential(1)})`,
    );
  components.forEach((c, i) => {
    if (!(c.lo <= c.hi)) problems.push(`component ${i} has lo ${c.lo} > hi ${c.hi}`);
    if (!isComponentMass(c.mass, d))
      problems.push(`component ${i} holds ${(c.mass * d).toPrecision(3)} eigenvalues (< 0.5)`);
    const next = components[i + 1];
    if (next && !(c.hi <= next.lo)) problems.push(`components ${i} and ${i + 1} overlap`);
  });
  let previous = -Infinity;
  let drops = 0;
  let outOfRange = 0;
  let badDensity = 0;
  for (let i = 0; i < grid.length; i++) {
    const f = law.cdf(grid[i]);
    if (!(f >= -1e-9 && f <= 1 + 1e-9)) outOfRange++;
    if (f < previous - 1e-9) drops++;
    previous = Math.max(previous, f);
    if (!(density[i] >= 0) || !Number.isFinite(density[i])) badDensity++;
  }
  if (outOfRange)
    problems.push(`distribution function outside [0, 1] at ${outOfRange} grid points`);
  if (drops) problems.push(`distribution function decreases at ${drops} grid points`);
  if (badDensity) problems.push(`density negative or not finite at ${badDensity} grid points`);
  return { verified: problems.length === 0, massSum, problems };
}
