import { InvalidArgumentError } from '../errors.js';
import { matvec, qrR, svd, triangularSolve } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { type LinearOperator, vectorOperator } from '../operators/linear-operator.js';
import { spectralNormEstimate } from '../operators/norm-estimate.js';

/** How the sketch S·A is factored into a right preconditioner M (docs/theory.md §12). */
export type PreconditionerKind = 'qr' | 'svd';

/**
 * A right preconditioner M for A built from its sketch: A·M is well conditioned.
 * `apply(y)` = M·y maps the preconditioned unknowns back; `applyTranspose(z)` = Mᵀ·z;
 * `conditionEstimate` estimates cond(S·A) ≈ cond(A); `norm` is ‖S·A‖₂ ≈ ‖A‖₂ and `topDirection`
 * the matching right singular vector estimate.
 */
export interface Preconditioner {
  kind: PreconditionerKind;
  apply(y: Float64Array): Float64Array;
  applyTranspose(z: Float64Array): Float64Array;
  /** M⁻ᵀ·g, which maps the preconditioned normal residual (A·M)ᵀr back to Aᵀr. */
  unapplyTranspose(g: Float64Array): Float64Array;
  /**
   * The sketch-and-solve solution argmin ‖S·A·x − S·b‖ (a fresh array) for the S·b given to
   * {@link sketchPreconditioner}; throws when none was.
   */
  solveSketched(): Float64Array;
  conditionEstimate: number;
  norm: number;
  topDirection: Float64Array;
}

/**
 * Builds M from the l×d sketch SA (l ≥ d): `qr` factors SA = QR and takes M = R⁻¹ (Blendenpik),
 * `svd` factors SA = UΣVᵀ and takes M = VΣ⁻¹ (LSRN). Either way cond(A·M) = cond(S·U) for an
 * orthonormal basis U of range(A), about (1 + √(d/l))/(1 − √(d/l)). With `qr`, Q is never formed:
 * the R factor of [S·A | S·b] holds R in its leading d×d block and Qᵀ·S·b above it in its last
 * column (Golub and Van Loan §5.3.3), which is all the sketch-and-solve solution R⁻¹·Qᵀ·S·b
 * needs; one dgeqrf, half the flops of dgeqrf + dorgqr.
 * @param rcond singular values below rcond·σ_max count as zero, as in numpy.linalg.lstsq.
 * @param sb S·b (length l), for {@link Preconditioner.solveSketched}; leave it out when the
 *   sketch-and-solve solution is not wanted.
 * @throws {InvalidArgumentError} naming 'a' when A is numerically rank deficient.
 */
export function sketchPreconditioner(
  sa: Matrix,
  kind: PreconditionerKind,
  rcond: number,
  sb?: Float64Array,
): Preconditioner {
  const d = sa.cols;
  const column = (v: Float64Array) => Matrix.fromRowMajor(v.length, 1, v);
  let result: Preconditioner;
  if (kind === 'svd') {
    const { u, s, vt } = svd(sa);
    const m = Matrix.zeros(d, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) m.data[i * d + j] = vt.get(j, i) / s[j]!;
    result = {
      kind,
      apply: (y) => matvec(m, y),
      applyTranspose: (z) => matvec(m, z, { trans: true }),
      // M⁻¹ = Σ·Vᵀ, so M⁻ᵀ·g = V·(Σ·g).
      unapplyTranspose: (g) =>
        matvec(
          vt,
          Float64Array.from(g, (v, j) => v * s[j]!),
          { trans: true },
        ),
      solveSketched: () => matvec(m, matvec(u, given(sb), { trans: true })),
      conditionEstimate: s[0]! / s[d - 1]!,
      norm: s[0]!,
      topDirection: vt.data.slice(0, d),
    };
  } else {
    const { r, qtb } = factorSketch(sa, sb);
    for (let k = 0; k < d; k++) if (r.get(k, k) === 0) rankDeficient(Number.POSITIVE_INFINITY);
    const apply = (y: Float64Array) => triangularSolve(r, column(y)).data;
    const applyTranspose = (z: Float64Array) => triangularSolve(r, column(z), { trans: true }).data;
    const top = spectralNormEstimate(
      vectorOperator(
        d,
        d,
        (x) => matvec(r, x),
        (x) => matvec(r, x, { trans: true }),
      ),
      { iterations: 30 },
    );
    const inverse = spectralNormEstimate(vectorOperator(d, d, apply, applyTranspose), {
      iterations: 30,
    });
    result = {
      kind,
      apply,
      applyTranspose,
      unapplyTranspose: (g) => matvec(r, g, { trans: true }),
      solveSketched: () => apply(given(qtb)),
      conditionEstimate: top.value * inverse.value,
      norm: top.value,
      topDirection: top.vector,
    };
  }
  if (!(result.conditionEstimate * rcond < 1)) rankDeficient(result.conditionEstimate);
  return result;
}

/**
 * R (d×d) of the thin QR S·A = Q·R and, when S·b is given, Qᵀ·S·b, both read off one R factor of
 * the augmented l×(d + 1) matrix [S·A | S·b]: its first d columns factor exactly as S·A alone,
 * and its last column's first d entries are then Qᵀ·S·b.
 */
function factorSketch(sa: Matrix, sb?: Float64Array): { r: Matrix; qtb?: Float64Array } {
  if (!sb) return { r: qrR(sa) };
  const { rows: l, cols: d } = sa;
  const w = d + 1;
  const augmented = new Float64Array(l * w);
  for (let i = 0; i < l; i++) {
    augmented.set(sa.data.subarray(i * d, (i + 1) * d), i * w);
    augmented[i * w + d] = sb[i]!;
  }
  const full = qrR(Matrix.fromRowMajor(l, w, augmented));
  const r = new Float64Array(d * d);
  const qtb = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    r.set(full.data.subarray(i * w, i * w + d), i * d);
    qtb[i] = full.data[i * w + d]!;
  }
  return { r: Matrix.fromRowMajor(d, d, r), qtb };
}

function given<T>(sb: T | undefined): T {
  if (sb === undefined)
    throw new Error('sketchPreconditioner: solveSketched needs the S·b passed to it');
  return sb;
}

function rankDeficient(condition: number): never {
  throw new InvalidArgumentError(
    'a',
    `must have full column rank; its sketch has condition number ≈ ${condition.toPrecision(3)}, beyond 1/rcond`,
  );
}

/**
 * The operator A·M, with products A·(M·y) and Mᵀ·(Aᵀ·u), and the fused A·M·y with
 * Mᵀ·AᵀA·M·y when A has it.
 */
export function preconditionedOperator(a: LinearOperator, m: Preconditioner): LinearOperator {
  const op = vectorOperator(
    a.rows,
    a.cols,
    (y) => a.matvec(m.apply(y)),
    (u) => m.applyTranspose(a.rmatvec(u)),
  );
  if (!a.normalProduct) return op;
  const fused = (x: Float64Array) => a.normalProduct!(x);
  return {
    ...op,
    normalProduct: (y) => {
      const { image, normal } = fused(m.apply(y));
      return { image, normal: m.applyTranspose(normal) };
    },
  };
}
