import { InvalidArgumentError } from '../errors.js';
import { lstsqQr, matvec } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { assertFiniteVector, assertLength, axpy, norm2 } from '../linalg/vector.js';
import { denseOperator, type LinearOperator } from '../operators/linear-operator.js';
import type { Seed } from '../random/seed.js';
import { formatSketch, parseSketch } from './distribution.js';
import { defaultEmbedding } from './embedding.js';
import { lsqr } from './lsqr.js';
import { SKETCH_PARAMS } from './params.js';
import {
  type Preconditioner,
  type PreconditionerKind,
  preconditionedOperator,
  sketchPreconditioner,
} from './preconditioner.js';
import { sketchMatrix } from './sketch-matrix.js';
import type { SketchDistribution } from './types.js';

/** The least-squares methods of {@link lstsq}. */
export type LstsqMethod = 'direct' | 'sketch-solve' | 'sketch-precondition';
export const LSTSQ_METHODS: readonly LstsqMethod[] = [
  'direct',
  'sketch-solve',
  'sketch-precondition',
];

/** Options of {@link lstsq}; every field has a default. */
export interface LstsqOptions {
  /** Default 'sketch-precondition'. */
  method?: LstsqMethod;
  /** The sketch family (an object or its text form, e.g. 'saso:8'); default saso with vecNnz 8. */
  sketch?: SketchDistribution | string;
  /**
   * The sketch has l = ⌈embedding·d⌉ rows; default 2 to solve, and for preconditioning the
   * factor of {@link defaultEmbedding}, chosen from m, d and the tolerance.
   */
  embedding?: number;
  seed?: Seed;
  /**
   * Target backward error (see {@link LstsqResult.backwardError}) of sketch-precondition; 1e-10.
   */
  tolerance?: number;
  /** LSQR iteration cap (all restarts together); default 100. */
  maxIterations?: number;
  /** 'qr' (Blendenpik, default) or 'svd' (LSRN). */
  preconditioner?: PreconditionerKind;
  /** Relative singular-value cutoff for the rank check; default ε·max(m, d) as numpy. */
  rcond?: number;
}

/** The result of {@link lstsq}. */
export interface LstsqResult {
  x: Float64Array;
  /** ‖b − A·x‖₂, computed explicitly. */
  residualNorm: number;
  /**
   * Normwise backward-error estimate, computed explicitly from r = b − A·x: the smaller of
   * ‖Aᵀr‖/(‖A‖₂‖r‖) and ‖r‖/(‖A‖₂‖x‖ + ‖b‖) (0 for a zero residual).
   */
  backwardError: number;
  /** The estimate of ‖A‖₂ used by `backwardError` (a lower bound, so the error errs high). */
  normEstimate: number;
  method: LstsqMethod;
  /** LSQR iterations (0 for the direct and sketch-solve methods). */
  iterations: number;
  converged: boolean;
  /** The sketch in text form and its size l (absent for 'direct'). */
  sketch?: string;
  sketchSize?: number;
  /** cond(A·M) estimated from LSQR's Ritz values (sketch-precondition only). */
  conditionEstimate?: number;
  /** cond(S·A) ≈ cond(A) (sketch methods only). */
  matrixConditionEstimate?: number;
}

/**
 * Least squares min ‖A·x − b‖₂ for a tall full-column-rank A (m×d), three ways (docs/theory.md
 * §12): 'direct' (Householder QR, LAPACK dgels: 2md² flops); 'sketch-solve' (the exact solution of
 * the sketched problem min ‖S(A·x − b)‖: fast, residual larger by the factor 1 + d/(l − d − 1) in
 * expectation); 'sketch-precondition' (Blendenpik/LSRN: factor S·A into a preconditioner M, warm
 * start at the sketch-and-solve solution, then LSQR on A·M, whose condition number is about
 * (1 + √(d/l))/(1 − √(d/l)) whatever cond(A) is; each iteration costs two passes over A).
 * @throws {InvalidArgumentError} naming 'a', 'b', 'method', 'sketch', 'embedding', 'tolerance'
 * or 'maxIterations'; 'a' also for a numerically rank-deficient A.
 * @example lstsq(A, b, { method: 'sketch-precondition', sketch: 'saso:8', seed: 1 }).x
 */
