import { COVARIANCE_PARAMS } from '../../src/constraints.js';
import { SSR_PARAMS } from '../../src/ssr/params.js';

/** Covariance families the explorer offers (each maps to a CLI `--cov` string). */
export type ModelKind = 'ar1' | 'spiked' | 'isotropic' | 'powerlaw' | 'file';

/** How a dropped file defines Σ (the CLI's file models). */
export type FileKind = 'diag' | 'dense' | 'toeplitz' | 'data';

/** Everything a view depends on; serialised into the page URL so that links are shareable. */
export interface ExplorerState {
  model: ModelKind;
  /** AR(1) correlation ρ ∈ (−1, 1). */
  rho: number;
  /** Spike strength θ ≥ 0 (Σ = I + θuuᵀ). */
  theta: number;
  /** Power-law exponent a of σ_j ∝ j^(−a). */
  exponent: number;
  /** For model 'file': how the file defines Σ, and the file's name (its contents live in the worker, not in the URL). */
  fileKind: FileKind;
  file: string;
  /** Dimension; `Infinity` for the d → ∞ limit (AR(1) and isotropic only); file models take d from the file. */
  d: number;
  /** Sample ratio α = n/d. */
  alpha: number;
  /** Ridge λ, or 'opt' for the optimal λ*(α). */
  lambda: number | 'opt';
}

/** The page's state when the URL says nothing. */
export const DEFAULT_STATE: ExplorerState = { model: 'ar1', rho: 0.5, theta: 2, exponent: 1, fileKind: 'dense', file: '', d: Infinity, alpha: 2, lambda: 0.1 };

/**
 * Whether the d → ∞ limit is defined for a model (a spectral symbol exists).
 * @example allowsInfinite('spiked') // false
 */
export function allowsInfinite(model: ModelKind): boolean {
  return model === 'ar1' || model === 'isotropic';
}

/**
 * The CLI's `--cov` string for a state, so that the explorer and `rmtkit theory` build the same
 * model through the same parser. Isotropic Σ = I is AR(1) with ρ = 0.
 * @example covSpec({ ...DEFAULT_STATE, model: 'spiked', theta: 3 }) // 'spiked:3'
 */
export function covSpec(state: ExplorerState): string {
  switch (state.model) {
    case 'ar1':
      return `ar1:${state.rho}`;
    case 'isotropic':
      return 'ar1:0';
    case 'spiked':
      return `spiked:${state.theta}`;
    case 'powerlaw':
      return `powerlaw:${state.exponent}`;
    case 'file':
      return `${state.fileKind}:${state.file}`;
  }
}

/**
 * Reads a state from URL search parameters; missing or invalid values fall back to the defaults
 * (a shared link with a typo still opens), and d = ∞ is replaced by 400 for models without a limit.
 * @example parseState(new URLSearchParams('model=spiked&theta=3&d=400&alpha=1.5&lambda=opt'))
 */
export function parseState(params: URLSearchParams): ExplorerState {
  const s: ExplorerState = { ...DEFAULT_STATE };
  const model = params.get('model');
  if (model === 'ar1' || model === 'spiked' || model === 'isotropic' || model === 'powerlaw' || model === 'file') s.model = model;
  const kind = params.get('kind');
  if (kind === 'diag' || kind === 'dense' || kind === 'toeplitz' || kind === 'data') s.fileKind = kind;
  s.file = params.get('file') ?? '';
  s.rho = read(params, 'rho', (v) => COVARIANCE_PARAMS.rho.contains(v), s.rho);
  s.theta = read(params, 'theta', (v) => v >= 0 && Number.isFinite(v), s.theta);
  s.exponent = read(params, 'exponent', (v) => COVARIANCE_PARAMS.exponent.contains(v) && Number.isFinite(v), s.exponent);
  const d = params.get('d');
  if (d !== null && /^(inf|infinity)$/i.test(d)) s.d = Infinity;
  else s.d = read(params, 'd', (v) => SSR_PARAMS.d.contains(v) && v <= MAX_D, s.d);
  if (s.d === Infinity && !allowsInfinite(s.model)) s.d = 400;
  s.alpha = read(params, 'alpha', (v) => SSR_PARAMS.alpha.contains(v) && Number.isFinite(v), s.alpha);
  s.lambda = params.get('lambda') === 'opt' ? 'opt' : read(params, 'lambda', (v) => v > 0 && Number.isFinite(v), DEFAULT_STATE.lambda as number);
  return s;
}

/** Largest d the explorer accepts (a JS eigendecomposition of d = 2000 takes seconds). */
export const MAX_D = 2000;

/**
 * The URL search string of a state (only the parameters of the chosen model).
 * @example serializeState(DEFAULT_STATE) // 'model=ar1&rho=0.5&d=inf&alpha=2&lambda=0.1'
 */
export function serializeState(s: ExplorerState): string {
  const params = new URLSearchParams({ model: s.model });
  if (s.model === 'ar1') params.set('rho', String(s.rho));
  if (s.model === 'spiked') params.set('theta', String(s.theta));
  if (s.model === 'powerlaw') params.set('exponent', String(s.exponent));
  if (s.model === 'file') {
    params.set('kind', s.fileKind);
    params.set('file', s.file);
  }
  params.set('d', s.d === Infinity ? 'inf' : String(s.d));
  params.set('alpha', String(s.alpha));
  params.set('lambda', String(s.lambda));
  return params.toString();
}

function read(params: URLSearchParams, key: string, valid: (v: number) => boolean, fallback: number): number {
  const text = params.get(key);
  if (text === null || text.trim() === '') return fallback;
  const v = Number(text);
  return valid(v) ? v : fallback;
}
