import { InvalidArgumentError } from '../../errors.js';
import { assemble, type DeformedLaw } from './assemble.js';
import type { Pencil } from './pencil.js';
import { type Probe, Prober } from './probe.js';

export type { DeformedComponent, DeformedLaw } from './assemble.js';

/**
 * Support, density and distribution function of N = B + T^{1/2} W T^{1/2} (docs/theory.md §3) from
 * a pencil, solved on the real axis: a scan of `scanPoints` points over the pencil's range (bulk
 * or not, and the exact F), edges by bisection between neighbours that differ, components hidden
 * between outside points found from the rise of F (outliers, atoms), then `gridPoints` points
 * spread over the components (dense at the square-root edges) where the density Im m(x + i0)/π
 * and F are evaluated; a grid point that falls in a gap splits its component. Defaults: 400/400
 * on the diagonal path (O(J) per point), 32/160 on the general path (an eigenvalue solve each).
 * @throws {InvalidArgumentError} naming 'ratio', 'scanPoints' or 'gridPoints'.
 * @example deformedLaw(diagonalPencil(b, t, 0.5), 0.5).components
 */
export function deformedLaw(
  pencil: Pencil,
  ratio: number,
  options: { scanPoints?: number; gridPoints?: number } = {},
): DeformedLaw {
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  const diagonal = pencil.kind === 'diagonal';
  const { scanPoints = diagonal ? 400 : 32, gridPoints = diagonal ? 400 : 160 } = options;
  if (!Number.isInteger(scanPoints) || scanPoints < 8)
    throw new InvalidArgumentError('scanPoints', 'must be an integer ≥ 8', scanPoints);
  if (!Number.isInteger(gridPoints) || gridPoints < 16)
    throw new InvalidArgumentError('gridPoints', 'must be an integer ≥ 16', gridPoints);
  const [lo, hi] = pencil.range;
  const span = hi - lo;
  const prober = new Prober(pencil, ratio, (diagonal ? 1e-10 : 1e-6) * span);
  const start = lo - 1e-6 * span;
  const end = hi + 0.05 * span;
  const scan: Probe[] = [];
  for (let i = 0; i < scanPoints; i++)
    scan.push(prober.at(start + ((end - start) * i) / (scanPoints - 1), scan[i - 1]?.root));
  const pieces: Array<[Probe, Probe]> = [];
  let open: Probe | undefined;
  for (let i = 0; i < scan.length; i++) {
    const p = scan[i];
    const prev = scan[i - 1];
    if (p.root.inBulk && !open) {
      open = prev ? prober.edge(prev, p) : p;
      if (prev) prober.hunt(prev, open, pieces);
    }
    if (!p.root.inBulk && open) {
      const close = prober.edge(p, prev);
      pieces.push([open, close]);
      prober.hunt(close, p, pieces);
      open = undefined;
    }
    if (!p.root.inBulk && prev && !prev.root.inBulk) prober.hunt(prev, p, pieces);
  }
  if (open) pieces.push([open, scan[scan.length - 1]]);
  pieces.sort((p, q) => p[0].x - q[0].x);
  return assemble(prober, pieces, gridPoints);
}
