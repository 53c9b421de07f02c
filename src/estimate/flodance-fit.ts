import { InvalidArgumentError } from '../errors.js';
import { lstsqQr } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { basisAt, basisNames, evaluateBasis, penaltyBasisAt } from './flodance-basis.js';

/** Options of {@link flodanceFit}. */
export interface FlodanceFitOptions {
  /** Laurent terms x^{−1} … x^{−q} after ln x (default 2). */
  laurentTerms?: number;
  /**
   * Relative penalty weight α (λ = α·‖X‖²_F/‖D‖²_F on the column-scaled basis), or 'auto'
   * (default): the α of {0, 1e−6, 1e−4, 1e−2, 1, 100, 1e4} whose fit on the first half of the
   * points best predicts the last point.
   */
  penalty?: number | 'auto';
}

/** A FLODANCE extrapolation (docs/theory.md §13.8). */
export interface FlodanceFit {
  /** The extrapolated ln det A_n. */
  logAbsDet: number;
  /**
   * Standard deviation of the extrapolations to n from fits on the leading 50 %, 60 %, …, 100 %
   * of the points: how much the answer moves with the fit window, not a sampling error.
   */
  standardError: number;
  /** Those window extrapolations, smallest window first (the last is `logAbsDet`). */
  windowEstimates: number[];
  /** Coefficients c_j of y(x) = Σ_j c_j φ_j(x), in the order of `basis`. */
  coefficients: Float64Array;
  /** Names of the basis functions φ_j. */
  basis: string[];
  /** The relative penalty weight α used. */
  penalty: number;
  /** Root mean square residual of the fit over the m points. */
  residualRms: number;
  /** Points fitted (the order of the largest leading sub-matrix). */
  m: number;
  /** Order at which the fit is evaluated. */
  n: number;
}

const ALPHAS = [0, 1e-6, 1e-4, 1e-2, 1, 100, 1e4];
const WINDOWS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];
const GRID = 64;

/**
 * FLODANCE extrapolation of log-determinants (docs/theory.md §13.8): given y_k = ln det A_k of the
 * leading k×k sub-matrices, k = 1…m, fits y(x) = c₀ ln x! + c₁x + c₂ + c₃ ln x + Σ_{i≤q}
 * c_{3+i}x^{−i} by least squares with the smoothness penalty λ∫_m^n y''(x)² dx over the
 * extrapolation range (y'' = c₀ψ'(x + 1) + Laurent terms; the linear part c₁x + c₂ is free), and
 * evaluates it at x = n. A large λ bends the curve towards a straight line beyond m.
 * @param logdets - y_k at index k − 1, m ≥ 2(5 + q) entries.
 * @param n - the order to extrapolate to, an integer ≥ m.
 * @throws {InvalidArgumentError} naming 'logdets' (too short or non-finite), 'n', 'laurentTerms'
 *   or 'penalty'.
 * @example flodanceFit(Float64Array.from({ length: 100 }, (_, i) => 2 * (i + 1)), 1000).logAbsDet
 * // 2000
 */
