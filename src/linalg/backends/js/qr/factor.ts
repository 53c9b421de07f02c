import type { Matrix } from '../../../matrix.js';
import { SLOT, scratch } from '../pool/scratch.js';
import {
  applyReflectors,
  packReflectors,
  type ReflectorBlock,
  reflectorStorage,
} from './block-reflector.js';
import { factorPanel } from './householder.js';

/** Panel width: reflectors are applied to the rest of the matrix this many at a time. */
const NB = 32;

/** A blocked Householder factorisation A = H_0 H_1 ⋯ H_{k−1} R. */
export interface HouseholderFactors {
  /** Row-major m×n work slot (SLOT.work) holding R on and above the diagonal. */
  readonly work: Float64Array;
  /** The reflectors, NB at a time, packed in SLOT.store (dead once those slots are reused). */
  readonly blocks: ReflectorBlock[];
}

/**
 * Blocked Householder QR of A (LAPACK dgeqrf): each 32-column panel is factored on a transposed
 * copy (contiguous reflectors), then applied to the trailing columns as one block reflector
 * I − V T Vᵀ through the packed micro-kernel (compact WY). `shared` puts the work buffers in
 * shared memory so that products run on the worker pool; it must be true whenever a later
 * product with the blocks (Q·C, Qᵀ·C) is large enough to go parallel.
 * @example const { work, blocks } = factorBlocks(a, wantsParallel(4 * m * n * n))
 */
export function factorBlocks(a: Matrix, shared: boolean): HouseholderFactors {
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const work = scratch(SLOT.work, m * n, shared);
  work.set(a.data);
  let storage = 0;
  for (let j0 = 0; j0 < k; j0 += NB) storage += reflectorStorage(Math.min(NB, k - j0), m - j0);
  const store = scratch(SLOT.store, storage, shared);
  let used = 0;
  const blocks: ReflectorBlock[] = [];
  for (let j0 = 0; j0 < k; j0 += NB) {
    const jb = Math.min(NB, k - j0);
    const j1 = j0 + jb;
    const mp = m - j0;
    const vt = new Float64Array(jb * mp);
    for (let r = 0; r < mp; r++)
      for (let c = 0; c < jb; c++) vt[c * mp + r] = work[(j0 + r) * n + j0 + c]!;
    const tau = new Float64Array(jb);
    factorPanel(vt, jb, mp, tau);
    // R's entries of the panel go back into the work matrix; the vectors stay with the block.
    for (let c = 0; c < jb; c++)
      for (let r = 0; r <= c; r++) work[(j0 + r) * n + j0 + c] = vt[c * mp + r]!;
    const block = packReflectors(vt, tau, j0, mp, store.subarray(used));
    used += reflectorStorage(jb, mp);
    blocks.push(block);
    applyReflectors(block, work, j0 * n + j1, n, n - j1, true, shared);
  }
  return { work, blocks };
}
