/**
 * Applies a chain of plane rotations to consecutive columns of a row-major n×n matrix Z from the
 * right (LAPACK dlasr, side 'R', pivot 'V'). Because Z is row-major, each row is processed in one
 * unit-stride pass that carries the running column value in a register: one load and one store per
 * entry and rotation, which is what makes eigenvector accumulation cheap in JS.
 *
 * Rotation j (c = cs[at + j], s = sn[at + j]) mixes columns col+j and col+j+1:
 *   Z(:, col+j+1) ← c·Z(:, col+j+1) − s·Z(:, col+j),  Z(:, col+j) ← s·Z(:, col+j+1) + c·Z(:, col+j).
 * `forward` applies j = 0, 1, …, count−2 in order, otherwise j = count−2 down to 0.
 * @example rotateColumns(z, n, l, m - l + 1, cs, sn, l, false) // one QL sweep on columns l…m
 */
export function rotateColumns(
  z: Float64Array,
  n: number,
  col: number,
  count: number,
  cs: Float64Array,
  sn: Float64Array,
  at: number,
  forward: boolean,
): void {
  const last = count - 1;
  if (last < 1) return;
  if (forward) {
    for (let row = 0; row < n; row++) {
      const base = row * n + col;
      let x = z[base]!;
      for (let j = 0; j < last; j++) {
        const t = z[base + j + 1]!;
        const c = cs[at + j]!;
        const s = sn[at + j]!;
        z[base + j] = s * t + c * x;
        x = c * t - s * x;
      }
      z[base + last] = x;
    }
  } else {
    for (let row = 0; row < n; row++) {
      const base = row * n + col;
      let x = z[base + last]!;
      for (let j = last - 1; j >= 0; j--) {
        const t = z[base + j]!;
        const c = cs[at + j]!;
        const s = sn[at + j]!;
        z[base + j + 1] = c * x - s * t;
        x = s * x + c * t;
      }
      z[base] = x;
    }
  }
}
