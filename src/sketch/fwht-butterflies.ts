/**
 * Walsh–Hadamard butterflies over `length` adjacent entries of `r` row segments p, p + stride,
 * …, p + (r − 1)·stride: `r` = 2, 4 or 8 computes log₂ r successive radix-2 stages (rows
 * (i, i + h) → (x + y, x − y) for h = stride, 2·stride, …) with each entry loaded and stored
 * once, and exactly the additions of those stages, in the same order.
 */

/** One stage: (x, y) ← (x + y, x − y). */
export function butterfly2(buffer: Float64Array, p: number, stride: number, length: number): void {
  const q = p + stride;
  for (let e = 0; e < length; e++) {
    const x = buffer[p + e]!;
    const y = buffer[q + e]!;
    buffer[p + e] = x + y;
    buffer[q + e] = x - y;
  }
}

/** Two stages on four segments. */
export function butterfly4(buffer: Float64Array, p: number, stride: number, length: number): void {
  const p1 = p + stride;
  const p2 = p1 + stride;
  const p3 = p2 + stride;
  for (let e = 0; e < length; e++) {
    const a0 = buffer[p + e]!;
    const a1 = buffer[p1 + e]!;
    const a2 = buffer[p2 + e]!;
    const a3 = buffer[p3 + e]!;
    const b0 = a0 + a1;
    const b1 = a0 - a1;
    const b2 = a2 + a3;
    const b3 = a2 - a3;
    buffer[p + e] = b0 + b2;
    buffer[p1 + e] = b1 + b3;
    buffer[p2 + e] = b0 - b2;
    buffer[p3 + e] = b1 - b3;
  }
}

/** Three stages on eight segments. */
export function butterfly8(buffer: Float64Array, p: number, stride: number, length: number): void {
  const p1 = p + stride;
  const p2 = p1 + stride;
  const p3 = p2 + stride;
  const p4 = p3 + stride;
  const p5 = p4 + stride;
  const p6 = p5 + stride;
  const p7 = p6 + stride;
  for (let e = 0; e < length; e++) {
    const a0 = buffer[p + e]!;
    const a1 = buffer[p1 + e]!;
    const a2 = buffer[p2 + e]!;
    const a3 = buffer[p3 + e]!;
    const a4 = buffer[p4 + e]!;
    const a5 = buffer[p5 + e]!;
    const a6 = buffer[p6 + e]!;
    const a7 = buffer[p7 + e]!;
    const b0 = a0 + a1;
    const b1 = a0 - a1;
    const b2 = a2 + a3;
    const b3 = a2 - a3;
    const b4 = a4 + a5;
    const b5 = a4 - a5;
    const b6 = a6 + a7;
    const b7 = a6 - a7;
    const c0 = b0 + b2;
    const c1 = b1 + b3;
    const c2 = b0 - b2;
    const c3 = b1 - b3;
    const c4 = b4 + b6;
    const c5 = b5 + b7;
    const c6 = b4 - b6;
    const c7 = b5 - b7;
    buffer[p + e] = c0 + c4;
    buffer[p1 + e] = c1 + c5;
    buffer[p2 + e] = c2 + c6;
    buffer[p3 + e] = c3 + c7;
    buffer[p4 + e] = c0 - c4;
    buffer[p5 + e] = c1 - c5;
    buffer[p6 + e] = c2 - c6;
    buffer[p7 + e] = c3 - c7;
  }
}
