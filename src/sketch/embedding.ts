/** The embedding factors the automatic choice considers. */
const CANDIDATES = [2, 3, 4, 6, 8, 12] as const;

/**
 * Measured here (OpenBLAS, 2 cores): one pass of a matrix-vector product over A runs about 5
 * times slower per flop than the Householder QR of the sketch, which is cache-friendly BLAS-3.
 */
const QR_SPEEDUP = 5;

/**
 * The default embedding factor l/d of sketch-and-precondition: the one among 2, 3, 4, 6, 8, 12
 * that minimises a cost model of the two parts that depend on it (docs/theory.md §12.3). LSQR on
 * A·R⁻¹ reduces the error by √(d/l) per iteration, so it needs about k = ln(1/tolerance)/ln √(l/d)
 * iterations of two passes over A (4mdk flops at memory speed), while the QR of the l×d sketch
 * costs 4ld² flops at BLAS-3 speed. Tall, narrow A favours a large sketch (few passes); wide A a
 * small one. Never more than m rows.
 * @example defaultEmbedding(100000, 500, 1e-10) // 12: passes over A dominate
 */
export function defaultEmbedding(m: number, d: number, tolerance: number): number {
  let best: number = CANDIDATES[0];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const e of CANDIDATES) {
    if (Math.ceil(e * d) > m) break;
    const iterations = Math.log(1 / tolerance) / Math.log(Math.sqrt(e));
    const cost = m * iterations + (e * d * d) / QR_SPEEDUP;
    if (cost < bestCost) {
      best = e;
      bestCost = cost;
    }
  }
  return best;
}