export function lstsq(a: Matrix, b: Float64Array, options: LstsqOptions = {}): LstsqResult {
  const method = options.method ?? 'sketch-precondition';
  if (!LSTSQ_METHODS.includes(method))
    throw new InvalidArgumentError('method', `must be one of ${LSTSQ_METHODS.join(', ')}`, method);
  const { rows: m, cols: d } = a;
  if (m === 0 || d === 0) throw new InvalidArgumentError('a', 'must not be empty', `${m}×${d}`);
  if (m < d)
    throw new InvalidArgumentError('a', `must have at least as many rows as columns`, `${m}×${d}`);
  assertLength('b', b, m);
  assertFiniteVector('b', b);
  const rcond = SKETCH_PARAMS.rcond.check('rcond', options.rcond ?? 2 ** -52 * Math.max(m, d));
  const distribution =
    typeof options.sketch === 'string'
      ? parseSketch(options.sketch)
      : (options.sketch ?? ({ kind: 'saso', vecNnz: 8 } as const));
  const embedding =
    options.embedding ??
    (method === 'sketch-precondition' ? defaultEmbedding(m, d, options.tolerance ?? 1e-10) : 2);
  const l = Math.ceil(SKETCH_PARAMS.embedding.check('embedding', embedding) * d);
  if (l <= d)
    throw new InvalidArgumentError(
      'embedding',
      `must make the sketch size l = ⌈embedding·d⌉ exceed d = ${d}`,
      embedding,
    );
  if (l > m && method !== 'direct')
    throw new InvalidArgumentError(
      'embedding',
      `gives a sketch size l = ${l} above the row count m = ${m}; use method 'direct'`,
      embedding,
    );
  // The direct method sketches too, but only to check the rank and estimate ‖A‖₂ cheaply (a
  // subspace embedding keeps the rank); a matrix too short to sketch is checked as it is.
  const { sa, sb } =
    l <= m ? sketchMatrix(distribution, l, a, b, options.seed ?? 0) : { sa: a, sb: b };
  // S·b goes along for the sketch-and-solve solution, which the direct method does not need.
  const pre = sketchPreconditioner(
    sa,
    options.preconditioner ?? 'qr',
    rcond,
    method === 'direct' ? undefined : sb,
  );
  // Every entry of A reaches S·A (or A was factored itself), so NaN/∞ in A has been reported.
  const op = denseOperator(a, { checkFinite: false });
  if (method === 'direct') {
    const x = lstsqQr(a, Matrix.fromRowMajor(m, 1, b)).data;
    return {
      ...report(a, b, x, estimateNorm(a, pre.topDirection)),
      method,
      iterations: 0,
      converged: true,
      matrixConditionEstimate: pre.conditionEstimate,
    };
  }
  const common = {
    sketch: formatSketch(distribution),
    sketchSize: l,
    matrixConditionEstimate: pre.conditionEstimate,
  };
  const x = pre.solveSketched();
  if (method === 'sketch-solve')
    return {
      ...report(a, b, x, estimateNorm(a, pre.topDirection)),
      ...common,
      method,
      iterations: 0,
      converged: true,
    };
  return { ...refine(a, op, b, x, pre, options), ...common, method };
}

/**
 * LSQR on A·M from x, stopping on the backward error of the original problem (Aᵀr = M⁻ᵀ·(A·M)ᵀr
 * from the recurrences), restarted (at most twice) until the explicit backward error meets the
 * target, since the recurrences drift from the true residual by rounding.
 */
function refine(
  a: Matrix,
  op: LinearOperator,
  b: Float64Array,
  x: Float64Array,
  pre: Preconditioner,
  options: LstsqOptions,
) {
  const { tolerance = 1e-10, maxIterations = 100 } = options;
  SKETCH_PARAMS.tolerance.check('tolerance', tolerance);
  SKETCH_PARAMS.maxIterations.check('maxIterations', maxIterations);
  const preconditioned = preconditionedOperator(op, pre);
  const normEstimate = estimateNorm(a, pre.topDirection);
  const backwardError = (g: Float64Array, residualNorm: number) =>
    norm2(pre.unapplyTranspose(g)) / (normEstimate * residualNorm);
  let iterations = 0;
  let target = tolerance;
  let conditionEstimate = Number.NaN;
  let result: ReturnType<typeof report> | undefined;
  for (let round = 0; round < 3 && iterations < maxIterations; round++) {
    const residual = axpy(-1, matvec(a, x), b.slice());
    const step = lsqr(preconditioned, residual, {
      tolerance: target,
      maxIterations: maxIterations - iterations,
      backwardError,
      onePass: true,
    });
    iterations += step.iterations;
    if (round === 0) conditionEstimate = step.conditionEstimate;
    axpy(1, pre.apply(step.x), x);
    result = report(a, b, x, normEstimate);
    if (result.backwardError <= tolerance) break;
    target = Math.max(target * Math.min(0.5, tolerance / result.backwardError), 2 ** -52);
  }
  const final = result ?? report(a, b, x, normEstimate);
  return { ...final, iterations, converged: final.backwardError <= tolerance, conditionEstimate };
}

/** ‖A·v‖/‖v‖ for v near the top right singular direction: a lower bound on ‖A‖₂ (one pass). */
function estimateNorm(a: Matrix, direction: Float64Array): number {
  return norm2(matvec(a, direction)) / norm2(direction);
}

/**
 * The explicit residual and backward-error estimate of x: the smaller of ‖Aᵀr‖/(‖A‖₂‖r‖) (x
 * solves a nearby least-squares problem) and ‖r‖/(‖A‖₂‖x‖ + ‖b‖) (x solves a nearby consistent
 * system), with the ‖A‖₂ estimate of {@link estimateNorm}; it errs high. Two passes over A.
 */
function report(a: Matrix, b: Float64Array, x: Float64Array, normEstimate: number) {
  const r = axpy(-1, matvec(a, x), b.slice());
  const residualNorm = norm2(r);
  const normal = norm2(matvec(a, r, { trans: true }));
  const backwardError =
    residualNorm === 0
      ? 0
      : Math.min(
          normal / (normEstimate * residualNorm),
          residualNorm / (normEstimate * norm2(x) + norm2(b)),
        );
  return { x, residualNorm, backwardError, normEstimate };
}