export function flodanceFit(
  logdets: Float64Array,
  n: number,
  options: FlodanceFitOptions = {},
): FlodanceFit {
  const q = options.laurentTerms ?? 2;
  if (!Number.isInteger(q) || q < 0 || q > 8)
    throw new InvalidArgumentError('laurentTerms', 'must be an integer in [0, 8]', q);
  const p = 4 + q;
  const m = logdets.length;
  if (m < 2 * (p + 1))
    throw new InvalidArgumentError('logdets', `must hold at least ${2 * (p + 1)} values`, m);
  for (let k = 0; k < m; k++)
    if (!Number.isFinite(logdets[k]))
      throw new InvalidArgumentError('logdets', `must be finite; entry ${k} is not`, logdets[k]);
  if (!Number.isInteger(n) || n < m)
    throw new InvalidArgumentError('n', `must be an integer ≥ ${m} (the points fitted)`, n);
  const penalty = options.penalty ?? 'auto';
  if (penalty !== 'auto' && !(penalty >= 0 && Number.isFinite(penalty)))
    throw new InvalidArgumentError('penalty', "must be a finite number ≥ 0 or 'auto'", penalty);

  let alpha = penalty === 'auto' ? 0 : penalty;
  if (penalty === 'auto') {
    const half = Math.floor(m / 2);
    let best = Infinity;
    for (const a of ALPHAS) {
      const c = solve(logdets, half, n, q, a);
      const miss = Math.abs(evaluateBasis(c, m) - logdets[m - 1]!);
      if (miss <= best) [best, alpha] = [miss, a];
    }
  }
  const windowEstimates = WINDOWS.map((f) => {
    const size = Math.max(p + 1, Math.round(f * m));
    return evaluateBasis(solve(logdets, size, n, q, alpha), n);
  });
  const coefficients = solve(logdets, m, n, q, alpha);
  const logAbsDet = evaluateBasis(coefficients, n);
  let mean = 0;
  for (const v of windowEstimates) mean += v / windowEstimates.length;
  let s2 = 0;
  for (const v of windowEstimates) s2 += (v - mean) ** 2 / (windowEstimates.length - 1);
  let r2 = 0;
  for (let k = 1; k <= m; k++) r2 += (evaluateBasis(coefficients, k) - logdets[k - 1]!) ** 2 / m;
  return {
    logAbsDet,
    standardError: Math.sqrt(s2),
    windowEstimates,
    coefficients,
    basis: basisNames(q),
    penalty: alpha,
    residualRms: Math.sqrt(r2),
    m,
    n,
  };
}

/**
 * Penalised least squares on the first `size` points as one QR solve of the stacked system
 * [X; √λ·W^{1/2}D] c = [y; 0], D the penalised second derivatives on a log-spaced trapezoid grid
 * over [size, n], columns scaled to unit maximum for conditioning.
 */
function solve(y: Float64Array, size: number, n: number, q: number, alpha: number): Float64Array {
  const p = 4 + q;
  const usePenalty = alpha > 0 && n > size;
  const rows = size + (usePenalty ? GRID : 0);
  const a = new Float64Array(rows * p);
  const b = new Float64Array(rows);
  const phi = new Float64Array(p);
  for (let k = 1; k <= size; k++) {
    a.set(basisAt(k, q, phi), (k - 1) * p);
    b[k - 1] = y[k - 1]!;
  }
  const scale = new Float64Array(p);
  for (let r = 0; r < size; r++)
    for (let j = 0; j < p; j++) scale[j] = Math.max(scale[j]!, Math.abs(a[r * p + j]!));
  for (let r = 0; r < rows; r++) for (let j = 0; j < p; j++) a[r * p + j]! /= scale[j]! || 1;
  if (usePenalty) {
    const ratio = Math.log(n / size);
    let fx = 0;
    for (let i = 0; i < size * p; i++) fx += a[i]! ** 2;
    let fd = 0;
    for (let g = 0; g < GRID; g++) {
      const x = size * Math.exp((ratio * g) / (GRID - 1));
      // Trapezoid weight in x on the log grid: dx = x·d(ln x).
      const w = ((g === 0 || g === GRID - 1 ? 0.5 : 1) * x * ratio) / (GRID - 1);
      penaltyBasisAt(x, q, phi);
      for (let j = 0; j < p; j++) {
        const v = (Math.sqrt(w) * phi[j]!) / scale[j]!;
        a[(size + g) * p + j] = v;
        fd += v * v;
      }
    }
    const root = fd > 0 ? Math.sqrt((alpha * fx) / fd) : 0;
    for (let i = size * p; i < rows * p; i++) a[i]! *= root;
  }
  const c = lstsqQr(Matrix.fromRowMajor(rows, p, a), Matrix.fromRowMajor(rows, 1, b)).data;
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) out[j] = c[j]! / scale[j]!;
  return out;
}
