import { InvalidArgumentError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { randomStream } from '../../random/stream.js';
import type { Complex } from './complex.js';
import { type HtmpTable, htmpTable } from './htmp-table.js';
import type { SpectralLaw } from './law.js';
import { tanhSinh } from './quadrature.js';
import { chiVariate, logGamma } from './special.js';
import { tricomiULog } from './tricomi-u.js';
import { checkSize } from './wigner.js';

/**
 * The high-temperature Marchenko–Pastur law HTMP_{γ,κ} of seed 004 (Hodgkinson et al.), on (0, ∞):
 *   ρ(x) = κ/(2γ) / (Γ(κ/2 + 1) Γ(κ/(2γ))) · y^{κ/(2γ) − 1 − κ/2} e^{−y} / |U(κ/2, 1 + κ/2 − κ/(2γ); −y)|²,
 * y = κx/(2γ), with Tricomi's U on the cut (either side: the two are conjugate). It has mean 1
 * and tends to MP_γ as κ → ∞. Model (`sampleMatrix`): the high-temperature β-Laguerre ensemble
 * of Dumitriu–Edelman with β = κ/n, (γ/κ)·BBᵀ for the bidiagonal B with diagonal
 * χ_{κ/γ + κ/n − iκ/n} (i = 0…n−1) and subdiagonal χ_{κ(n−1−i)/n}: the inverse of the theorem's
 * ensemble q_κ, whose spectrum tends to HTMP (its mean is 1 + γ/n exactly).
 * The CDF and Stieltjes transform come from a table of Chebyshev panels (see htmp-table.ts).
 * Domain: 0 < γ < 1, 0 < κ ≤ 20 and κ/(2γ) ≤ 21, where U is computed to 1e-9 or better.
 * @throws {InvalidArgumentError} outside that domain.
 * @example htmp(0.5, 1).density(1)
 */
export function htmp(gamma: number, kappa: number): SpectralLaw {
  if (!(gamma > 0 && gamma < 1))
    throw new InvalidArgumentError('gamma', 'must be in (0, 1)', gamma);
  if (!(kappa > 0 && kappa <= 20))
    throw new InvalidArgumentError(
      'kappa',
      'must be in (0, 20] (larger κ: use Marchenko–Pastur, its limit)',
      kappa,
    );
  const shape = kappa / (2 * gamma);
  if (shape > 21)
    throw new InvalidArgumentError(
      'kappa/(2 gamma)',
      'must be ≤ 21 (the range where U is computed accurately)',
      shape,
    );
  const a = kappa / 2;
  const b = 1 + kappa / 2 - shape;
  const power = shape - 1 - kappa / 2;
  const logConstant = Math.log(shape) - logGamma(kappa / 2 + 1) - logGamma(shape);
  const density = (x: number): number => {
    // Below 1e-250 the mass ∫x^p is under 1e-26 for every allowed (γ, κ): treat it as zero.
    if (!(x > 1e-250) || x === Infinity) return 0;
    const y = shape * x;
    const u = tricomiULog(a, b, { re: -y, im: 0 });
    return Math.exp(logConstant + power * Math.log(y) - y - 2 * u.logAbs);
  };
  let table: HtmpTable | undefined;
  const getTable = (): HtmpTable => (table ??= htmpTable(density));
  return {
    name: 'htmp',
    parameters: { gamma, kappa },
    support: [0, Infinity],
    atoms: [],
    density,
    cdf(x) {
      if (!(x > 0)) return 0;
      const t = getTable();
      if (x < t.bottom) return tanhSinh(density, 0, x, { tol: 1e-10, range: 6.1 });
      return Math.min(1, t.cdf(x));
    },
    stieltjes: (z: Complex) => getTable().stieltjes(z),
    sampleMatrix(n, seed) {
      checkSize(n);
      const stream = randomStream(seed);
      const diag = new Float64Array(n);
      const sub = new Float64Array(n);
      for (let i = 0; i < n; i++)
        diag[i] = chiVariate(stream, kappa / gamma + kappa / n - (i * kappa) / n);
      for (let i = 0; i + 1 < n; i++) sub[i] = chiVariate(stream, (kappa * (n - 1 - i)) / n);
      // L = BBᵀ for B lower bidiagonal (B_ii = diag_i, B_{i+1,i} = sub_i), scaled by γ/κ.
      const out = Matrix.zeros(n, n);
      const s = gamma / kappa;
      for (let i = 0; i < n; i++) {
        out.data[i * n + i] = s * (diag[i]! ** 2 + (i > 0 ? sub[i - 1]! ** 2 : 0));
        if (i + 1 < n) {
          const v = s * diag[i]! * sub[i]!;
          out.data[i * n + i + 1] = v;
          out.data[(i + 1) * n + i] = v;
        }
      }
      return out;
    },
  };
}
