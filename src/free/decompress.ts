import { InvalidArgumentError } from '../errors.js';
import type { FreeForm } from './free-form.js';
import { type ResizedDensity, resizeDensity } from './resize.js';

/** The spectrum of the enlarged (or compressed) matrix of order `size`, from a free-form fit. */
export interface Decompression extends ResizedDensity {
  size: number;
  /** Mean and second moment of the grid density (continuous part). */
  moments: [number, number];
  /** What free-cumulant scaling predicts for them: μ and μ² + s·σ² (docs/theory.md §14.2). */
  expectedMoments: [number, number];
  /** False when the glue is invalid or any characteristic failed: do not use `density` then. */
  ok: boolean;
  /** Why `ok` is false. */
  reason?: string;
}

/**
 * Free decompression (docs/theory.md §14.2): the eigenvalue density of the n×n matrix, n ≥ n_s,
 * whose random n_s×n_s principal sub-matrices have the spectrum the fit describes, by the
 * characteristics of ∂m/∂t = −m + (1/m)∂m/∂z from the glue's second sheet, e^t = n/n_s.
 * A failed continuation (glue pole inside the unit disk, glue residual on the cut above
 * `maxGlueResidual`, Newton failure, negative density, or moments that miss the invariants μ and
 * μ² + s·σ² by more than {@link MOMENT_TOLERANCE} of the new spread) gives ok = false with the
 * residual, never a silently wrong density.
 * @throws {InvalidArgumentError} ('size') unless size is an integer ≥ n_s.
 * @example decompress(freeForm(eigs), 8 * eigs.length).density // ρ on .grid
 */
export function decompress(
  fit: FreeForm,
  size: number,
  points = 512,
  maxGlueResidual = GLUE_TOLERANCE,
): Decompression {
  if (!Number.isSafeInteger(size) || size < fit.size)
    throw new InvalidArgumentError('size', `must be an integer ≥ n_s = ${fit.size}`, size);
  return resize(fit, size, points, true, maxGlueResidual);
}

/**
 * Free compression, the reverse check (docs/theory.md §14.2): the density of an n×n principal
 * sub-matrix, n ≤ n_s, from the fit's first sheet alone (no continuation is needed).
 * @throws {InvalidArgumentError} ('size') unless 1 ≤ size ≤ n_s is an integer.
 * @example compress(freeForm(eigs), eigs.length / 2).support
 */
export function compress(fit: FreeForm, size: number, points = 512): Decompression {
  if (!Number.isSafeInteger(size) || size < 1 || size > fit.size)
    throw new InvalidArgumentError('size', `must be an integer in [1, n_s = ${fit.size}]`, size);
  return resize(fit, size, points, false);
}

/** Largest relative glue residual on the cut that decompression accepts (docs/theory.md §14.3). */
export const GLUE_TOLERANCE = 0.1;

/**
 * Largest moment error decompression accepts, in units of the new variance s·σ² (mean error in
 * units of its square root): the mean and μ² + s·σ² are exact invariants (docs/theory.md §14.2),
 * and an atom at 0 (rank below the size) leaves both unchanged. Decompressions of GOE and Wishart
 * samples that pass the glue check miss them by ≤ 0.11 (the one above 0.1 a hard edge at TV
 * 10.8 %), a forced glue on an RBF kernel by 1.4–40 (docs/free-decompression.md).
 */
export const MOMENT_TOLERANCE = 0.1;

/** Why the decompressed moments rule the density out, or undefined when they agree. */
function momentMismatch(
  moments: [number, number],
  expected: [number, number],
  newVariance: number,
): string | undefined {
  const meanError = Math.abs(moments[0] - expected[0]) / Math.sqrt(newVariance);
  const secondError = Math.abs(moments[1] - expected[1]) / newVariance;
  if (meanError <= MOMENT_TOLERANCE && secondError <= MOMENT_TOLERANCE) return undefined;
  return `moments ${moments[0]}, ${moments[1]} miss the invariants ${expected[0]}, ${expected[1]} (errors ${meanError}, ${secondError} > ${MOMENT_TOLERANCE} of the new spread)`;
}

function resize(
  fit: FreeForm,
  size: number,
  points: number,
  up: boolean,
  maxGlueResidual = GLUE_TOLERANCE,
): Decompression {
  const factor = size / fit.size;
  const variance = fit.secondMoment - fit.mean ** 2;
  const sheets = up ? fit.sheets : fit.firstSheet;
  const out = resizeDensity(sheets, factor, { mean: fit.mean, variance, points });
  let m1 = 0;
  let m2 = 0;
  const { grid, density } = out;
  for (let i = 1; i < grid.length; i++) {
    const dx = grid[i]! - grid[i - 1]!;
    m1 += (dx * (grid[i]! * density[i]! + grid[i - 1]! * density[i - 1]!)) / 2;
    m2 += (dx * (grid[i]! ** 2 * density[i]! + grid[i - 1]! ** 2 * density[i - 1]!)) / 2;
  }
  const expected: [number, number] = [fit.mean, fit.mean ** 2 + factor * variance];
  const reason =
    up && !fit.glue.valid
      ? `glue has a pole inside the unit disk (residual ${fit.glue.residual})`
      : up && !(fit.glue.residual <= maxGlueResidual)
        ? `glue misses the fit on the cut (residual ${fit.glue.residual} > ${maxGlueResidual}): raise padeP/padeQ`
        : !out.converged
          ? `${out.failures} characteristics failed (largest residual ${out.residual})`
          : up
            ? momentMismatch([m1, m2], expected, factor * variance)
            : undefined;
  return {
    ...out,
    size,
    moments: [m1, m2],
    expectedMoments: expected,
    ok: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  };
}
