import { InvalidArgumentError, NotPositiveDefiniteError } from '../errors.js';
import { gram, gramAsync, spdInverseAsync } from '../linalg/api.js';
import { kernel } from '../linalg/backend.js';
import { assertFinite, Matrix, type MatrixLike } from '../linalg/matrix.js';
import { checkOptions } from '../options.js';
import { SSR_PARAMS } from './params.js';
import { ridgeless } from './ridgeless.js';
import { makeFit, type SsrFit, ssrMatrixInPlace } from './ssr-fit.js';

/** Options of {@link fitSsr}. */
export interface SsrOptions {
  /** Ridge λ ≥ 0; 0 is the ridgeless limit. */
  lambda: number;
  /** Centre the columns first (default true); the fit records it in `centred` and `mean`. */
  centre?: boolean;
}

/**
 * Fits masked self-supervised regression (docs/theory.md §1): for every coordinate k the ridge
 * regression of column k on the other columns, all at once as Â = I − Q diag(Q)⁻¹ with
 * Q = (Σ̂ + λI)⁻¹, Σ̂ = X_cᵀX_c/n: one Gram (dsyrk) and one Cholesky inverse (dpotrf + dpotri).
 * The training error uses diag(QΣ̂Q) = diag(Q) − λ‖q_k‖², so it costs O(d²) more.
 * λ = 0 takes the ridgeless limit in both regimes (see `ridgeless`); so does a λ > 0 so small
 * that Σ̂ + λI is numerically singular (Cholesky fails), with `regime` saying so.
 * `data` is a Matrix or anything {@link Matrix.from} reads (nested arrays, `{ data, shape }`).
 * @throws {InvalidArgumentError} naming 'options' (missing or not an object), an unknown option
 *   key (with the nearest known one), 'lambda' (missing, λ < 0 or not finite), 'input' (data that
 *   is not a matrix), 'data' (fewer than 2 columns or no rows) or a non-finite entry of 'data'
 *   with its row and column.
 * @example fitSsr(X, { lambda: 0.1 }).testError(Xtest) // held-out error per coordinate
 */
export function fitSsr(data: Matrix | MatrixLike, options: SsrOptions): SsrFit {
  return fitPrepared(prepareForGram(data, options));
}

/**
 * {@link fitSsr} for a caller that gives `data` up (the CLI's `fit`): the columns are centred in
 * place, so the fit holds one n×d matrix instead of two, and its peak is 8(nd + 2d²) bytes
 * (docs/ssr.md, "Memory"). Same result to the bit; `data` holds X_c afterwards.
 * @example fitSsrInPlace(loaded, { lambda: 0.1 }) // loaded is centred now
 */
export function fitSsrInPlace(data: Matrix, options: SsrOptions): SsrFit {
  return fitPrepared(prepareForGram(data, options, true));
}

function fitPrepared({ xc, mean, lambda, centred }: ReturnType<typeof prepare>): SsrFit {
  let sigmaHat: Matrix;
  try {
    sigmaHat = gram(xc);
  } catch (error) {
    rethrowAsDataError(error, xc, centred);
  }
  if (lambda === 0)
    return makeFit({ ...ridgeless(xc, sigmaHat), lambda, centred, mean, n: xc.rows, d: xc.cols });
  try {
    // Σ̂ + λI is exactly symmetric (both backends mirror the Gram) and finite (gram checked its
    // diagonal, which bounds every entry), so the kernel skips spdInverse's scan of its input.
    const q = kernel('spdInverse')(shift(sigmaHat, lambda));
    return fromInverse(q, lambda, centred, mean, xc.rows);
  } catch (error) {
    return belowRounding(error, xc, shift(sigmaHat, -lambda), lambda, centred, mean);
  }
}

/**
 * {@link fitSsr} with the Gram and the inverse run off the JavaScript thread (native
 * AsyncWorker), so an interactive process stays responsive. Same result, same errors.
 * @example await fitSsrAsync(X, { lambda: 0.1 })
 */
export async function fitSsrAsync(data: Matrix | MatrixLike, options: SsrOptions): Promise<SsrFit> {
  const { xc, mean, lambda, centred } = prepareForGram(data, options);
  const sigmaHat = await gramAsync(xc).catch((error) => rethrowAsDataError(error, xc, centred));
  if (lambda === 0)
    return makeFit({ ...ridgeless(xc, sigmaHat), lambda, centred, mean, n: xc.rows, d: xc.cols });
  try {
    return fromInverse(
      await spdInverseAsync(shift(sigmaHat, lambda)),
      lambda,
      centred,
      mean,
      xc.rows,
    );
  } catch (error) {
    return belowRounding(error, xc, shift(sigmaHat, -lambda), lambda, centred, mean);
  }
}

