import type { Matrix } from './matrix.js';

/**
 * Symmetric eigendecomposition A = V diag(values) Vᵀ; `vectors` holds the eigenvectors as columns.
 */
export interface Eigh {
  values: Float64Array;
  vectors: Matrix;
}

/** Thin SVD A = U diag(s) Vᵀ with k = min(m, n): U is m×k, s descending, Vt is k×n. */
export interface Svd {
  u: Matrix;
  s: Float64Array;
  vt: Matrix;
}

/**
 * Thin QR A = Q R with k = min(m, n): Q is m×k with orthonormal columns, R is k×n upper triangular.
 */
export interface Qr {
  q: Matrix;
  r: Matrix;
}

/**
 * Thin QR with column pivoting, A[:, perm] = Q R with k = min(m, n): Q is m×k with orthonormal
 * columns, R is k×n upper triangular (trapezoidal when m < n) with |R_00| ≥ |R_11| ≥ … ≥ 0, and
 * `perm` lists A's columns in pivot order (column j of Q R is column perm[j] of A).
 */
export interface QrPivoted {
  q: Matrix;
  r: Matrix;
  perm: Int32Array;
}

/** ln |det A| and the sign of det A, as numpy's slogdet: det A = sign · exp(logAbsDet). */
export interface SignedLogdet {
  /** ln |det A|; −∞ when A is singular. */
  logAbsDet: number;
  /** 1, −1, or 0 when A is singular. */
  sign: number;
}

/**
 * The kernels every backend implements. Inputs are validated by `linalg/index.ts` before they get
 * here (finite, right shapes, symmetric where required); kernels trust them and never mutate them.
 */
