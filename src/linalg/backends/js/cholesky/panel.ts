import { defineTask, isShared, parallelFor, wantsParallel } from '../pool/pool.js';

/** Rows of the panel per parallel chunk. */
const ROWS = 32;

/**
 * Chunk of {@link solvePanel}: rows r0 + chunk·ROWS … of the panel. Buffers: [work];
 * params: [n, j0, jb, r0].
 */
export const panelRows = defineTask(import.meta.url, 'panelRows', (chunk, [w], [n, j0, jb, r0]) => {
  const start = r0! + chunk * ROWS;
  solveRows(w!, n!, j0!, jb!, start, Math.min(n!, start + ROWS));
});

/**
 * The Cholesky panel step (dtrsm, right, lower, transposed): rows j0+jb … n−1 of the block
 * column j0 … j0+jb−1 become A21·L11⁻ᵀ, by forward substitution along each (contiguous) row.
 * Rows are independent, so large panels are split across the worker pool.
 * @example solvePanel(work, n, j0, jb)
 */
export function solvePanel(w: Float64Array, n: number, j0: number, jb: number): void {
  const r0 = j0 + jb;
  const rows = n - r0;
  if (rows <= 0) return;
  if (isShared(w) && wantsParallel(rows * jb * jb))
    parallelFor(panelRows, Math.ceil(rows / ROWS), [w], [n, j0, jb, r0]);
  else solveRows(w, n, j0, jb, r0, n);
}

function solveRows(
  w: Float64Array,
  n: number,
  j0: number,
  jb: number,
  from: number,
  to: number,
): void {
  for (let r = from; r < to; r++) {
    const rr = r * n;
    for (let c = j0; c < j0 + jb; c++) {
      const rc = c * n;
      let s = w[rr + c]!;
      for (let p = j0; p < c; p++) s -= w[rr + p]! * w[rc + p]!;
      w[rr + c] = s / w[rc + c]!;
    }
  }
}