/**
 * Σ̂ + λI failed Cholesky: Σ̂ is singular and λ is below its rounding error, so Σ̂ + λI is Σ̂ to
 * working precision and the ridgeless limit is the answer to that precision.
 */
function belowRounding(
  error: unknown,
  xc: Matrix,
  sigmaHat: Matrix,
  lambda: number,
  centred: boolean,
  mean: Float64Array,
): SsrFit {
  if (!(error instanceof NotPositiveDefiniteError)) throw error;
  return makeFit({ ...ridgeless(xc, sigmaHat), lambda, centred, mean, n: xc.rows, d: xc.cols });
}

/**
 * Checks λ and the data and centres the columns when asked (shared with the SLQ path): a copy,
 * or with `inPlace` the input matrix itself.
 */
export function prepare(input: Matrix | MatrixLike, options: SsrOptions, inPlace = false) {
  const prepared = prepareForGram(input, options, inPlace);
  // The centring checked every entry already, through the column sums.
  if (!prepared.centred) assertFinite('data', prepared.xc);
  return prepared;
}

/**
 * {@link prepare} for a caller whose next step is the Gram of the uncentred data through
 * {@link rethrowAsDataError}: a non-finite entry makes a diagonal entry of XᵀX non-finite, which
 * the Gram checks anyway, so the scan of the n×d data (a pass as long as the sampling of a
 * trial's rows, docs/performance.md "Sweeps") is left to that check.
 */
function prepareForGram(input: Matrix | MatrixLike, options: SsrOptions, inPlace = false) {
  checkOptions(options, ['lambda', 'centre'], 'options', true);
  if (options.lambda === undefined)
    throw new InvalidArgumentError('lambda', 'is required: the ridge λ ≥ 0, e.g. { lambda: 0.1 }');
  const data = input instanceof Matrix ? input : Matrix.from(input);
  const lambda = SSR_PARAMS.lambda.check('lambda', options.lambda);
  if (!Number.isFinite(lambda)) throw new InvalidArgumentError('lambda', 'must be finite', lambda);
  const centred = options.centre ?? true;
  const { rows: n, cols: d } = data;
  if (d < 2)
    throw new InvalidArgumentError(
      'data',
      `must have at least 2 columns (d ≥ 2); shape is ${n}×${d}`,
    );
  if (n < 1) throw new InvalidArgumentError('data', `must have at least 1 row; shape is ${n}×${d}`);
  const mean = new Float64Array(d);
  if (!centred) return { xc: data, mean, lambda, centred };
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += data.data[i * d + k];
  // A non-finite entry makes its column's sum non-finite (so does an overflow, which the scan
  // lets through, as before), so the scan runs only where it finds something to report.
  let poison = 0;
  for (let k = 0; k < d; k++) poison += mean[k] * 0;
  if (poison !== 0) assertFinite('data', data);
  for (let k = 0; k < d; k++) mean[k] /= n;
  const xc = inPlace ? data : data.clone();
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) xc.data[i * d + k] -= mean[k];
  return { xc, mean, lambda, centred };
}

/**
 * {@link prepareForGram}'s deferred check, for an error of the Gram of prepared data: for
 * uncentred data, a non-finite entry is reported as 'data' with its row and column (as
 * {@link prepare} would have); otherwise the Gram's own error stands (squares that overflow).
 */
function rethrowAsDataError(error: unknown, xc: Matrix, centred: boolean): never {
  if (!centred) assertFinite('data', xc);
  throw error;
}

function shift(sigmaHat: Matrix, lambda: number): Matrix {
  const d = sigmaHat.rows;
  for (let k = 0; k < d; k++) sigmaHat.data[k * d + k] += lambda;
  return sigmaHat;
}

function fromInverse(
  q: Matrix,
  lambda: number,
  centred: boolean,
  mean: Float64Array,
  n: number,
): SsrFit {
  const d = q.rows;
  const diagQ = q.diag();
  // Q is this fit's own: Â overwrites it in the pass that takes the column norms.
  // (QΣ̂Q)_kk = Q_kk − λ (Q²)_kk because Σ̂Q = I − λQ; (Q²)_kk = ‖q_k‖² for symmetric Q.
  const norms = new Float64Array(d);
  const A = ssrMatrixInPlace(q, norms);
  let trainError = 0;
  for (let k = 0; k < d; k++)
    trainError += (diagQ[k] - lambda * norms[k]) / (diagQ[k] * diagQ[k]) / d;
  return makeFit({
    A,
    diagQ,
    lambda,
    regime: 'ridge',
    centred,
    mean,
    n,
    d,
    trainError,
  });
}
