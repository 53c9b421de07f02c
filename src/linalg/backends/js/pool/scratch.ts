import { allocate, canShare } from './pool.js';

/**
 * Reusable work buffers of the dense kernels, one per slot, kept between calls. Fresh large
 * buffers are expensive here: every first touch of a new page is a page fault (measured ~15 ms
 * per 5 MB on this VM, more than packing that much data), so temporaries live in these slots.
 * A slot's contents are dead as soon as its next user asks for it; each kernel uses the slots
 * in a fixed sequence, never two live uses of one slot.
 */
export const SLOT = {
  /** Packed left operand of a product. */
  packA: 0,
  /** Packed right operand of a product. */
  packB: 1,
  /** Small intermediate products (T of trtri, W of the block reflectors). */
  temp: 2,
  /** The working copy of a factorisation's input, or a shared result before copy-out. */
  work: 3,
  /** A second working matrix (QR's Q, spdInverse's product). */
  work2: 4,
  /** Long-lived packed operands of one call (QR's reflector blocks). */
  store: 5,
} as const;

/** Buffers above this many numbers (64 MiB) are not kept after the call. */
const KEEP_MAX = 1 << 23;
const plain: Float64Array[] = [];
const shared: Float64Array[] = [];

/**
 * A work array of `length` numbers from `slot`, SharedArrayBuffer-backed when `wantShared` and
 * supported. Contents are NOT zeroed (use {@link zeroed} for that).
 * @example const packed = scratch(SLOT.packA, packedLength(rows, k), true)
 */
export function scratch(slot: number, length: number, wantShared: boolean): Float64Array {
  const slots = wantShared && canShare() ? shared : plain;
  const kept = slots[slot];
  if (kept && kept.length >= length) return kept.subarray(0, length);
  // Grow geometrically so that slowly growing sizes do not reallocate every call.
  const size = Math.max(length, Math.min(KEEP_MAX, 2 * (kept?.length ?? 0)));
  const buffer = allocate(size, wantShared);
  if (size <= KEEP_MAX) slots[slot] = buffer;
  return buffer.subarray(0, length);
}

/** {@link scratch}, filled with zeros. */
export function zeroed(slot: number, length: number, wantShared: boolean): Float64Array {
  return scratch(slot, length, wantShared).fill(0);
}

/**
 * Drops every kept work buffer (their memory is freed by the next garbage collection).
 * @example releaseScratch() // after a one-off large computation
 */
export function releaseScratch(): void {
  plain.length = 0;
  shared.length = 0;
}

/**
 * A plain (non-shared) copy of a work buffer, for handing results to the caller: results must not
 * share memory with later calls. Allocation + `set` rather than `slice()`: on an 8 MB
 * SharedArrayBuffer-backed array `slice()` takes 25 ms and this 0.8 ms (bench/linalg-parts.ts;
 * a fresh result's page faults, when memory is not reused, come on top of either).
 * @example return Matrix.fromRowMajor(d, d, copyOut(c))
 */
export function copyOut(work: Float64Array): Float64Array {
  const out = new Float64Array(work.length);
  out.set(work);
  return out;
}
