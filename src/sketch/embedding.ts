/** The embedding factors the automatic choice considers. */
const CANDIDATES = [2, 3, 4, 6, 8, 12] as const;

/**
 * Measured here (OpenBLAS, 2 cores): one one-pass LSQR iteration (two gemv per row block, 4md
 * flops) runs about 16 times slower per flop than the R-only Householder QR of the sketch (2ld²
 * flops, cache-friendly BLAS-3): 27 ms against 0.14 s for the 4000×1000 QR, at 50000×1000. The
 * model uses 10: a larger sketch also costs more to form and its QR leaves the cache, and timing
 * l/d = 3…12 at 100000×500 and 50000×1000 put the optimum at 12 and 8.
 */
const QR_SPEEDUP = 10;

/**
 * The default embedding factor l/d of sketch-and-precondition: the one among 2, 3, 4, 6, 8, 12
 * that minimises a cost model of the two parts that depend on it (docs/theory.md §12.3). LSQR on
 * A·R⁻¹ reduces the error by √(d/l) per iteration, so it needs about k = ln(1/tolerance)/ln √(l/d)
 * iterations of one pass over A (4mdk flops at memory speed), while the R-only QR of the l×d
 * sketch costs 2ld² flops at BLAS-3 speed. Tall, narrow A favours a large sketch (few passes); wide
 * A a smaller one. Never more than m rows.
 * @example defaultEmbedding(100000, 500, 1e-10) // 12: passes over A dominate
 */
export function defaultEmbedding(m: number, d: number, tolerance: number): number {
  let best: number = CANDIDATES[0];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const e of CANDIDATES) {
    if (Math.ceil(e * d) > m) break;
    const iterations = Math.log(1 / tolerance) / Math.log(Math.sqrt(e));
    const cost = 2 * m * iterations + (e * d * d) / QR_SPEEDUP;
    if (cost < bestCost) {
      best = e;
      bestCost = cost;
    }
  }
  return best;
}
