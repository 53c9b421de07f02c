import { InvalidArgumentError } from '../../errors.js';
import { eigvalsh } from '../../linalg/api.js';
import { coupledBlocks, principalSubmatrix } from '../../linalg/coupled-blocks.js';
import type { Matrix } from '../../linalg/matrix.js';
import { densePencil, pencilSize } from './dense-pencil.js';
import { joinPencils } from './pencil-blocks.js';
import type { PencilPoint } from './root.js';

/**
 * The model N = B + T^{1/2} W T^{1/2} at a real point x, as the pencil (B − x, T): its
 * eigenvalues ε_j(x), the weights q_j = −dε_j/dx (Hellmann–Feynman) that turn them into the
 * Stieltjes transform of N, and the node weights w_j (summing to 1).
 */
export interface Pencil {
  /** Number of coordinates d (an outlier component carries mass ≈ k/d). */
  readonly size: number;
  /** An interval that contains the whole spectrum of N. */
  readonly range: [number, number];
  /** Name of the path, for reports: 'diagonal' or 'general'. */
  readonly kind: string;
  at(x: number, withWeights: boolean): PencilPoint;
}

/**
 * The commuting case: B = diag(b), T = diag(t), so ε_k = (b_k − x)/t_k and q_k = 1/t_k exactly,
 * O(d) per point; coordinates with equal (b_k, t_k) are merged (a two-level diagonal Σ costs
 * O(1) per point).
 * @throws {InvalidArgumentError} naming 'b' or 't' (lengths differ, t not > 0, not finite).
 * @example diagonalPencil(Float64Array.of(0.1, 0.1), Float64Array.of(1, 2), 0.5)
 */
export function diagonalPencil(b: Float64Array, t: Float64Array, ratio: number): Pencil {
  if (b.length !== t.length || b.length === 0)
    throw new InvalidArgumentError('t', `must have ${b.length} entries like b`, t.length);
  const key = new Map<string, number>();
  const bs: number[] = [];
  const ts: number[] = [];
  const ws: number[] = [];
  for (let k = 0; k < b.length; k++) {
    if (!Number.isFinite(b[k]))
      throw new InvalidArgumentError('b', `must be finite; entry ${k} is not`, b[k]);
    if (!(t[k] > 0) || !Number.isFinite(t[k]))
      throw new InvalidArgumentError('t', `must be finite and > 0; entry ${k} is not`, t[k]);
    const id = `${b[k]}|${t[k]}`;
    const at = key.get(id);
    if (at === undefined) {
      key.set(id, bs.length);
      bs.push(b[k]);
      ts.push(t[k]);
      ws.push(1 / b.length);
    } else ws[at] += 1 / b.length;
  }
  const J = bs.length;
  const q = Float64Array.from(ts, (v) => 1 / v);
  const w = Float64Array.from(ws);
  const eps = new Float64Array(J);
  const lo = Math.min(...bs);
  const hi = Math.max(...bs) + Math.max(...ts) * (1 + Math.sqrt(ratio)) ** 2;
  return {
    size: b.length,
    range: [lo, hi],
    kind: 'diagonal',
    at(x) {
      for (let j = 0; j < J; j++) eps[j] = (bs[j] - x) / ts[j];
      return { eps, q, w };
    },
  };
}

/**
 * The general case: B = diag(b) and a symmetric positive definite T (docs/theory.md §3, method
 * `general`). T is split into its coupled blocks (coordinates linked by non-zero entries), and
 * the pencil's eigenvalues are those of its blocks. On a block where b is constant (within
 * 1e-12·max|b|), B commutes with T, so ε = (b − x)/τ over the block's eigenvalues τ of T: exact,
 * one eigenvalue solve of the block in all, then O(1) per distinct (b, τ) per point. Each other
 * block costs one symmetric eigenvalue solve of its size per point ({@link densePencil}, whose
 * `exactWeights` option is passed on); a Σ that couples all coordinates is one such block.
 * @throws {InvalidArgumentError} naming 'b' or 't' (shapes, T not positive definite).
 * @example generalPencil(b, T, 0.5).at(1.2, false).eps
 */
export function generalPencil(
  b: Float64Array,
  t: Matrix,
  ratio: number,
  options: { exactWeights?: boolean } = {},
): Pencil {
  const d = pencilSize(b, t);
  const blocks = coupledBlocks(t);
  const tol = 1e-12 * b.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const commutes = (block: number[]): boolean => {
    const values = block.map((k) => b[k]);
    return Math.max(...values) - Math.min(...values) <= tol;
  };
  if (blocks.length === 1 && !commutes(blocks[0])) return densePencil(b, t, ratio, options);
  const bs: number[] = [];
  const taus: number[] = [];
  const parts: Array<{ pencil: Pencil; coordinates: number }> = [];
  for (const block of blocks) {
    const sub = principalSubmatrix(t, block);
    const bb = Float64Array.from(block, (k) => b[k]);
    if (!commutes(block)) {
      parts.push({ pencil: densePencil(bb, sub, ratio, options), coordinates: block.length });
      continue;
    }
    const mean = bb.reduce((s, v) => s + v, 0) / bb.length;
    for (const tau of block.length === 1 ? sub.data : eigvalsh(sub)) {
      bs.push(mean);
      taus.push(tau);
    }
  }
  if (bs.length > 0) {
    const top = Math.max(...taus);
    const bottom = Math.min(...taus);
    if (!(bottom > 1e-12 * top))
      throw new InvalidArgumentError(
        't',
        'must be positive definite; its smallest eigenvalue is not > 0',
        bottom,
      );
    parts.push({
      pencil: diagonalPencil(Float64Array.from(bs), Float64Array.from(taus), ratio),
      coordinates: bs.length,
    });
  }
  return parts.length === 1 ? parts[0].pencil : joinPencils(parts, d);
}
