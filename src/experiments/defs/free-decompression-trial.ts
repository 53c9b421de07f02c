import { decompress } from '../../free/decompress.js';
import { totalVariation } from '../../free/distance.js';
import { freeForm } from '../../free/free-form.js';
import { eigvalsh } from '../../linalg/api.js';
import type { RandomStream } from '../../random/stream.js';
import type { SpectralLaw } from '../../rmt/laws/law.js';
import { marchenkoPastur } from '../../rmt/laws/marchenko-pastur.js';
import { wigner } from '../../rmt/laws/wigner.js';

/** A grid point of the free-decompression experiment: one ensemble at sample size n_s. */
export type FreeDecompressionPoint = { ensemble: string; ns: number };

/**
 * One trial: the n_s eigenvalues, the fit on a grid, and for each factor s ∈ {8, 32} the
 * decompressed density (thinned to 128 points), its total variation against the exact law and its
 * first two moments (NaN when the continuation failed).
 */
export type FreeDecompressionValues = Record<string, number | number[]>;

/** The size factors every trial decompresses to. */
export const FACTORS = [8, 32] as const;

/** The law of an ensemble at size factor s (s = 1: the sampled matrix). */
export function ensembleLaw(ensemble: string, s: number): SpectralLaw {
  if (ensemble === 'goe') return wigner(2 * Math.sqrt(s));
  const c = ensemble === 'wishart-1/50' ? 1 / 50 : 1 / 2;
  return marchenkoPastur(c * s);
}

/**
 * Samples one n_s×n_s matrix of the ensemble (GOE, or Wishart XᵀX/n with d/n = 1/50 or 1/2),
 * fits its spectrum and decompresses it ×8 and ×32 (docs/theory.md §14).
 */
export function simulateFreeDecompression(
  p: FreeDecompressionPoint,
  stream: RandomStream,
): FreeDecompressionValues {
  const eig = eigvalsh(ensembleLaw(p.ensemble, 1).sampleMatrix(p.ns, stream));
  const fit = freeForm(eig);
  const [a, b] = fit.support;
  const fitX = Array.from({ length: 121 }, (_, i) => a + ((b - a) * i) / 120);
  const out: FreeDecompressionValues = {
    eig: Array.from(eig),
    fitX,
    fitY: fitX.map((x) => fit.density(x)),
  };
  for (const s of FACTORS) {
    const d = decompress(fit, p.ns * s, 256);
    const stride = 2;
    out[`x${s}`] = Array.from(d.grid).filter((_, i) => i % stride === 0);
    out[`y${s}`] = Array.from(d.density).filter((_, i) => i % stride === 0);
    const law = ensembleLaw(p.ensemble, s);
    out[`tv${s}`] = d.ok ? totalVariation(d.grid, d.density, d.missingMass, law) : Number.NaN;
    out[`m1_${s}`] = d.ok ? d.moments[0] : Number.NaN;
    out[`m2_${s}`] = d.ok ? d.moments[1] : Number.NaN;
  }
  return out;
}
