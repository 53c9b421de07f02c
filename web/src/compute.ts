import type { CovarianceModel } from '../../src/covariance/model.js';
import type { SpectralForm } from '../../src/rmt/spectral-form.js';
import {
  buildCovariance,
  type CovarianceLoader,
  type CovarianceSpec,
  formatCovarianceSpec,
  NO_FILES,
} from '../../src/scenario/covariance-spec.js';
import { logGrid } from '../../src/scenario/grid.js';
import { optimalLambda } from '../../src/ssr/optimal.js';
import { irreducibleError, ssrTheory } from '../../src/ssr/theory.js';
import {
  type BbpCurve,
  bbpCurve,
  type PcaCurve,
  type PhaseDiagram,
  pcaCurve,
  phaseDiagram,
  type SpectrumView,
  spectrumView,
} from './extras.js';
import { covSpec, type ExplorerState } from './state.js';

/** One point of a curve as the explorer plots and exports it (the CLI's JSON field names). */
export interface CurvePoint {
  alpha: number;
  lambda: number;
  genError: number | null;
  trainError: number | null;
}

/** The theory behind the error views for one state. */
export interface ErrorCurves {
  /**
   * The covariance, and its CLI `--cov` string and d ('inf' for ∞) that reproduce these numbers
   * with `rmtkit theory`.
   */
  spec: CovarianceSpec;
  cov: string;
  d: number | 'inf';
  description: string;
  irreducible: number;
  /** The λ in use: the state's, or λ*(α) when the state asks for the optimum. */
  lambda: number;
  /** λ*(α) and its error when known (always for d = ∞ models, else only in optimal mode). */
  optimal: { lambda: number; genError: number } | null;
  current: CurvePoint;
  vsAlpha: CurvePoint[];
  vsLambda: CurvePoint[];
}

/** The slower views, sent after the error curves so that those update first. */
export interface ExtraCurves {
  /** BBP overlap vs θ of the spiked model at (α, λ). */
  bbp: BbpCurve;
  /** SSR vs PCA error vs γ for this model at (α, λ). */
  pca: PcaCurve;
  /** Spectral density of Â for this model at (α, λ). */
  spectrum: SpectrumView;
  /** AR(1) phase diagram γ*(ρ) at α = ∞ and at the current α (λ*). */
  diagram: PhaseDiagram;
}

/** α grid of the error-vs-α view: 64 log-spaced ratios from 0.1 to 20. */
export const ALPHAS = logGrid(0.1, 20, 64, 6);
/**
 * λ grid of the error-vs-λ view: 64 log-spaced ridges from 1e−4 to 1e2 (Σ has unit mean variance).
 */
export const LAMBDAS = logGrid(1e-4, 1e2, 64, 6);

/**
 * Computes error curves, caching the spectral form (one eigendecomposition per model and d) and
 * each curve, so that moving α only recomputes the λ curve and moving λ only the α curve.
 * @example const cache = new TheoryCache(); cache.errors(DEFAULT_STATE).optimal?.lambda
 */
export class TheoryCache {
  private models = new Map<
    string,
    { model: CovarianceModel; form: SpectralForm; irreducible: number }
  >();
  private curves = new Map<string, CurvePoint[]>();
  private optima = new Map<string, { lambda: number; genError: number }>();
  private extras_ = new Map<string, BbpCurve | PcaCurve | SpectrumView | PhaseDiagram>();

  /** `files` reads the files of `diag:`/`dense:`/`toeplitz:`/`data:` models (none by default). */
  constructor(private readonly files: CovarianceLoader = NO_FILES) {}

  /** The model for a state, built once per (model, d); file models take d from the file. */
  private model(state: ExplorerState) {
    const spec = covSpec(state);
    const cov = formatCovarianceSpec(spec);
    const d = state.model === 'file' ? undefined : state.d;
    const key = `${cov}|${d ?? 'file'}`;
    let entry = this.models.get(key);
    if (!entry) {
      const model = buildCovariance(spec, d, this.files);
      const form = model.spectrum();
      entry = { model, form, irreducible: irreducibleError(form) };
      if (this.models.size >= 4) this.clear();
      this.models.set(key, entry);
    }
    return { spec, cov, key, ...entry };
  }

  /**
   * The curves for a state.
   * @throws {InvalidArgumentError} for parameters the library rejects (the message names them).
   * @example new TheoryCache().errors(DEFAULT_STATE).vsLambda.length // 64
   */
  errors(state: ExplorerState): ErrorCurves {
    const { spec, cov, key, model, form, irreducible } = this.model(state);
    const wantOptimal = state.lambda === 'opt' || form.d === Infinity;
    const optimal = wantOptimal
      ? this.memo(this.optima, `${key}|${state.alpha}`, () => {
          const p = optimalLambda(form, state.alpha).point;
          return { lambda: p.lambda, genError: p.genError };
        })
      : null;
    const lambda = state.lambda === 'opt' ? optimal!.lambda : state.lambda;
    const curve = (points: Array<{ alpha: number; lambda: number }>) =>
      ssrTheory(form, points).map(toPoint);
    const vsAlpha = this.memo(this.curves, `${key}|a|${lambda}`, () =>
      curve(ALPHAS.map((alpha) => ({ alpha, lambda }))),
    );
    const vsLambda = this.memo(this.curves, `${key}|l|${state.alpha}`, () =>
      curve(LAMBDAS.map((l) => ({ alpha: state.alpha, lambda: l }))),
    );
    const current = toPoint(ssrTheory(form, [{ alpha: state.alpha, lambda }])[0]!);
    return {
      spec,
      cov,
      d: model.d === Infinity ? 'inf' : model.d,
      description: model.description,
      irreducible,
      lambda,
      optimal,
      current,
      vsAlpha,
      vsLambda,
    };
  }

  /**
   * The BBP and PCA views for a state whose error curves `errors` returned (same λ).
   * @example cache.extras(state, cache.errors(state)).pca.gammaStar
   */
  extras(state: ExplorerState, errors: ErrorCurves): ExtraCurves {
    const { key, model, form } = this.model(state);
    const { alpha } = state;
    const { lambda } = errors;
    const spikeD = state.model === 'spiked' ? state.d : Infinity;
    const bbp = this.memo(this.extras_, `bbp|${spikeD}|${alpha}|${lambda}`, () =>
      bbpCurve(alpha, lambda, spikeD),
    ) as BbpCurve;
    const pca = this.memo(this.extras_, `${key}|pca|${alpha}|${lambda}`, () =>
      pcaCurve(form, alpha, lambda),
    ) as PcaCurve;
    const spectrum = this.memo(this.extras_, `${key}|spec|${alpha}|${lambda}`, () =>
      spectrumView(model, alpha, lambda),
    ) as SpectrumView;
    const diagram = this.memo(this.extras_, `diagram|${alpha}`, () =>
      phaseDiagram(alpha),
    ) as PhaseDiagram;
    return { bbp, pca, spectrum, diagram };
  }

  private memo<T>(map: Map<string, T>, key: string, make: () => T): T {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      if (map.size > 200) map.clear();
      map.set(key, value);
    }
    return value;
  }

  /** Forgets every cached model and curve (a dropped file may replace one of the same name). */
  clear(): void {
    this.models.clear();
    this.curves.clear();
    this.optima.clear();
    this.extras_.clear();
  }
}

function toPoint(p: {
  alpha: number;
  lambda: number;
  genError: number;
  trainError: number;
}): CurvePoint {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    alpha: p.alpha,
    lambda: p.lambda,
    genError: finite(p.genError),
    trainError: finite(p.trainError),
  };
}
