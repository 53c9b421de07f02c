import { Matrix } from '../../../matrix.js';
import { wantsParallel } from '../pool/pool.js';
import { copyOut } from '../pool/scratch.js';
import { mirrorUpper } from '../products/mirror.js';
import { PANEL, packedLength, packInto } from '../products/pack.js';
import { reserveRegions, simdMultiply } from './arena.js';
import { simdAvailable } from './tile.js';

/**
 * Gram and GEMM on the WebAssembly SIMD micro-kernel (tile.ts), about 4× the scalar kernel's
 * speed per core; large products run on the worker pool over a shared memory
 * (arena.ts). Operands are packed straight into the kernel's memory and C is padded to whole
 * 4×4 tiles; results equal the scalar path's bit for bit. Each function returns undefined when
 * SIMD is unavailable or the operands do not fit a wasm32 memory; callers then run scalar.
 */

/** Below this many flops the scalar kernel (no copies into wasm memory) is as fast. */
const MIN_FLOPS = 1e5;

/**
 * scale · XᵀX (full symmetric), or undefined to fall back to the scalar kernel.
 * @example simdGram(x, 1 / x.rows) ?? gram(x, 1 / x.rows)
 */
export function simdGram(x: Matrix, scale: number): Matrix | undefined {
  const n = x.rows;
  const d = x.cols;
  if (!worthIt(d * d * n)) return undefined;
  const dp = padded(d);
  const regions = reserveRegions([packedLength(d, n), dp * dp], wantsParallel(d * d * n));
  if (!regions) return undefined;
  const [packed, c] = regions.views as [Float64Array, Float64Array];
  packInto(packed, x.data, 0, d, d, n, true);
  c.fill(0);
  simdMultiply(
    regions.simd,
    regions.offsets[0]!,
    regions.offsets[0]!,
    regions.offsets[1]!,
    dp,
    dp,
    dp,
    n,
    scale,
    true,
  );
  const out = copyRows(c, dp, d, d);
  mirrorUpper(out, d);
  return Matrix.fromRowMajor(d, d, out);
}

/**
 * alpha · op(A) · op(B), or undefined to fall back to the scalar kernel.
 * @example simdGemm(a, b, true, false, 1) ?? gemm(a, b, true, false, 1)
 */
export function simdGemm(
  a: Matrix,
  b: Matrix,
  transA: boolean,
  transB: boolean,
  alpha: number,
): Matrix | undefined {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  if (!worthIt(2 * m * n * k)) return undefined;
  const mp = padded(m);
  const np = padded(n);
  const regions = reserveRegions(
    [packedLength(m, k), packedLength(n, k), mp * np],
    wantsParallel(2 * m * n * k),
  );
  if (!regions) return undefined;
  const [packedA, packedB, c] = regions.views as [Float64Array, Float64Array, Float64Array];
  packInto(packedA, a.data, 0, a.cols, m, k, transA);
  // B is packed by columns of op(B): row j of the packed operand is op(B)[·][j].
  packInto(packedB, b.data, 0, b.cols, n, k, !transB);
  c.fill(0);
  simdMultiply(
    regions.simd,
    regions.offsets[0]!,
    regions.offsets[1]!,
    regions.offsets[2]!,
    mp,
    np,
    np,
    k,
    alpha,
    false,
  );
  return Matrix.fromRowMajor(m, n, copyRows(c, np, m, n));
}

/** Whether the SIMD path applies: available, and large enough to pay for its copies. */
function worthIt(flops: number): boolean {
  return flops >= MIN_FLOPS && simdAvailable();
}

function padded(size: number): number {
  return Math.ceil(size / PANEL) * PANEL;
}

/** The leading rows×cols block of a row-major matrix with row stride ld, as a plain array. */
function copyRows(c: Float64Array, ld: number, rows: number, cols: number): Float64Array {
  if (ld === cols) return copyOut(c.subarray(0, rows * cols));
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) out.set(c.subarray(i * ld, i * ld + cols), i * cols);
  return out;
}
