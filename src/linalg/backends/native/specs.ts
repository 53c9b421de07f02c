import type { Eigh, KernelName, Kernels, Qr, QrPivoted, SignedLogdet, Svd } from '../../kernels.js';
import { Matrix } from '../../matrix.js';
import type { NativeArg } from './addon.js';

/** How one kernel maps onto the addon: its argument list and how the raw result becomes typed. */
export interface NativeSpec<K extends KernelName> {
  args(...params: Parameters<Kernels[K]>): NativeArg[];
  result(raw: unknown, ...params: Parameters<Kernels[K]>): ReturnType<Kernels[K]>;
}

type Arrays<T extends string> = Record<T, Float64Array>;

const square = (a: Matrix): NativeArg[] => [a.data, a.rows];
const logdetResult = (raw: unknown): SignedLogdet => {
  const [logAbsDet, sign] = raw as Float64Array;
  return { logAbsDet: logAbsDet!, sign: sign! };
};
const squareResult = (raw: unknown, a: Matrix): Matrix =>
  Matrix.fromRowMajor(a.rows, a.rows, raw as Float64Array);

/**
 * The adapters between Matrix-based kernels and the addon's flat signatures (native/calls.cc).
 * The addon returns fresh arrays, so results wrap them without copying.
 * @example NATIVE_SPECS.gram.args(x, 0.5) // [x.data, x.rows, x.cols, 0.5]
 */
export const NATIVE_SPECS: { [K in KernelName]: NativeSpec<K> } = {
  gemm: {
    args: (a, b, transA, transB, alpha) => [
      a.data,
      a.rows,
      a.cols,
      b.data,
      b.rows,
      b.cols,
      transA,
      transB,
      alpha,
    ],
    result: (raw, a, b, transA, transB) =>
      Matrix.fromRowMajor(transA ? a.cols : a.rows, transB ? b.rows : b.cols, raw as Float64Array),
  },
  gram: {
    args: (x, scale) => [x.data, x.rows, x.cols, scale],
    result: (raw, x) => Matrix.fromRowMajor(x.cols, x.cols, raw as Float64Array),
  },
  cholesky: { args: square, result: squareResult },
  choleskySolve: {
    args: (l, b) => [l.data, l.rows, b.data, b.cols],
    result: (raw, _l, b) => Matrix.fromRowMajor(b.rows, b.cols, raw as Float64Array),
  },
  spdInverse: { args: square, result: squareResult },
  eigvalsh: { args: square, result: (raw) => raw as Float64Array },
  gramEigvalsh: {
    args: (x, scale, outer, single) => [x.data, x.rows, x.cols, scale, outer, single],
    result: (raw) => raw as Float64Array,
  },
  eigh: {
    args: square,
    result: (raw, a): Eigh => {
      const { values, vectors } = raw as Arrays<'values' | 'vectors'>;
      return { values, vectors: Matrix.fromRowMajor(a.rows, a.rows, vectors) };
    },
  },
  svd: {
    args: (a) => [a.data, a.rows, a.cols],
    result: (raw, a): Svd => {
      const { u, s, vt } = raw as Arrays<'u' | 's' | 'vt'>;
      const k = Math.min(a.rows, a.cols);
      return { u: Matrix.fromRowMajor(a.rows, k, u), s, vt: Matrix.fromRowMajor(k, a.cols, vt) };
    },
  },
  qr: {
    args: (a) => [a.data, a.rows, a.cols],
    result: (raw, a): Qr => {
      const { q, r } = raw as Arrays<'q' | 'r'>;
      const k = Math.min(a.rows, a.cols);
      return { q: Matrix.fromRowMajor(a.rows, k, q), r: Matrix.fromRowMajor(k, a.cols, r) };
    },
  },
  // The matrix goes by reference: a synchronous gemv reads it in place, no copy.
  gemv: {
    args: (a, x, trans, alpha) => [a.data, a.rows, a.cols, x, trans, alpha],
    result: (raw) => raw as Float64Array,
  },
  trsm: {
    args: (t, b, upper, trans, left) => [
      t.data,
      t.rows,
      b.data,
      b.rows,
      b.cols,
      upper,
      trans,
      left,
    ],
    result: (raw, _t, b) => Matrix.fromRowMajor(b.rows, b.cols, raw as Float64Array),
  },
  qrPivoted: {
    args: (a) => [a.data, a.rows, a.cols],
    result: (raw, a): QrPivoted => {
      const { q, r, perm } = raw as Arrays<'q' | 'r'> & { perm: Int32Array };
      const k = Math.min(a.rows, a.cols);
      return { q: Matrix.fromRowMajor(a.rows, k, q), r: Matrix.fromRowMajor(k, a.cols, r), perm };
    },
  },
  lstsqQr: {
    args: (a, b) => [a.data, a.rows, a.cols, b.data, b.cols],
    result: (raw, a, b) => Matrix.fromRowMajor(a.cols, b.cols, raw as Float64Array),
  },
  qrR: {
    args: (a) => [a.data, a.rows, a.cols],
    result: (raw, a) => Matrix.fromRowMajor(Math.min(a.rows, a.cols), a.cols, raw as Float64Array),
  },
  luLogdet: { args: square, result: logdetResult },
  ldlLogdet: { args: square, result: logdetResult },
};
