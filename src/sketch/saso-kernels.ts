/**
 * The loops of a saso sketch's products. The nonzeros of column j are the (index, value) pairs
 * p = j·s … j·s + s − 1 (s = vecNnz). Both loops read each input entry once for several outputs:
 * on a 100000 × 500 input with l = 1000 and s = 8, adding a row of A into 8 rows of S·A in one
 * pass took 0.4–0.5 s against 1.1 s for 8 passes, and 4 rows of A at a time in A·Sᵀ 0.9 s
 * against 2.3 s for one (a loaded 2-core machine; `index`/`value` are then read a quarter as
 * often). Every output entry receives its terms in increasing j, so the results do not depend
 * on how the loops are blocked or unrolled.
 */

/**
 * out (l × k) += S·A for the row-major n × k `a`. Each update is a load, a multiply-add and a
 * store with V8's bounds and overflow checks (about 11 instructions), which the loop is bound
 * by: at (n, k) = (100000, 500) the time hardly grows from l = 100 (S·A in L2) to l = 16000
 * (past L3), and column blocks that keep the l × block output in L2 were 1.2–1.8× slower
 * (32–128 columns: more per-row setup, no memory time to save). Two columns per iteration
 * share the per-iteration checks of `a` and `out`: 0.29–0.33 s against 0.33–0.37 s.
 */
export function sasoLeft(
  a: Float64Array,
  n: number,
  k: number,
  s: number,
  index: Int32Array,
  value: Float64Array,
  out: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    const from = j * k;
    let p = j * s;
    const end = p + s;
    for (; p + 8 <= end; p += 8) {
      const t0 = index[p]! * k;
      const t1 = index[p + 1]! * k;
      const t2 = index[p + 2]! * k;
      const t3 = index[p + 3]! * k;
      const t4 = index[p + 4]! * k;
      const t5 = index[p + 5]! * k;
      const t6 = index[p + 6]! * k;
      const t7 = index[p + 7]! * k;
      const v0 = value[p]!;
      const v1 = value[p + 1]!;
      const v2 = value[p + 2]!;
      const v3 = value[p + 3]!;
      const v4 = value[p + 4]!;
      const v5 = value[p + 5]!;
      const v6 = value[p + 6]!;
      const v7 = value[p + 7]!;
      let c = 0;
      for (; c + 2 <= k; c += 2) {
        const x = a[from + c]!;
        const y = a[from + c + 1]!;
        out[t0 + c] += v0 * x;
        out[t0 + c + 1] += v0 * y;
        out[t1 + c] += v1 * x;
        out[t1 + c + 1] += v1 * y;
        out[t2 + c] += v2 * x;
        out[t2 + c + 1] += v2 * y;
        out[t3 + c] += v3 * x;
        out[t3 + c + 1] += v3 * y;
        out[t4 + c] += v4 * x;
        out[t4 + c + 1] += v4 * y;
        out[t5 + c] += v5 * x;
        out[t5 + c + 1] += v5 * y;
        out[t6 + c] += v6 * x;
        out[t6 + c + 1] += v6 * y;
        out[t7 + c] += v7 * x;
        out[t7 + c + 1] += v7 * y;
      }
      // An odd k: the last column for the 8 targets.
      if (c < k) for (let q = p; q < p + 8; q++) out[index[q]! * k + c] += value[q]! * a[from + c]!;
    }
    for (; p + 4 <= end; p += 4) {
      const t0 = index[p]! * k;
      const t1 = index[p + 1]! * k;
      const t2 = index[p + 2]! * k;
      const t3 = index[p + 3]! * k;
      const v0 = value[p]!;
      const v1 = value[p + 1]!;
      const v2 = value[p + 2]!;
      const v3 = value[p + 3]!;
      for (let c = 0; c < k; c++) {
        const x = a[from + c]!;
        out[t0 + c] += v0 * x;
        out[t1 + c] += v1 * x;
        out[t2 + c] += v2 * x;
        out[t3 + c] += v3 * x;
      }
    }
    for (; p < end; p++) {
      const to = index[p]! * k;
      const v = value[p]!;
      for (let c = 0; c < k; c++) out[to + c] += v * a[from + c]!;
    }
  }
}

/** out (m × l) += A·Sᵀ for the row-major m × n `a`. */
export function sasoRight(
  a: Float64Array,
  m: number,
  n: number,
  l: number,
  s: number,
  index: Int32Array,
  value: Float64Array,
  out: Float64Array,
): void {
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const from = r * n;
    const to = r * l;
    for (let j = 0; j < n; j++) {
      const x0 = a[from + j]!;
      const x1 = a[from + n + j]!;
      const x2 = a[from + 2 * n + j]!;
      const x3 = a[from + 3 * n + j]!;
      for (let p = j * s; p < (j + 1) * s; p++) {
        const i = to + index[p]!;
        const v = value[p]!;
        out[i] += v * x0;
        out[i + l] += v * x1;
        out[i + 2 * l] += v * x2;
        out[i + 3 * l] += v * x3;
      }
    }
  }
  for (; r < m; r++) {
    const from = r * n;
    const to = r * l;
    for (let j = 0; j < n; j++) {
      const x = a[from + j]!;
      for (let p = j * s; p < (j + 1) * s; p++) out[to + index[p]!] += value[p]! * x;
    }
  }
}