export interface Kernels {
  /** alpha · op(A) · op(B), op = transpose when the flag is set. */
  gemm(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix;
  /** scale · XᵀX, returned as a full symmetric d×d matrix. */
  gram(x: Matrix, scale: number): Matrix;
  /**
   * Lower Cholesky factor L (zeros above the diagonal); throws NotPositiveDefiniteError('a',
   * order).
   */
  cholesky(a: Matrix): Matrix;
  /** X solving L Lᵀ X = B for a lower Cholesky factor L. */
  choleskySolve(l: Matrix, b: Matrix): Matrix;
  /** A⁻¹ of a symmetric positive definite A through its Cholesky factor (full symmetric result). */
  spdInverse(a: Matrix): Matrix;
  /** Eigenvalues of a symmetric matrix, ascending. */
  eigvalsh(a: Matrix): Float64Array;
  /**
   * Eigenvalues, ascending, of scale·XᵀX (d of them for X n×d) or, with `outer`, of scale·XXᵀ (n):
   * gram then eigvalsh without the d×d matrix leaving the backend; all NaN when the Gram matrix
   * has a non-finite diagonal. With `single` the product may run in single precision (X rounded
   * to float32 after an exact power-of-two scaling); the eigensolver runs in double either way.
   */
  gramEigvalsh(x: Matrix, scale: number, outer: boolean, single: boolean): Float64Array;
  /** Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix. */
  eigh(a: Matrix): Eigh;
  /** Thin singular value decomposition. */
  svd(a: Matrix): Svd;
  /** Thin QR factorisation. */
  qr(a: Matrix): Qr;
  /** alpha · op(A) · x, op = transpose when `trans` (length m, or n when transposed). */
  gemv(a: Matrix, x: Float64Array, trans: boolean, alpha: number): Float64Array;
  /**
   * X solving op(T)·X = B (`left`) or X·op(T) = B for a square triangular T with a nonzero
   * diagonal; only the `upper` (else lower) triangle of T is read.
   */
  trsm(t: Matrix, b: Matrix, upper: boolean, trans: boolean, left: boolean): Matrix;
  /** Thin QR with column pivoting (largest remaining column norm first). */
  qrPivoted(a: Matrix): QrPivoted;
  /**
   * X (n×k) minimising ‖A·X − B‖_F for A m×n with m ≥ n through Householder QR; throws
   * InvalidArgumentError('a') when a diagonal entry of R is exactly zero.
   */
  lstsqQr(a: Matrix, b: Matrix): Matrix;
  /**
   * The R factor alone of the thin QR (k×n upper triangular, k = min(m, n)), the same R as
   * {@link Kernels.qr} gives on the same backend; Q is never formed.
   */
  qrR(a: Matrix): Matrix;
  /**
   * ln |det A| and its sign for a square A through LU with partial pivoting; a zero pivot gives
   * { logAbsDet: −∞, sign: 0 }.
   */
  luLogdet(a: Matrix): SignedLogdet;
  /**
   * ln |det A| and its sign for a symmetric A through Bunch–Kaufman LDLᵀ; a singular D gives
   * { logAbsDet: −∞, sign: 0 }.
   */
  ldlLogdet(a: Matrix): SignedLogdet;
}

export type KernelName = keyof Kernels;

/** Promise-returning variants that run off the JS thread (N-API AsyncWorker on the libuv pool). */
export type AsyncKernels = {
  [K in KernelName]: (...args: Parameters<Kernels[K]>) => Promise<ReturnType<Kernels[K]>>;
};

/**
 * The kernel table: name, inputs, outputs. Used for error messages, docs and the conformance suite.
 */
export const KERNELS: Readonly<Record<KernelName, { inputs: string; outputs: string }>> = {
  gemm: { inputs: 'A (m×k), B (k×n), transA, transB, alpha', outputs: 'alpha·op(A)·op(B) (m×n)' },
  gram: { inputs: 'X (n×d), scale', outputs: 'scale·XᵀX (d×d, symmetric)' },
  cholesky: { inputs: 'A (d×d, SPD)', outputs: 'L lower triangular, A = LLᵀ' },
  choleskySolve: { inputs: 'L (d×d lower), B (d×k)', outputs: 'X = (LLᵀ)⁻¹B (d×k)' },
  spdInverse: { inputs: 'A (d×d, SPD)', outputs: 'A⁻¹ (d×d, symmetric)' },
  eigvalsh: { inputs: 'A (d×d, symmetric)', outputs: 'eigenvalues ascending (d)' },
  gramEigvalsh: {
    inputs: 'X (n×d), scale, outer, single',
    outputs: 'eigenvalues of scale·XᵀX (d), or of scale·XXᵀ (n) when outer, ascending',
  },
  eigh: { inputs: 'A (d×d, symmetric)', outputs: 'values ascending (d), vectors as columns (d×d)' },
  svd: { inputs: 'A (m×n)', outputs: 'U (m×k), s descending (k), Vt (k×n), k = min(m, n)' },
  qr: { inputs: 'A (m×n)', outputs: 'Q (m×k) orthonormal columns, R (k×n) upper, k = min(m, n)' },
  gemv: { inputs: 'A (m×n), x (n, or m when trans), trans, alpha', outputs: 'alpha·op(A)·x' },
  trsm: {
    inputs: 'T (d×d triangular), B (d×k left, k×d right), upper, trans, left',
    outputs: 'X with op(T)·X = B or X·op(T) = B (shape of B)',
  },
  qrPivoted: {
    inputs: 'A (m×n)',
    outputs: 'Q (m×k), R (k×n) upper, |diag R| nonincreasing, perm (n): A[:, perm] = QR',
  },
  lstsqQr: {
    inputs: 'A (m×n, m ≥ n, full column rank), B (m×k)',
    outputs: 'argmin ‖AX − B‖_F (n×k)',
  },
  qrR: { inputs: 'A (m×n)', outputs: 'R (k×n) upper of A = QR, k = min(m, n); no Q' },
  luLogdet: { inputs: 'A (d×d)', outputs: 'ln |det A| and sign by LU with partial pivoting' },
  ldlLogdet: { inputs: 'A (d×d, symmetric)', outputs: 'ln |det A| and sign by Bunch–Kaufman LDLᵀ' },
};

export const KERNEL_NAMES = Object.keys(KERNELS) as KernelName[];

/** A set of kernel implementations. `priority`: the highest loadable backend wins. */
export interface Backend {
  readonly name: BackendName;
  readonly priority: number;
  readonly kernels: Partial<Kernels>;
  readonly asyncKernels?: Partial<AsyncKernels>;
  /**
   * Asynchronous kernels that read their input arrays in place instead of copying them, for
   * callers that neither modify nor transfer those arrays until the promise settles.
   */
  readonly borrowingAsyncKernels?: Partial<AsyncKernels>;
  /**
   * Fixes the threads of the backend's own library (process-wide), or with 'auto' lets each call
   * choose; returns the previous setting.
   */
  readonly setThreads?: (threads: number | 'auto') => number | 'auto';
  /**
   * How many asynchronous jobs the backend runs at once right now (1 when absent): callers with
   * independent work (the layers of a model) keep that many in flight.
   */
  readonly asyncLanes?: () => number;
  /**
   * The operation count from which a call of `kernel` takes every thread of the backend's
   * library under its default threading (below it, one thread); absent where calls do not choose
   * per size. Independent jobs below it lose nothing by running side by side, one per core.
   */
  readonly parallelFlops?: (kernel: string) => number | undefined;
  /** Free-form facts for `rmtkit info` (library versions, threads). */
  readonly details?: Record<string, string | number | boolean>;
}

export type BackendName = 'native' | 'js';
