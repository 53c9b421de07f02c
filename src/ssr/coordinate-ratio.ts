import { matmul } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { populationMean } from '../rmt/population.js';
import type { SpectralForm } from '../rmt/spectral-form.js';
import { zeroThreshold } from './kappa.js';

/** Points per batch: bounds the m×P work matrices of a long curve. */
const BLOCK = 256;

/**
 * The coordinate average ρ(κ) = (1/d) Σ_k [RΣR]_kk / [R]_kk² with R = (Σ + κI)⁻¹, for many κ at
 * once (docs/theory.md §2): with coordinate weights W = V∘V, diag(R) = W·(1/(σ+κ)) and
 * diag(RΣR) = W·(σ/(σ+κ)²), so a whole curve is two matrix products W·G (one gemm each per
 * block of 256 points) after one eigendecomposition. κ = 0 gives the limit
 * {@link irreducibleRatio}. A diagonal Σ gives ρ = (1/d) tr Σ for every κ.
 * @example coordinateRatio(form, Float64Array.of(0.1, 1)) // ρ(0.1), ρ(1)
 */
export function coordinateRatio(form: SpectralForm, kappas: Float64Array): Float64Array {
  const out = new Float64Array(kappas.length);
  const { values, coordinates } = form;
  if (coordinates.kind === 'identity') return out.fill(populationMean(form));
  const { weights, multiplicity } = coordinates;
  const m = values.length;
  const irreducible = kappas.some((k) => k === 0) ? irreducibleRatio(form) : NaN;
  for (let start = 0; start < kappas.length; start += BLOCK) {
    const block = kappas.subarray(start, Math.min(start + BLOCK, kappas.length));
    const p = block.length;
    const g1 = new Float64Array(m * p);
    const g2 = new Float64Array(m * p);
    for (let j = 0; j < m; j++) {
      const s = values[j];
      for (let q = 0; q < p; q++) {
        const kappa = block[q] === 0 ? 1 : block[q]; // κ = 0 columns are replaced by the limit below
        const r = 1 / (s + kappa);
        g1[j * p + q] = r;
        g2[j * p + q] = s * r * r;
      }
    }
    const diagR = product(weights, g1, m, p);
    const diagRSR = product(weights, g2, m, p);
    for (let q = 0; q < p; q++) {
      if (block[q] === 0) {
        out[start + q] = irreducible;
        continue;
      }
      let sum = 0;
      for (let k = 0; k < weights.rows; k++)
        sum += (multiplicity[k] * diagRSR[k * p + q]) / diagR[k * p + q] ** 2;
      out[start + q] = sum;
    }
  }
  return out;
}

/**
 * The κ → 0 limit of the coordinate ratio, (1/d) Σ_k 1/[Σ⁻¹]_kk: the n → ∞ irreducible SSR
 * error (conditional variance of x_k given the rest, docs/theory.md §2). For a singular Σ a
 * coordinate with weight on the null space (above 1e-10) is an exact linear function of the
 * others and contributes 0.
 * @example irreducibleRatio(ar1Covariance(0.5, Infinity).spectrum()) // (1−ρ²)/(1+ρ²) = 0.6
 */
export function irreducibleRatio(form: SpectralForm): number {
  const { values, coordinates } = form;
  if (coordinates.kind === 'identity') return populationMean(form);
  const zero = zeroThreshold(form);
  const { weights, multiplicity } = coordinates;
  const m = values.length;
  let sum = 0;
  for (let k = 0; k < weights.rows; k++) {
    let inverse = 0;
    let nullWeight = 0;
    for (let j = 0; j < m; j++) {
      const w = weights.data[k * m + j];
      if (values[j] <= zero) nullWeight += w;
      else inverse += w / values[j];
    }
    if (nullWeight <= 1e-10) sum += multiplicity[k] / inverse;
  }
  return sum;
}

function product(weights: Matrix, g: Float64Array, m: number, p: number): Float64Array {
  const rows = weights.rows;
  if (rows * m * p >= 1 << 16) return matmul(weights, Matrix.fromRowMajor(m, p, g)).data;
  const out = new Float64Array(rows * p);
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < m; j++) {
      const w = weights.data[k * m + j];
      for (let q = 0; q < p; q++) out[k * p + q] += w * g[j * p + q];
    }
  }
  return out;
}
