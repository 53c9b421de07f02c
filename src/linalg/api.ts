import { InvalidArgumentError } from '../errors.js';
import { asyncKernel, borrowingAsyncKernel, kernel } from './backend.js';
import type { Eigh, Qr, SignedLogdet, Svd } from './kernels.js';
import { assertFinite, assertSquare, assertSymmetricFinite, type Matrix } from './matrix.js';

/**
 * Validated entry points to the kernels. Each checks shapes, finiteness and symmetry at the
 * boundary (errors name the argument) and then calls the active backend. The matrix-vector
 * product, triangular solve, pivoted QR and least squares live in their own files and are
 * re-exported here.
 */

export { lstsqQr, qrPivoted } from './least-squares.js';
export { matvec } from './matvec.js';
export { triangularSolve } from './triangular-solve.js';

/**
 * Matrix product op(A)·op(B) (BLAS dgemm).
 * @throws {InvalidArgumentError} on inner-dimension mismatch or non-finite entries.
 * @example matmul(A, B, { transA: true }) // AᵀB
 */
export function matmul(
  a: Matrix,
  b: Matrix,
  options: { transA?: boolean; transB?: boolean; alpha?: number } = {},
): Matrix {
  const { transA = false, transB = false, alpha = 1 } = options;
  checkProduct(a, b, transA, transB);
  return kernel('gemm')(a, b, transA, transB, alpha);
}

/** Asynchronous {@link matmul}. */
export function matmulAsync(
  a: Matrix,
  b: Matrix,
  options: { transA?: boolean; transB?: boolean; alpha?: number } = {},
): Promise<Matrix> {
  const { transA = false, transB = false, alpha = 1 } = options;
  checkProduct(a, b, transA, transB);
  return asyncKernel('gemm')(a, b, transA, transB, alpha);
}

/**
 * The normalised Gram matrix XᵀX/n of an n×d data matrix (BLAS dsyrk); pass `scale` to override
 * 1/n.
 * @example gram(X) // the sample second-moment matrix Σ̂
 */
export function gram(x: Matrix, scale?: number): Matrix {
  return checkGram(x, kernel('gram')(...gramArgs(x, scale)));
}

/** Asynchronous {@link gram}. */
export function gramAsync(x: Matrix, scale?: number): Promise<Matrix> {
  return asyncKernel('gram')(...gramArgs(x, scale)).then((g) => checkGram(x, g));
}

/**
 * Lower Cholesky factor L with A = LLᵀ (LAPACK dpotrf).
 * @throws {NotPositiveDefiniteError} naming the first non-positive leading minor.
 */
export function cholesky(a: Matrix): Matrix {
  assertSymmetricFinite('a', a);
  return kernel('cholesky')(a);
}

/** Solves (LLᵀ)X = B given the lower Cholesky factor L (LAPACK dpotrs). */
export function choleskySolve(l: Matrix, b: Matrix): Matrix {
  assertSquare('l', l);
  assertFinite('l', l);
  assertFinite('b', b);
  if (b.rows !== l.rows)
    throw new InvalidArgumentError('b', `must have ${l.rows} rows to match l`, b.rows);
  return kernel('choleskySolve')(l, b);
}

/** Solves AX = B for symmetric positive definite A via Cholesky. */
export function solveSpd(a: Matrix, b: Matrix): Matrix {
  return choleskySolve(cholesky(a), b);
}

/**
 * Inverse of a symmetric positive definite matrix through Cholesky (LAPACK dpotrf + dpotri).
 * @throws {NotPositiveDefiniteError}
 */
export function spdInverse(a: Matrix): Matrix {
  assertSymmetricFinite('a', a);
  return kernel('spdInverse')(a);
}

/** Asynchronous {@link spdInverse}. */
export function spdInverseAsync(a: Matrix): Promise<Matrix> {
  assertSymmetricFinite('a', a);
  return asyncKernel('spdInverse')(a);
}

/**
 * Eigenvalues of a symmetric matrix in ascending order (LAPACK dsyevd; on the native backend from
 * d = 2048 on the two-stage reduction dsytrd_sy2sb + dsytrd_sb2st + dsterf, 1.3–1.6× faster
 * there, docs/performance.md "Eigenvalues of large matrices").
 * @example eigvalsh(Matrix.fromRows([[2, 1], [1, 2]])) // Float64Array [1, 3]
 */
export function eigvalsh(a: Matrix): Float64Array {
  assertSymmetricFinite('a', a);
  return kernel('eigvalsh')(a);
}

/** Asynchronous {@link eigvalsh}. */
export function eigvalshAsync(a: Matrix): Promise<Float64Array> {
  assertSymmetricFinite('a', a);
  return asyncKernel('eigvalsh')(a);
}

