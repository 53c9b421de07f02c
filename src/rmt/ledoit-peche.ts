import { InvalidArgumentError } from '../errors.js';
import type { Population } from './population.js';
import type { SpectrumNodes } from './sample-spectrum.js';
import { stieltjesWithContinuation } from './stieltjes-grid.js';

/**
 * The Ledoit–Péché overlap: for a sample eigenvector v̂ of Σ̂ with eigenvalue s in the bulk,
 * v̂ᵀΣv̂ → s/|1 − c − c s m(s + i0)|² (docs/theory.md §5), m the Stieltjes transform of the
 * limiting sample spectrum (population `pop`, ratio c = d/n). Evaluated at s + iη with η = 1e-10·s.
 * For Σ = I it is 1 (every unit vector has vᵀv = 1).
 * @throws {InvalidArgumentError} naming 's' unless s > 0, or 'ratio'.
 * @example ledoitPecheOverlap(population([1]), 0.5, 1) // 1
 */
export function ledoitPecheOverlap(pop: Population, ratio: number, s: number): number {
  if (!(s > 0) || !Number.isFinite(s))
    throw new InvalidArgumentError('s', 'must be a finite sample eigenvalue > 0', s);
  const m = stieltjesWithContinuation(pop, ratio, s, 1e-10 * s);
  return overlapFromStieltjes(ratio, s, m.re, m.im);
}

/**
 * s/|1 − c − c s m|² for a given m = mRe + i·mIm: the Ledoit–Péché map, exposed so that
 * quadrature nodes of {@link sampleSpectrumLaw} (which carry m) need no new solve.
 * @example overlapFromStieltjes(0.5, 1, law.nodes.mRe[0], law.nodes.mIm[0])
 */
export function overlapFromStieltjes(ratio: number, s: number, mRe: number, mIm: number): number {
  const er = 1 - ratio - ratio * s * mRe;
  const ei = -ratio * s * mIm;
  return s / (er * er + ei * ei);
}

/**
 * The expected Σ-energy (1/d) Σ_{i ≤ p} v̂_iᵀΣv̂_i of the top p = fraction·d sample eigenvectors:
 * ∫ s/|1 − c − c s m(s)|² dF(s) over the top `fraction` of the continuous part of the law,
 * accumulated over quadrature nodes from the largest down, the last node taken in part so the
 * result is continuous in `fraction`. Returns the energy and the mass actually covered (less than
 * `fraction` when the continuous part is smaller, e.g. next to an atom at 0).
 * @example ledoitPecheTop(law.nodes, law.ratio, 0.1).energy
 */
export function ledoitPecheTop(
  nodes: SpectrumNodes,
  ratio: number,
  fraction: number,
): { energy: number; mass: number } {
  const order = Array.from(nodes.x.keys()).sort((a, b) => nodes.x[b] - nodes.x[a]);
  let energy = 0;
  let mass = 0;
  for (const i of order) {
    if (mass >= fraction) break;
    const take = Math.min(nodes.mass[i], fraction - mass);
    energy += take * overlapFromStieltjes(ratio, nodes.x[i], nodes.mRe[i], nodes.mIm[i]);
    mass += take;
  }
  return { energy, mass };
}
