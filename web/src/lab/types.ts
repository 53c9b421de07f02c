import type { Interval } from '../../../src/constraints.js';
import { InvalidArgumentError } from '../../../src/errors.js';
import type { CurveRow } from '../../../src/plot/curves.js';
import type { VegaLiteSpec } from '../../../src/plot/render.js';
import { SKETCH_PARAMS } from '../../../src/sketch/params.js';
import { histogram } from '../../../src/stats/histogram.js';

/** The seed of a view's random draws (the CLI's `--seed` rule). */
export const SEED = SKETCH_PARAMS.seed;

/** A view's parameters as the URL and the form hold them: key → text. */
export type LabParams = Record<string, string>;

/** One labelled form control of a lab view; `key` is its URL parameter. */
export interface LabControl {
  key: string;
  label: string;
  type: 'select' | 'number';
  /** For selects: value and visible text of each option. */
  choices?: ReadonlyArray<readonly [string, string]>;
  min?: number;
  max?: number;
  /** Step of a number field ('any' for real values). */
  step?: number | 'any';
  /** The value when the URL does not set one. */
  initial: string;
  /** Shown (and put in the URL) only when this returns true for the current parameters. */
  shownIf?: (params: LabParams) => boolean;
}

/** The seed control of every lab view: a whole number ≥ 0 (checked against {@link SEED}). */
export const SEED_CONTROL: LabControl = {
  key: 'seed',
  label: 'seed',
  type: 'number',
  initial: '0',
  min: 0,
  step: 1,
};

/** One plot of a lab view: the Vega-Lite spec of its `table` data set. */
export interface LabPlot {
  id: string;
  title: string;
  spec: VegaLiteSpec;
}

/**
 * A lab view: controls, what it computes from their values (run in a Web Worker, so it must be a
 * plain function of the parameters with a plain-data result) and the rows of its plots.
 */
export interface LabView<R = unknown> {
  id: string;
  heading: string;
  /** One sentence on what the view shows. */
  intro: string;
  /** The docs/theory.md section this view implements, e.g. '8'. */
  section: string;
  controls: readonly LabControl[];
  plots: readonly LabPlot[];
  /** @throws {InvalidArgumentError} naming the parameter the library rejects. */
  compute(params: LabParams): R;
  rows(result: R): Record<string, CurveRow[]>;
  summary(result: R): string;
}

/** The parameters of the controls that apply to `params` (shown ones), defaults filled in. */
export function activeParams(view: LabView, given: LabParams): LabParams {
  const all: LabParams = {};
  for (const c of view.controls) all[c.key] = given[c.key] ?? c.initial;
  const out: LabParams = {};
  for (const c of view.controls) if (!c.shownIf || c.shownIf(all)) out[c.key] = all[c.key]!;
  return out;
}

/**
 * A number parameter checked with a library constraint (or only for being a finite number).
 * @throws {InvalidArgumentError} naming `key`.
 * @example numberParam({ n: '200' }, 'n', interval(2, 600, '[]', { integer: true })) // 200
 */
export function numberParam(params: LabParams, key: string, constraint?: Interval): number {
  const text = (params[key] ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(key, 'must be a number', text);
  return constraint ? constraint.check(key, value) : value;
}

/** A theory-curve row. */
export const line = (series: string, x: number, y: number): CurveRow => ({
  kind: 'theory',
  series,
  x,
  y,
  lo: null,
  hi: null,
});

/** A vertical marker rule at x. */
export const rule = (series: string, x: number): CurveRow => ({
  kind: 'marker',
  series,
  x,
  y: null,
  lo: null,
  hi: null,
});

/** Equal-width bins of sampled values as a density with its ±√count standard error. */
export interface DensityBin {
  x: number;
  density: number;
  se: number;
}

/** Histogram bins as simulation rows (point at the density, bar ± one standard error). */
export function binRows(series: string, bins: readonly DensityBin[]): CurveRow[] {
  return bins.map((b) => ({
    kind: 'simulation',
    series,
    x: b.x,
    y: b.density,
    lo: b.density - b.se,
    hi: b.density + b.se,
  }));
}

/**
 * Sampled values in `bins` equal-width bins over `range` (default: their own range) as a density,
 * with the standard error √count/(N·width) of each bin.
 * @example densityBins([0.1, 0.2, 0.9], 2, [0, 1]) // [{ x: 0.25, density: 4/3, … }, { x: 0.75, density: 2/3, … }]
 */
export function densityBins(
  values: ArrayLike<number>,
  bins: number,
  range?: readonly [number, number],
): DensityBin[] {
  const { lo, width, counts } = histogram(values, { bins, ...(range ? { range } : {}) });
  const scale = 1 / (values.length * width);
  return Array.from(counts, (c, k) => ({
    x: lo + (k + 0.5) * width,
    density: c * scale,
    se: Math.sqrt(c) * scale,
  }));
}
