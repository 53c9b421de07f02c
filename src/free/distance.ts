import type { SpectralLaw } from '../rmt/laws/law.js';

/**
 * Total variation ½∫|ρ̂ − ρ| dx + ½|m̂ − m| between a grid density (linear between points, 0
 * outside) with missing mass m̂ and a law with density ρ and atom mass m, by the midpoint rule on
 * `points` cells over the union of the supports (docs/theory.md §14.4).
 * @example totalVariation(d.grid, d.density, d.missingMass, wigner(4)) // ≈ 0.01
 */
export function totalVariation(
  grid: Float64Array,
  density: Float64Array,
  missingMass: number,
  law: Pick<SpectralLaw, 'density' | 'support' | 'atoms'>,
  points = 20000,
): number {
  const n = grid.length;
  const lo = Math.min(grid[0]!, law.support[0]);
  const hi = Math.max(grid[n - 1]!, law.support[1]);
  const dx = (hi - lo) / points;
  let j = 1;
  let sum = 0;
  for (let i = 0; i < points; i++) {
    const x = lo + (i + 0.5) * dx;
    let estimate = 0;
    if (x > grid[0]! && x < grid[n - 1]!) {
      while (grid[j]! < x) j++;
      const t = (x - grid[j - 1]!) / (grid[j]! - grid[j - 1]!);
      estimate = density[j - 1]! * (1 - t) + density[j]! * t;
    }
    sum += Math.abs(estimate - law.density(x)) * dx;
  }
  const atoms = law.atoms.reduce((total, atom) => total + atom.mass, 0);
  return 0.5 * (sum + Math.abs(missingMass - atoms));
}
