import { InvalidArgumentError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { gaussianMatrix } from '../../random/gaussian.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, div, mul, sub } from './complex.js';
import type { FreeLaw } from './free-law.js';
import { type Atom, withAtoms } from './law.js';
import { marchenkoPastur } from './marchenko-pastur.js';
import { checkSize } from './wigner.js';

/**
 * The chiral block law (freealg's "twisted chiral block"): the limiting spectrum of the
 * (p + q)×(p + q) matrix [[αI_p, X/√q], [Xᵀ/√q, βI_q]] with X a p×q standard Gaussian matrix and
 * c = p/q (docs/theory.md §8). Each squared singular value s² of X/√q, distributed as
 * ν = Marchenko–Pastur(c), gives the two eigenvalues with (λ − α)(λ − β) = s²; the |p − q| left
 * over sit at α (c > 1, mass (c − 1)/(c + 1)) or β (c < 1, mass (1 − c)/(1 + c)). With
 * t(z) = (z − α)(z − β), the Schur complements give
 * m(z) = −[c(β − z)m_ν(t) + (α − z)(c m_ν(t) − (1 − c)/t)]/(1 + c), and the density is
 * c/(1 + c)·ρ_ν(t(λ))·|2λ − α − β| on two intervals λ = (α + β)/2 ± √(((α − β)/2)² + t).
 * Mean (cα + β)/(1 + c), second moment (cα² + β² + 2c)/(1 + c).
 * `sampleMatrix(N, seed)` builds the block matrix with p = round(Nc/(1 + c)), q = N − p.
 * @throws {InvalidArgumentError} naming 'alpha', 'beta' (must be finite) or 'ratio' (> 0).
 * @example chiralBlock(0, 0, 1).intervals // [[-2, 0], [0, 2]]
 */
export function chiralBlock(alpha: number, beta: number, ratio: number): FreeLaw {
  if (!Number.isFinite(alpha)) throw new InvalidArgumentError('alpha', 'must be finite', alpha);
  if (!Number.isFinite(beta)) throw new InvalidArgumentError('beta', 'must be finite', beta);
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InvalidArgumentError('ratio', 'must be a finite number > 0', ratio);
  const c = ratio;
  const nu = marchenkoPastur(c, 1);
  const [tlo, thi] = nu.support;
  const centre = (alpha + beta) / 2;
  const d2 = ((alpha - beta) / 2) ** 2;
  const intervals: Array<[number, number]> = [
    [centre - Math.sqrt(d2 + thi), centre - Math.sqrt(d2 + tlo)],
    [centre + Math.sqrt(d2 + tlo), centre + Math.sqrt(d2 + thi)],
  ];
  const atoms: Atom[] = [];
  if (c > 1) atoms.push({ at: alpha, mass: (c - 1) / (c + 1) });
  if (c < 1) atoms.push({ at: beta, mass: (1 - c) / (1 + c) });
  const k = c / (1 + c);
  const t = (x: number): number => (x - alpha) * (x - beta);
  const continuousMass = Math.min(1, 1 / c);
  const nuContinuous = (s: number): number => nu.cdf(s) - (s >= 0 ? nu.atom : 0);
  const continuous = (x: number): number => {
    const [[a1, b1], [a2, b2]] = intervals;
    if (x <= a1) return 0;
    if (x < b1) return k * (continuousMass - nuContinuous(t(x)));
    if (x <= a2) return k * continuousMass;
    if (x < b2) return k * (continuousMass + nuContinuous(t(x)));
    return 2 * k * continuousMass;
  };
  return {
    name: 'chiral-block',
    parameters: { alpha, beta, ratio },
    support: [intervals[0][0], intervals[1][1]],
    intervals,
    atoms,
    density: (x) => k * nu.density(t(x)) * Math.abs(2 * x - alpha - beta),
    cdf: (x) => withAtoms(atoms, continuous, x),
    stieltjes(z: Complex): Complex {
      const za = { re: z.re - alpha, im: z.im };
      const zb = { re: z.re - beta, im: z.im };
      const tz = mul(za, zb);
      const mnu = nu.stieltjes(tz);
      const first = mul({ re: -c * zb.re, im: -c * zb.im }, mnu);
      const inner = sub({ re: c * mnu.re, im: c * mnu.im }, div({ re: 1 - c, im: 0 }, tz));
      const second = mul({ re: -za.re, im: -za.im }, inner);
      return { re: -(first.re + second.re) / (1 + c), im: -(first.im + second.im) / (1 + c) };
    },
    sampleMatrix(size, seed) {
      checkSize(size, 'size');
      if (size < 2) throw new InvalidArgumentError('size', 'must be ≥ 2 (two blocks)', size);
      const p = Math.min(size - 1, Math.max(1, Math.round((size * c) / (1 + c))));
      const q = size - p;
      const x = gaussianMatrix(p, q, randomStream(seed));
      const out = Matrix.zeros(size, size);
      const s = 1 / Math.sqrt(q);
      for (let i = 0; i < size; i++) out.data[i * size + i] = i < p ? alpha : beta;
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < q; j++) {
          const v = s * x.data[i * q + j]!;
          out.data[i * size + p + j] = v;
          out.data[(p + j) * size + i] = v;
        }
      }
      return out;
    },
  };
}
