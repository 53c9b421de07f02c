import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SpectralLaw } from '../../src/rmt/laws/law.js';

/**
 * Kolmogorov distance between a sample and a law with atoms: samples within 1e-9 (relative to
 * the spread) of an atom are snapped onto it (computed zero eigenvalues come out as ±1e-16), and
 * both sides of every jump are compared: F(v−) with the empirical mass below v, F(v) with the mass
 * up to v.
 */
export function ksWithAtoms(samples: ArrayLike<number>, law: SpectralLaw): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const spread = Math.max(1e-300, Math.abs(sorted[n - 1]!) + Math.abs(sorted[0]!));
  for (let i = 0; i < n; i++) {
    for (const a of law.atoms) if (Math.abs(sorted[i]! - a.at) <= 1e-9 * spread) sorted[i] = a.at;
  }
  sorted.sort();
  let worst = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const v = sorted[i]!;
    const atom = law.atoms.find((a) => a.at === v)?.mass ?? 0;
    const F = law.cdf(v);
    worst = Math.max(worst, Math.abs(F - j / n), Math.abs(F - atom - i / n));
    i = j;
  }
  return worst;
}

/**
 * Every law with the parameters the tests use (atoms, poles near an edge and skew included), and
 * the resolution of integrals computed from its density() when it is not 1e-12: the arcsine law
 * (d = 2) has 1/√ edges, where x − lo carries an absolute rounding error of ulp(lo), which leaves
 * ~√ulp ≈ 1e-8 of mass unresolved whatever the quadrature.
 */
export const LAW_CASES: ReadonlyArray<readonly [string, string, readonly number[], number?]> = [
  ['wigner(1.7)', 'wigner', [1.7]],
  ['marchenkoPastur(0.4, 2)', 'marchenkoPastur', [0.4, 2]],
  ['marchenkoPastur(2.5) (atom at 0)', 'marchenkoPastur', [2.5]],
  ['marchenkoPastur(1) (pole at the edge 0)', 'marchenkoPastur', [1]],
  ['kestenMcKay(3)', 'kestenMcKay', [3]],
  ['kestenMcKay(2) (arcsine)', 'kestenMcKay', [2], 2e-8],
  ['wachter(0.5, 0.8) (atoms at 0 and 1)', 'wachter', [0.5, 0.8]],
  ['wachter(1.5, 2)', 'wachter', [1.5, 2]],
  ['meixner(0.3, 0.5, 1.6) (atom just below the edge)', 'meixner', [0.3, 0.5, 1.6]],
  ['meixner(-0.5, 1, 0.4)', 'meixner', [-0.5, 1, 0.4]],
  ['meixner(0.5, 1, 3) (two atoms)', 'meixner', [0.5, 1, 3]],
];

/**
 * A Stieltjes transform maps ℂ⁺ to ℂ⁺ (fast-check over `runs` points of [−10, 10] + i[1e-3, 10])
 * and behaves as −1/z far away (z·m(z) → −1).
 */
export function checkHalfPlane(law: SpectralLaw, runs: number): void {
  fc.assert(
    fc.property(
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.double({ min: 1e-3, max: 10, noNaN: true }),
      (re, im) => law.stieltjes({ re, im }).im > 0,
    ),
    { seed: 7, numRuns: runs },
  );
  const z = { re: 3e5, im: 4e5 };
  const m = law.stieltjes(z);
  const zm = { re: z.re * m.re - z.im * m.im, im: z.re * m.im + z.im * m.re };
  assert.ok(Math.hypot(zm.re + 1, zm.im) < 1e-4, JSON.stringify(zm));
}
