import { InvalidArgumentError } from '../errors.js';
import { deformedLaw } from '../rmt/deformed/law.js';
import { diagonalPencil } from '../rmt/deformed/pencil.js';
import { type DeformedRoot, solveDeformedRoot } from '../rmt/deformed/root.js';
import { diagonalSpectrum } from '../rmt/spectral-form.js';
import type { BbpPoint } from './bbp.js';
import { solveKappa } from './kappa.js';
import { SSR_PARAMS } from './params.js';

/** Nodes of N in the basis (u, rest of the block, other coordinates): all commute. */
interface Nodes {
  b: Float64Array;
  t: Float64Array;
  delta: Float64Array;
  shrink: number;
}

/**
 * Σ = I + θuuᵀ with u = (1, …, 1, 0, …)/√k on the first k coordinates: Δ is Δ_b on the block and
 * Δ_r = 1/(1 + κ) elsewhere, and B = λΔ, T = Δ^{1/2}ΣΔ^{1/2} are diagonal in the basis
 * (u, block ⊖ u, e_{k+1}, …): one node (λΔ_b, Δ_b(1 + θ)), k − 1 nodes (λΔ_b, Δ_b), d − k
 * nodes (λΔ_r, Δ_r). So the §3 solver is exact and O(1) per point here.
 */
function nodes(theta: number, d: number, k: number, alpha: number, lambda: number): Nodes {
  const values = new Float64Array(d).fill(1);
  values[0] = 1 + theta;
  const kappa = solveKappa(diagonalSpectrum(values), alpha, lambda).value;
  const rest = 1 / (1 + kappa);
  const block = rest - theta / (k * (1 + kappa) * (1 + theta + kappa));
  const delta = new Float64Array(d).fill(rest);
  for (let j = 0; j < k; j++) delta[j] = block;
  const b = Float64Array.from(delta, (v) => lambda * v);
  const t = delta.slice();
  t[0] = block * (1 + theta);
  return { b, t, delta, shrink: lambda / kappa };
}

/**
 * BBP theory for a spike localised on k coordinates (docs/theory.md §4: Δ ≈ cI fails there, so the
 * §3 solver is used; here it is exact, see `nodes`). Per θ: the law of N (finite d), its top
 * component if it is an outlier, mapped to Â by a = 1 − (λ/κ)/ν; the squared overlap of Â's
 * eigenvector v ∝ Δ^{1/2}w with u is Δ_b ∫ Im G_uu / ∫ Im tr(ΔG) over the outlier component
 * (G = (B + sT − x)⁻¹, the spectral measures of u and of Δ at that eigenvalue). The threshold
 * is the d → ∞ condition b_u + t_u(1 + √c) > b_r + t_r(1 + √c)² (the u-pole leaves the bulk
 * edge, where s = 1 + √c), found by bisection; Infinity when no θ makes it visible.
 * @throws {InvalidArgumentError} naming 'theta', 'k', 'd', 'alpha' or 'lambda' (> 0 here).
 * @example bbpLocalizedTheory([3, 10], 400, 4, 2, 0.1).points
 */
export function bbpLocalizedTheory(
  thetas: readonly number[],
  d: number,
  k: number,
  alpha: number,
  lambda: number,
): { threshold: number; points: BbpPoint[] } {
  SSR_PARAMS.d.check('d', d);
  SSR_PARAMS.alpha.check('alpha', alpha);
  if (!(lambda > 0) || !Number.isFinite(lambda))
    throw new InvalidArgumentError(
      'lambda',
      'must be a finite number > 0 for a localised spike',
      lambda,
    );
  if (!Number.isInteger(k) || k < 1 || k > d / 2)
    throw new InvalidArgumentError('k', `must be an integer in [1, ${Math.floor(d / 2)}]`, k);
  const c = 1 / alpha;
  const points = thetas.map((theta): BbpPoint => {
    if (!(theta >= 0) || !Number.isFinite(theta))
      throw new InvalidArgumentError('theta', 'must be a finite spike strength ≥ 0', theta);
    const n = nodes(theta, d, k, alpha, lambda);
    const pencil = diagonalPencil(n.b, n.t, c);
    const law = deformedLaw(pencil, c);
    const top = law.components[law.components.length - 1];
    if (!top.outlier || law.components.length < 2)
      return { theta, outlier: null, overlap: 0, sampleOutlier: null };
    // ∫ over the outlier component, x = mid − r cos φ, midpoint rule in φ.
    const K = 64;
    const mid = 0.5 * (top.lo + top.hi);
    const r = 0.5 * (top.hi - top.lo);
    let iu = 0;
    let idelta = 0;
    let near: DeformedRoot | undefined;
    for (let j = 0; j < K; j++) {
      const phi = ((j + 0.5) * Math.PI) / K;
      const x = mid - r * Math.cos(phi);
      const root = solveDeformedRoot(pencil.at(x, true), c, near);
      near = root;
      const dx = r * Math.sin(phi) * (Math.PI / K);
      const im = (i: number) => {
        const re = n.b[i] + root.sRe * n.t[i] - x;
        const ii = root.sIm * n.t[i];
        return -ii / (re * re + ii * ii);
      };
      iu += im(0) * dx;
      for (let i = 0; i < d; i++) idelta += n.delta[i] * im(i) * dx;
    }
    return {
      theta,
      outlier: 1 - n.shrink / top.mean,
      overlap: idelta > 0 ? (n.delta[0] * iu) / idelta : 0,
      sampleOutlier: null,
    };
  });
  return { threshold: localizedThreshold(k, alpha, lambda), points };
}

/** The d → ∞ visibility threshold of a spike on k coordinates (see bbpLocalizedTheory). */
function localizedThreshold(k: number, alpha: number, lambda: number): number {
  const c = 1 / alpha;
  const kappa = solveKappa(diagonalSpectrum(Float64Array.of(1)), alpha, lambda).value;
  const rest = 1 / (1 + kappa);
  const edge = lambda * rest + rest * (1 + Math.sqrt(c)) ** 2;
  const excess = (theta: number) => {
    const block = rest - theta / (k * (1 + kappa) * (1 + theta + kappa));
    return lambda * block + block * (1 + theta) * (1 + Math.sqrt(c)) - edge;
  };
  if (excess(0) > 0) return 0;
  let hi = 1;
  while (excess(hi) <= 0) {
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  let lo = 0;
  for (let it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (excess(mid) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
