import type { VegaLiteSpec } from '../plot/render.js';
import type { RandomStream } from '../random/stream.js';

/** A parameter value of a grid point (JSON-representable). */
export type Scalar = number | string | boolean;

/** One grid point of an experiment: everything a trial depends on besides its seed. */
export type Params = Readonly<Record<string, Scalar>>;

/** What one trial measures: named numbers, or lists of numbers (e.g. the eigenvalues of Â). */
export type Values = Record<string, number | number[]>;

/**
 * Run sizes: `full` reproduces the paper's figures, `quick` all of them in minutes, `tiny` is for
 * tests.
 */
export type Size = 'tiny' | 'quick' | 'full';

/**
 * The finished trials of one grid point, in seed order 0, 1, …: the point as the experiment's
 * `points` made it (P) and what its `simulate` returned for each seed (V).
 */
export interface PointResults<P extends Params = Params, V extends Values = Values> {
  params: P;
  trials: V[];
}

/** One row of the data behind a figure (one CSV line). */
export type Row = Record<string, Scalar | null>;

/** A figure: its Vega-Lite spec (data inline) and the rows behind it (written as CSV). */
export interface Figure {
  /** File stem, e.g. `errors`: gives errors.svg, errors.png and errors.csv. */
  name: string;
  title: string;
  /** One or two sentences: what the figure shows and how to read it. */
  caption: string;
  spec: VegaLiteSpec;
  rows: Row[];
}

/**
 * One comparison of a theory value with the mean of simulated trials. `claim: false` marks a
 * comparison outside what the theory claims (real data, which is not Gaussian; a critical window
 * where the finite-d transition is smooth): it is reported but not counted in the verdict.
 */
export interface Check {
  quantity: string;
  /** The grid point, readable, e.g. `ar1:0.5 α=2 λ=0.1`. */
  at: string;
  theory: number;
  simulation: number;
  /** Standard error of the simulation mean (sample standard deviation / √trials). */
  stderr: number;
  trials: number;
  /**
   * Size of the theory's leading finite-n correction at this point (absolute, ≥ 0): the
   * deterministic equivalent is exact only as n, d → ∞, and its O(1/n) term does not shrink with
   * more trials. Agreement means |theory − simulation| ≤ 4·stderr + finiteSize.
   */
  finiteSize: number;
  claim: boolean;
}

/** What an experiment's analysis returns: its figures and its theory-vs-simulation checks. */
export interface Analysis {
  figures: Figure[];
  checks: Check[];
  /** Sentences worth showing next to the figures (e.g. the optimal λ found). */
  notes: string[];
}

/**
 * A declarative experiment. `config(size)` gives its JSON parameters, `points` the grid,
 * `trials` the seeds per point; `simulate` runs one trial on a worker thread and must depend on
 * nothing but (params, stream): the runner derives the stream from (experiment, seed) and
 * `simulate` splits it by the parameters that define its data, so points differing only in,
 * say, λ share their data (common random numbers). `analyse` runs the theory on the main thread,
 * compares it with the trials and builds the figures.
 *
 * C is the config type, P the type of a grid point and V that of one trial's values; P and V
 * must be type aliases of object types (not interfaces), so that they satisfy the index
 * signatures of {@link Params} and {@link Values}. The defaults describe an experiment whose
 * types are not known statically (e.g. one looked up by name).
 */
export interface Experiment<C = unknown, P extends Params = Params, V extends Values = Values> {
  name: string;
  /**
   * Version of `simulate`: stored trials are keyed by `name@version`, so bumping it after a change
   * that alters trial values makes the store compute them afresh instead of mixing old and new.
   */
  version: number;
  title: string;
  /** What the experiment reproduces (one paragraph for the report and `--list`). */
  description: string;
  config(size: Size): C;
  points(config: C): P[];
  trials(config: C): number;
  /**
   * Optional check on the main thread before any trial, e.g. that a data set is installed;
   * throws a one-line error (naming the package to install) instead of failing in a worker.
   */
  prepare?(config: C): void;
  simulate(params: P, stream: RandomStream): V;
  analyse(config: C, results: PointResults<P, V>[]): Analysis | Promise<Analysis>;
}
