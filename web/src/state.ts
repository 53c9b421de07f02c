import { COVARIANCE_PARAMS, type Interval } from '../../src/constraints.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { COVARIANCE_KINDS, type CovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { parseDimension } from '../../src/scenario/dimension.js';
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
  /** Spike strength θ ≥ −1 (Σ = I + θuuᵀ). */
  theta: number;
  /** Power-law exponent a of σ_j ∝ j^(−a). */
  exponent: number;
  /**
   * For model 'file': how the file defines Σ, and the file's name (its contents live in the worker,
   * not in the URL).
   */
  fileKind: FileKind;
  file: string;
  /**
   * Dimension; `Infinity` for the d → ∞ limit (AR(1) and isotropic only); file models take d from
   * the file.
   */
  d: number;
  /** Sample ratio α = n/d. */
  alpha: number;
  /** Ridge λ ≥ 0, or 'opt' for the optimal λ*(α). */
  lambda: number | 'opt';
}

/** The page's state when the URL says nothing. */
export const DEFAULT_STATE: ExplorerState = {
  model: 'ar1',
  rho: 0.5,
  theta: 2,
  exponent: 1,
  fileKind: 'dense',
  file: '',
  d: Infinity,
  alpha: 2,
  lambda: 0.1,
};

/**
 * Whether the d → ∞ limit is defined for a model (a spectral symbol exists), as the library says.
 * @example allowsInfinite('spiked') // false
 */
export function allowsInfinite(model: ModelKind): boolean {
  return model !== 'file' && COVARIANCE_KINDS[covSpec({ ...DEFAULT_STATE, model }).kind].infinite;
}

/**
 * The covariance spec of a state, which the worker builds with the library's `buildCovariance`
 * (the CLI's `--cov` string is `formatCovarianceSpec` of it).
 * @example covSpec({ ...DEFAULT_STATE, model: 'spiked', theta: 3 }) // { kind: 'spiked', theta: 3, seed: 0 }
 */
export function covSpec(state: ExplorerState): CovarianceSpec {
  switch (state.model) {
    case 'ar1':
      return { kind: 'ar1', rho: state.rho };
    case 'isotropic':
      return { kind: 'iso' };
    case 'spiked':
      return { kind: 'spiked', theta: state.theta, seed: 0 };
    case 'powerlaw':
      return { kind: 'powerlaw', exponent: state.exponent };
    case 'file':
      return { kind: state.fileKind, file: state.file };
  }
}

/**
 * Reads a state from URL search parameters with the library's constraints; a missing value takes
 * the default, and an invalid one (a shared link with a typo still opens) takes the default too
 * while the library's error text is collected in `problems`, for the page to show. d = ∞ is
 * replaced by 400 for models without a limit.
 * @example parseStateReport(new URLSearchParams('model=spiked&theta=-2')).problems // ['invalid argument: theta must be ≥ -1. Value: -2.']
 */
export function parseStateReport(params: URLSearchParams): {
  state: ExplorerState;
  problems: string[];
} {
  const s: ExplorerState = { ...DEFAULT_STATE };
  const problems: string[] = [];
  const attempt = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return fallback;
    }
  };
  const number = (key: string, constraint: Interval, fallback: number) => {
    const text = params.get(key);
    if (text === null || text.trim() === '') return fallback;
    return attempt(() => constraint.check(key, Number(text)), fallback);
  };
  const model = params.get('model');
  if (
    model === 'ar1' ||
    model === 'spiked' ||
    model === 'isotropic' ||
    model === 'powerlaw' ||
    model === 'file'
  )
    s.model = model;
  else if (model !== null) {
    problems.push(
      new InvalidArgumentError('model', 'must be ar1, spiked, isotropic, powerlaw or file', model)
        .message,
    );
  }
  const kind = params.get('kind');
  if (kind === 'diag' || kind === 'dense' || kind === 'toeplitz' || kind === 'data')
    s.fileKind = kind;
  s.file = params.get('file') ?? '';
  s.rho = number('rho', COVARIANCE_PARAMS.rho, s.rho);
  s.theta = number('theta', COVARIANCE_PARAMS.theta, s.theta);
  s.exponent = number('exponent', COVARIANCE_PARAMS.exponent, s.exponent);
  const d = params.get('d');
  if (d !== null && d.trim() !== '') s.d = attempt(() => explorerDimension(d), s.d);
  if (s.d === Infinity && !allowsInfinite(s.model)) s.d = 400;
  s.alpha = number('alpha', SSR_PARAMS.alpha, s.alpha);
  s.lambda =
    params.get('lambda') === 'opt'
      ? 'opt'
      : number('lambda', SSR_PARAMS.lambda, DEFAULT_STATE.lambda as number);
  return { state: s, problems };
}

/**
 * {@link parseStateReport} without the problems.
 * @example parseState(new URLSearchParams('model=spiked&theta=3&d=400&alpha=1.5&lambda=opt'))
 */
export function parseState(params: URLSearchParams): ExplorerState {
  return parseStateReport(params).state;
}

/** Largest d the explorer accepts (a JS eigendecomposition of d = 2000 takes seconds). */
export const MAX_D = 2000;

/**
 * A dimension typed in the form or written in a link: the library's rule ({@link parseDimension}:
 * an integer ≥ 2, or inf/∞) up to the explorer's {@link MAX_D}.
 * @throws {InvalidArgumentError} naming 'd'.
 * @example explorerDimension('300') // 300
 */
export function explorerDimension(text: string): number {
  const d = parseDimension(text, 'd');
  if (d !== Infinity && d > MAX_D) {
    throw new InvalidArgumentError(
      'd',
      `must be ≤ ${MAX_D} in the explorer (a JS eigendecomposition of a larger Σ takes seconds; use the CLI)`,
      d,
    );
  }
  return d;
}

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
