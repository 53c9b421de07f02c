import { eigvalsh } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { FEATURE_PARAMS } from './params.js';

/** Nodes and weights of a quadrature rule: ∫ f dμ ≈ Σ_k weights[k]·f(nodes[k]). */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/**
 * The m-point Gauss–Hermite rule for the standard normal measure μ(dt) = e^{−t²/2}dt/√(2π)
 * (probabilists' Hermite polynomials, docs/theory.md §15): exact for polynomials of degree
 * < 2m, weights summing to 1. Nodes are the eigenvalues of the Jacobi matrix (off-diagonal √k,
 * Golub–Welsch), polished by Newton steps on the orthonormal recurrence; weights are the
 * Christoffel numbers 1/Σ_{k<m} q_k(t)², accurate to relative rounding even in the tails.
 * Rules are cached per order.
 * @throws {InvalidArgumentError} naming 'order' (an integer in [2, 400]).
 * @example gaussHermite(3).nodes // [−√3, 0, √3]
 */
export function gaussHermite(order: number): QuadratureRule {
  FEATURE_PARAMS.order.check('order', order);
  const hit = cache.get(order);
  if (hit) return hit;
  const jacobi = Matrix.zeros(order, order);
  for (let k = 1; k < order; k++) {
    jacobi.data[k * order + k - 1] = Math.sqrt(k);
    jacobi.data[(k - 1) * order + k] = Math.sqrt(k);
  }
  const nodes = eigvalsh(jacobi);
  const weights = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    let t = nodes[i];
    for (let step = 0; step < 3; step++) {
      const { last, previous } = recurrence(order, t);
      const dt = last / (Math.sqrt(order) * previous); // q_m' = √m q_{m−1}
      if (!Number.isFinite(dt)) break;
      t -= dt;
      if (Math.abs(dt) <= 1e-16 * Math.max(1, Math.abs(t))) break;
    }
    nodes[i] = t;
    weights[i] = 1 / recurrence(order, t).sumSquares;
  }
  // Symmetrise: the rule is exactly symmetric about 0.
  for (let i = 0; i < order >> 1; i++) {
    const j = order - 1 - i;
    const t = 0.5 * (nodes[j] - nodes[i]);
    const w = 0.5 * (weights[i] + weights[j]);
    nodes[i] = -t;
    nodes[j] = t;
    weights[i] = w;
    weights[j] = w;
  }
  if (order % 2 === 1) nodes[order >> 1] = 0;
  const rule = { nodes, weights };
  cache.set(order, rule);
  return rule;
}

/** q_m(t), q_{m−1}(t) and Σ_{k<m} q_k(t)² for the orthonormal Hermite polynomials of μ. */
function recurrence(m: number, t: number): { last: number; previous: number; sumSquares: number } {
  let previous = 0;
  let current = 1; // q_0
  let sumSquares = 0;
  for (let k = 0; k < m; k++) {
    sumSquares += current * current;
    const next = (t * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
    previous = current;
    current = next;
  }
  return { last: current, previous, sumSquares };
}
