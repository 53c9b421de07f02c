/**
 * The 4×4 register-blocked micro-kernel every dense JS kernel runs on:
 * C[0..mr, 0..nr] += alpha · Σ_p a[p][0..4] ⊗ b[p][0..4] over kc steps of two packed panels.
 * Sixteen accumulators in locals, eight loads per 32 flops; measured at ~5 GFLOPS per core in V8
 * on this machine (3×4, 4×3 are similar; larger tiles spill registers and are slower).
 */

const edge = new Float64Array(16);

/**
 * Accumulates one tile. `a[ao..]` and `b[bo..]` are panel runs (4 numbers per step); `c[co]` is
 * the tile's top-left entry with row stride `ldc`; only the first `mr` rows and `nr` columns are
 * written (edge tiles of matrices whose sizes are not multiples of 4).
 * @example tile4x4(k, A.data, 0, B.data, 0, C, 0, n, 1, 4, 4)
 */
export function tile4x4(
  kc: number,
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  c: Float64Array,
  co: number,
  ldc: number,
  alpha: number,
  mr: number,
  nr: number,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0,
    c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0,
    c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  const end = ao + 4 * kc;
  for (; ao < end; ao += 4, bo += 4) {
    const a0 = a[ao]!,
      a1 = a[ao + 1]!,
      a2 = a[ao + 2]!,
      a3 = a[ao + 3]!;
    let x = b[bo]!;
    c00 += a0 * x;
    c10 += a1 * x;
    c20 += a2 * x;
    c30 += a3 * x;
    x = b[bo + 1]!;
    c01 += a0 * x;
    c11 += a1 * x;
    c21 += a2 * x;
    c31 += a3 * x;
    x = b[bo + 2]!;
    c02 += a0 * x;
    c12 += a1 * x;
    c22 += a2 * x;
    c32 += a3 * x;
    x = b[bo + 3]!;
    c03 += a0 * x;
    c13 += a1 * x;
    c23 += a2 * x;
    c33 += a3 * x;
  }
  if (mr === 4 && nr === 4) {
    c[co] += alpha * c00;
    c[co + 1] += alpha * c01;
    c[co + 2] += alpha * c02;
    c[co + 3] += alpha * c03;
    co += ldc;
    c[co] += alpha * c10;
    c[co + 1] += alpha * c11;
    c[co + 2] += alpha * c12;
    c[co + 3] += alpha * c13;
    co += ldc;
    c[co] += alpha * c20;
    c[co + 1] += alpha * c21;
    c[co + 2] += alpha * c22;
    c[co + 3] += alpha * c23;
    co += ldc;
    c[co] += alpha * c30;
    c[co + 1] += alpha * c31;
    c[co + 2] += alpha * c32;
    c[co + 3] += alpha * c33;
    return;
  }
  // Edge tile: the accumulators cannot be indexed, so spill them once and store the valid part.
  edge[0] = c00;
  edge[1] = c01;
  edge[2] = c02;
  edge[3] = c03;
  edge[4] = c10;
  edge[5] = c11;
  edge[6] = c12;
  edge[7] = c13;
  edge[8] = c20;
  edge[9] = c21;
  edge[10] = c22;
  edge[11] = c23;
  edge[12] = c30;
  edge[13] = c31;
  edge[14] = c32;
  edge[15] = c33;
  for (let r = 0; r < mr; r++)
    for (let s = 0; s < nr; s++) c[co + r * ldc + s] += alpha * edge[4 * r + s]!;
}
