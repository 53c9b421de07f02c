/**
 * Copies the strict upper triangle of a square row-major matrix onto its lower triangle, in
 * 32×32 blocks so that the column-wise reads stay in cache.
 * @example mirrorUpper(c, d) // c is now symmetric
 */
export function mirrorUpper(c: Float64Array, d: number): void {
  const block = 32;
  for (let ib = 0; ib < d; ib += block) {
    for (let jb = 0; jb <= ib; jb += block) {
      const iEnd = Math.min(ib + block, d);
      for (let i = ib; i < iEnd; i++) {
        const jEnd = Math.min(jb + block, i);
        for (let j = jb; j < jEnd; j++) c[i * d + j] = c[j * d + i]!;
      }
    }
  }
}
