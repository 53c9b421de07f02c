// Shared steps of the tridiagonal QL/QR iterations (sterf.ts, steqr.ts), as in
// LAPACK's dsterf/dsteqr: walk the unreduced blocks, each scaled into a safe range.

export const EPS = 2 ** -53;
export const EPS2 = EPS * EPS;
export const SAFE_MIN = 2 ** -1022;
/**
 * Block norms outside [SCALE_LO, SCALE_HI] are rescaled so that squared entries stay representable.
 */
const SCALE_HI = Math.sqrt(1 / SAFE_MIN) / 3;
const SCALE_LO = Math.sqrt(SAFE_MIN) / EPS2;

/**
 * The last index m of the unreduced block that starts at `start`: the first m whose off-diagonal
 * e[m] is negligible against √|d[m]|·√|d[m+1]| (it is set to 0), or n − 1.
 * @example blockEnd(Float64Array.of(1, 2), Float64Array.of(0), 0, 2) // 0
 */
export function blockEnd(d: Float64Array, e: Float64Array, start: number, n: number): number {
  let m = start;
  for (; m < n - 1; m++) {
    if (Math.abs(e[m]!) <= Math.sqrt(Math.abs(d[m]!)) * Math.sqrt(Math.abs(d[m + 1]!)) * EPS) {
      e[m] = 0;
      break;
    }
  }
  return m;
}

/**
 * Scales d[l..lend] and e[l..lend−1] in place when the block's max-norm is outside the safe range
 * and returns the factor (1 when untouched), or 0 for an all-zero block (nothing to iterate).
 */
export function scaleBlock(d: Float64Array, e: Float64Array, l: number, lend: number): number {
  let anorm = 0;
  for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(d[i]!));
  for (let i = l; i < lend; i++) anorm = Math.max(anorm, Math.abs(e[i]!));
  if (anorm === 0) return 0;
  const scale = anorm > SCALE_HI ? SCALE_HI / anorm : anorm < SCALE_LO ? SCALE_LO / anorm : 1;
  if (scale !== 1) {
    for (let i = l; i <= lend; i++) d[i] = d[i]! * scale;
    for (let i = l; i < lend; i++) e[i] = e[i]! * scale;
  }
  return scale;
}

/** One unreduced block d[start..end] (end > start) and the factor it was scaled by. */
export interface Block {
  start: number;
  end: number;
  scale: number;
}

/**
 * The unreduced blocks of the tridiagonal matrix (d, e), in order, as dsterf/dsteqr walk them:
 * each is split off (the off-diagonal entry before it set to 0), found with {@link blockEnd},
 * skipped if it is 1×1 or all zero, and scaled with {@link scaleBlock}. The next block is looked
 * for only after the caller has finished iterating (and unscaling) the current one.
 * @example for (const { start, end, scale } of unreducedBlocks(d, e)) { ... }
 */
export function* unreducedBlocks(d: Float64Array, e: Float64Array): Generator<Block> {
  const n = d.length;
  let next = 0;
  while (next < n) {
    if (next > 0) e[next - 1] = 0;
    const start = next;
    const end = blockEnd(d, e, start, n);
    next = end + 1;
    if (end === start) continue;
    const scale = scaleBlock(d, e, start, end);
    if (scale !== 0) yield { start, end, scale };
  }
}