/** Options of {@link gramEigvalsh}. */
export interface GramEigvalshOptions {
  /** Multiplies the Gram matrix (default 1). */
  scale?: number;
  /** The eigenvalues of scale·XXᵀ (n of them) instead of scale·XᵀX (d). */
  outer?: boolean;
  /**
   * 'single': the product in single precision on the native backend (X rounded to float32 after
   * an exact power-of-two scaling, then ssyrk: half dsyrk's time; the eigensolver stays double).
   * Each eigenvalue is then within (n + 2)·ε₃₂·‖|X||X|ᵀ‖_F·scale of the exact one (ε₃₂ = 2⁻²⁴;
   * observed ~1e-7·λmax on a 4096 × 11008 layer), so the small ones are not resolved. Default
   * 'double': within (n + d)·ε·λmax.
   */
  precision?: 'double' | 'single';
}

/**
 * Eigenvalues, ascending, of the Gram matrix scale·XᵀX of an n×d matrix (d of them), or with
 * `outer` of scale·XXᵀ (n of them): {@link gram} then {@link eigvalsh} in one kernel call, without
 * the Gram matrix or a transposed X ever being copied out (the squared singular values of X for
 * scale 1).
 * @throws {InvalidArgumentError} naming x for non-finite entries or squares that overflow, or
 *   precision when it is neither 'double' nor 'single'.
 * @example gramEigvalsh(W, { outer: W.rows < W.cols }) // s² of W, ascending
 */
export function gramEigvalsh(x: Matrix, options: GramEigvalshOptions = {}): Float64Array {
  const [scale, outer, single] = gramEigvalshArgs(x, options);
  return checkGramValues(x, kernel('gramEigvalsh')(x, scale, outer, single));
}

/** Asynchronous {@link gramEigvalsh}. */
export function gramEigvalshAsync(
  x: Matrix,
  options: GramEigvalshOptions = {},
): Promise<Float64Array> {
  return gramEigvalshWith(asyncKernel, x, options);
}

/**
 * {@link gramEigvalshAsync} reading x's entries in place instead of copying them (the native
 * backend otherwise copies x when the call is made: 0.1-1.2 s for 4096 × 11008). Internal, for
 * callers that own x: they must neither modify nor transfer x.data until the promise settles.
 * @example await gramEigvalshBorrowedAsync(W, { outer: W.rows < W.cols })
 */
export function gramEigvalshBorrowedAsync(
  x: Matrix,
  options: GramEigvalshOptions = {},
): Promise<Float64Array> {
  return gramEigvalshWith(borrowingAsyncKernel, x, options);
}

function gramEigvalshWith(
  kernelOf: typeof asyncKernel,
  x: Matrix,
  options: GramEigvalshOptions,
): Promise<Float64Array> {
  const [scale, outer, single] = gramEigvalshArgs(x, options);
  return kernelOf('gramEigvalsh')(x, scale, outer, single).then((w) => checkGramValues(x, w));
}

function gramEigvalshArgs(x: Matrix, options: GramEigvalshOptions): [number, boolean, boolean] {
  const precision = options.precision ?? 'double';
  if (precision !== 'double' && precision !== 'single')
    throw new InvalidArgumentError('precision', "must be 'double' or 'single'", precision);
  const [, scale] = gramArgs(x, options.scale ?? 1);
  return [scale, options.outer ?? false, precision === 'single'];
}

/**
 * Eigenvalues (ascending) and eigenvectors (columns of `vectors`) of a symmetric matrix (dsyevd).
 */
export function eigh(a: Matrix): Eigh {
  assertSymmetricFinite('a', a);
  return kernel('eigh')(a);
}

/** Asynchronous {@link eigh}. */
export function eighAsync(a: Matrix): Promise<Eigh> {
  assertSymmetricFinite('a', a);
  return asyncKernel('eigh')(a);
}

/** Thin SVD A = U diag(s) Vᵀ, s descending (LAPACK dgesdd). */
export function svd(a: Matrix): Svd {
  checkNonEmpty('a', a);
  return kernel('svd')(a);
}

/** Asynchronous {@link svd}. */
export function svdAsync(a: Matrix): Promise<Svd> {
  checkNonEmpty('a', a);
  return asyncKernel('svd')(a);
}

/** Thin QR factorisation A = QR (LAPACK dgeqrf + dorgqr). */
export function qr(a: Matrix): Qr {
  checkNonEmpty('a', a);
  return kernel('qr')(a);
}

/**
 * The R factor alone of the thin QR A = QR (LAPACK dgeqrf; numpy.linalg.qr(a, mode='r')): k×n
 * upper triangular with zeros below the diagonal, k = min(m, n), the same R as {@link qr} returns
 * on the same backend (LAPACK's Householder signs). Q is never formed, so it costs
 * 2mn² − 2n³/3 flops for a tall A (2mnk − 2k³/3 in general), half of {@link qr}. RᵀR = AᵀA, so R
 * serves as a Cholesky factor of the Gram matrix without squaring the condition number, and the
 * R of the augmented [A | b] carries Qᵀb in its last column (Golub and Van Loan, Matrix
 * Computations, §5.2.2 and §5.3.3).
 * @throws {InvalidArgumentError} when A is empty.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of A.
 * @example qrR(Matrix.fromRows([[3, 1], [4, 2]])) // [[−5, −2.2], [0, 0.4]]
 */
