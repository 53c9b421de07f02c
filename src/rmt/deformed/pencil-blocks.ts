import type { Pencil } from './pencil.js';
import type { PencilPoint } from './root.js';

/**
 * The pencil of a block-diagonal model from the pencils of its blocks: the eigenvalues ε_j(x)
 * of a block-diagonal pencil are those of its blocks, so a point concatenates the blocks'
 * points, each block's node weights scaled by its share `coordinates/size` of the coordinates.
 * The kind is 'general' when any block is, else 'diagonal'.
 * @example joinPencils([{ pencil: a, coordinates: 3 }, { pencil: b, coordinates: 7 }], 10)
 */
export function joinPencils(
  parts: Array<{ pencil: Pencil; coordinates: number }>,
  size: number,
): Pencil {
  const lo = Math.min(...parts.map((p) => p.pencil.range[0]));
  const hi = Math.max(...parts.map((p) => p.pencil.range[1]));
  const general = parts.some((p) => p.pencil.kind !== 'diagonal');
  let eps = new Float64Array(0);
  let q = new Float64Array(0);
  let w = new Float64Array(0);
  return {
    size,
    range: [lo, hi],
    kind: general ? 'general' : 'diagonal',
    at(x, withWeights) {
      const points: PencilPoint[] = parts.map((p) => p.pencil.at(x, withWeights));
      const count = points.reduce((sum, p) => sum + p.eps.length, 0);
      if (eps.length !== count) {
        eps = new Float64Array(count);
        q = new Float64Array(count);
        w = new Float64Array(count);
      }
      let offset = 0;
      points.forEach((p, k) => {
        const share = parts[k].coordinates / size;
        eps.set(p.eps, offset);
        q.set(p.q, offset);
        for (let j = 0; j < p.w.length; j++) w[offset + j] = share * p.w[j];
        offset += p.eps.length;
      });
      return { eps, q, w };
    },
  };
}
