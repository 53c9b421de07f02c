import { InvalidArgumentError } from '../errors.js';
import { matvec, qr, svd, triangularSolve } from '../linalg/api.js';
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
  /** The sketch-and-solve solution argmin ‖S·A·x − S·b‖ given S·b. */
  solveSketched(sb: Float64Array): Float64Array;
  conditionEstimate: number;
  norm: number;
  topDirection: Float64Array;
}

/**
 * Builds M from the l×d sketch SA: `qr` factors SA = QR and takes M = R⁻¹ (Blendenpik), `svd`
 * factors SA = UΣVᵀ and takes M = VΣ⁻¹ (LSRN). Either way cond(A·M) = cond(S·U) for an
 * orthonormal basis U of range(A), about (1 + √(d/l))/(1 − √(d/l)).
 * @param rcond singular values below rcond·σ_max count as zero, as in numpy.linalg.lstsq.
 * @throws {InvalidArgumentError} naming 'a' when A is numerically rank deficient.
 */
export function sketchPreconditioner(
  sa: Matrix,
  kind: PreconditionerKind,
  rcond: number,
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
      solveSketched: (sb) => matvec(m, matvec(u, sb, { trans: true })),
      conditionEstimate: s[0]! / s[d - 1]!,
      norm: s[0]!,
      topDirection: vt.data.slice(0, d),
    };
  } else {
    const { q, r } = qr(sa);
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
      solveSketched: (sb) => apply(matvec(q, sb, { trans: true })),
      conditionEstimate: top.value * inverse.value,
      norm: top.value,
      topDirection: top.vector,
    };
  }
  if (!(result.conditionEstimate * rcond < 1)) rankDeficient(result.conditionEstimate);
  return result;
}

function rankDeficient(condition: number): never {
  throw new InvalidArgumentError(
    'a',
    `must have full column rank; its sketch has condition number ≈ ${condition.toPrecision(3)}, beyond 1/rcond`,
  );
}

/** The operator A·M, with products A·(M·y) and Mᵀ·(Aᵀ·u). */
export function preconditionedOperator(a: LinearOperator, m: Preconditioner): LinearOperator {
  return vectorOperator(
    a.rows,
    a.cols,
    (y) => a.matvec(m.apply(y)),
    (u) => m.applyTranspose(a.rmatvec(u)),
  );
}