export function qrR(a: Matrix): Matrix {
  checkNonEmpty('a', a);
  return kernel('qrR')(a);
}

/**
 * ln |det A| and the sign of det A for a square A through LU with partial pivoting, PA = LU
 * (LAPACK dgetrf, 2n³/3 flops; numpy.linalg.slogdet): det A = (−1)^(row interchanges) · Π U_ii,
 * summed as logarithms so it never overflows. A zero pivot is not an error: it gives
 * { logAbsDet: −∞, sign: 0 } (Golub and Van Loan, Matrix Computations, §3.4).
 * @throws {InvalidArgumentError} naming 'a' when it is not square or empty.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of A.
 * @example luLogdet(Matrix.fromRows([[0, 1], [2, 3]])) // { logAbsDet: ln 2, sign: −1 }
 */
export function luLogdet(a: Matrix): SignedLogdet {
  assertSquare('a', a);
  assertFinite('a', a);
  return kernel('luLogdet')(a);
}

/**
 * ln |det A| and the sign of det A for a symmetric (possibly indefinite) A through the
 * Bunch–Kaufman factorisation PAPᵀ = LDLᵀ with 1×1 and 2×2 pivots (LAPACK dsytrf, n³/3 flops):
 * det A = det D, the product of the pivots and of the 2×2 blocks' determinants. A singular D
 * gives { logAbsDet: −∞, sign: 0 } (Golub and Van Loan, §4.4.4).
 * @throws {InvalidArgumentError} naming 'a' when it is not square, empty or not symmetric.
 * @throws {NonFiniteError} naming the first NaN or ±∞ entry of A.
 * @example ldlLogdet(Matrix.fromRows([[0, 1], [1, 0]])) // { logAbsDet: 0, sign: −1 }
 */
export function ldlLogdet(a: Matrix): SignedLogdet {
  assertSymmetricFinite('a', a);
  return kernel('ldlLogdet')(a);
}

function checkNonEmpty(name: string, a: Matrix): void {
  assertNonEmpty(name, a);
  assertFinite(name, a);
}

function assertNonEmpty(name: string, a: Matrix): void {
  if (a.rows === 0 || a.cols === 0)
    throw new InvalidArgumentError(name, `must not be empty; shape is ${a.rows}×${a.cols}`);
}

/**
 * Finiteness of the Gram input, read off the result: G[j][j] = scale·Σᵢ x[i][j]² is NaN or ±∞
 * whenever column j holds a NaN or ±∞ (scale is finite), so d diagonal entries stand for n·d
 * inputs. Only a non-finite diagonal triggers the full scan that names the entry; finite inputs
 * whose squares overflow are reported as such.
 */
function checkGram(x: Matrix, g: Matrix): Matrix {
  const d = g.rows;
  let poison = 0;
  for (let j = 0; j < d; j++) poison += g.data[j * d + j]! * 0;
  if (poison === 0) return g;
  assertFinite('x', x);
  throw new InvalidArgumentError(
    'x',
    'has entries whose squares overflow float64 in XᵀX; rescale the data',
    maxAbs(x),
  );
}

/** The kernel's NaN eigenvalues of a non-finite Gram matrix as checkGram's errors. */
function checkGramValues(x: Matrix, w: Float64Array): Float64Array {
  if (w.length === 0 || !Number.isNaN(w[0])) return w;
  assertFinite('x', x);
  throw new InvalidArgumentError(
    'x',
    'has entries whose squares overflow float64 in XᵀX; rescale the data',
    maxAbs(x),
  );
}

function maxAbs(m: Matrix): number {
  let best = 0;
  for (let k = 0; k < m.data.length; k++) best = Math.max(best, Math.abs(m.data[k]!));
  return best;
}

function checkProduct(a: Matrix, b: Matrix, transA: boolean, transB: boolean): void {
  assertFinite('a', a);
  assertFinite('b', b);
  const inner = transA ? a.rows : a.cols;
  const innerB = transB ? b.cols : b.rows;
  if (inner !== innerB) {
    throw new InvalidArgumentError(
      'b',
      `must have ${inner} ${transB ? 'columns' : 'rows'} to match the inner dimension of op(a)`,
      innerB,
    );
  }
}

function gramArgs(x: Matrix, scale: number | undefined): [Matrix, number] {
  // x's entries are checked afterwards, on the result (checkGram): scanning an n×d input first
  // cost 7 % of a d = 1000 native Gram.
  assertNonEmpty('x', x);
  const s = scale ?? 1 / x.rows;
  if (!Number.isFinite(s)) throw new InvalidArgumentError('scale', 'must be finite', s);
  // BLAS skips the product when scale = 0, so the result would say nothing about x.
  if (s === 0) assertFinite('x', x);
  return [x, s];
}
