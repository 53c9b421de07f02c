import { InvalidArgumentError } from '../../errors.js';
import { randomStream } from '../../random/stream.js';
import { type Complex, div, edgeRoot } from './complex.js';
import { type Atom, edgeCdf, edgeDensity, type SpectralLaw, withAtoms } from './law.js';
import { edgeLawSampler, rotateSpectrum } from './sampling.js';
import { checkSize } from './wigner.js';

/**
 * The free Meixner law (seed 004) with parameters a ∈ ℝ, b > 0, c > 0: the spectral measure of
 * the Jacobi matrix with diagonal (0, a, a, …) and squared off-diagonals (bc, b, b, …). Continuous
 * part c√(4b − (x − a)²) / (2π((1 − c)x² + acx + bc²)) on a ± 2√b; with the semicircle tail
 * t(z) = (z − a − √((z−a)² − 4b))/(2b), m(z) = −1/(z − bc·t(z)) = 1/((c/2)(z − a − s) − z).
 * Atoms (at most two) sit at the real zeros x₀ of (1 − c)x² + acx + bc² where the physical branch
 * vanishes, with mass 1/h′(x₀), h(z) = z − (c/2)(z − a − s(z)). c = 1, a = 0 is the semicircle of
 * radius 2√b. `sampleMatrix` rotates iid draws from the law (inverse CDF) by a Haar orthogonal
 * matrix: a rotation-invariant ensemble with this limiting spectrum.
 * @throws {InvalidArgumentError} unless b > 0, c > 0 and a are finite.
 * @example meixner(0, 1, 1).density(0) // 1/π, the semicircle of radius 2
 */
export function meixner(a: number, b: number, c: number): SpectralLaw {
  if (!Number.isFinite(a)) throw new InvalidArgumentError('a', 'must be finite', a);
  if (!(b > 0) || !Number.isFinite(b))
    throw new InvalidArgumentError('b', 'must be a finite number > 0', b);
  if (!(c > 0) || !Number.isFinite(c))
    throw new InvalidArgumentError('c', 'must be a finite number > 0', c);
  const lo = a - 2 * Math.sqrt(b);
  const hi = a + 2 * Math.sqrt(b);
  const quadratic = (x: number): number => (1 - c) * x * x + a * c * x + b * c * c;
  const g = (x: number): number => c / (2 * Math.PI * quadratic(x));
  const atoms = meixnerAtoms(a, b, c, lo, hi);
  let sampler: ReturnType<typeof edgeLawSampler> | undefined;
  return {
    name: 'meixner',
    parameters: { a, b, c },
    support: [lo, hi],
    atoms,
    density: (x) => edgeDensity(g, lo, hi, x),
    cdf: (x) => withAtoms(atoms, (t) => edgeCdf(g, lo, hi, t), x),
    stieltjes(z: Complex): Complex {
      const s = edgeRoot(z, lo, hi);
      const denominator = {
        re: (c / 2) * (z.re - a - s.re) - z.re,
        im: (c / 2) * (z.im - s.im) - z.im,
      };
      return div({ re: 1, im: 0 }, denominator);
    },
    sampleMatrix(n, seed) {
      checkSize(n);
      sampler ??= edgeLawSampler(g, lo, hi, atoms);
      const stream = randomStream(seed).split('eigenvalues');
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = sampler(stream);
      return rotateSpectrum(values, randomStream(seed));
    },
  };
}

/** Real zeros of (1 − c)x² + acx + bc² that are poles of m on the physical sheet, with masses. */
function meixnerAtoms(a: number, b: number, c: number, lo: number, hi: number): Atom[] {
  const candidates: number[] = [];
  if (Math.abs(1 - c) < 1e-15) {
    if (a !== 0) candidates.push((-b * c) / a);
  } else {
    const disc = a * a * c * c - 4 * (1 - c) * b * c * c;
    if (disc >= 0) {
      // Stable roots of A x² + B x + C: q = −(B + sign(B)√disc)/2, x = q/A and C/q.
      const B = a * c;
      const q = -(B + (B >= 0 ? 1 : -1) * Math.sqrt(disc)) / 2;
      if (q !== 0) candidates.push(q / (1 - c), (b * c * c) / q);
      else candidates.push(0);
    }
  }
  const atoms: Atom[] = [];
  for (const x of candidates) {
    if (x >= lo && x <= hi) continue;
    const s = edgeRoot({ re: x, im: 0 }, lo, hi).re;
    const h = x - (c / 2) * (x - a - s);
    // A zero of the other branch only (h ≠ 0 here) is not a pole of m.
    if (Math.abs(h) > 1e-9 * (Math.abs(x) + Math.abs(a) + Math.sqrt(b))) continue;
    const mass = 1 / (1 - c / 2 + ((c / 2) * (x - a)) / s);
    if (mass > 0) atoms.push({ at: x, mass });
  }
  return atoms.sort((p, q) => p.at - q.at);
}
