import { setBlasThreads } from '../linalg/backend.js';
import type { TrialRunner } from './pool.js';
import { type Agreement, agreement } from './stats.js';
import type { ResultStore } from './store.js';
import { type SweepStats, sweepMissing } from './sweep.js';
import type { Analysis, Experiment, Params, PointResults, Size, Values } from './types.js';

/** Options of {@link runExperiment}. */
export interface RunOptions {
  size: Size;
  store: ResultStore;
  /** Where trials run: a started `TrialPool` or a `lazyPool`. */
  pool: TrialRunner;
  /** Called after every finished trial with (trials finished so far, trials to compute). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The name an experiment's trials are stored under: `name@version`.
 * @example storeKey(errorVsAlpha) // 'error-vs-alpha@1'
 */
export function storeKey(experiment: Pick<Experiment, 'name' | 'version'>): string {
  return `${experiment.name}@${experiment.version}`;
}

/** What one experiment's run did and found. */
export interface ExperimentRun {
  name: string;
  /** The key its trials are stored under, `name@version` ({@link storeKey}). */
  key: string;
  title: string;
  description: string;
  size: Size;
  config: unknown;
  points: number;
  /**
   * All trials of the sweep, those found in the store (or computed by another process sharing
   * it), those computed now by this one.
   */
  trials: { total: number; reused: number; computed: number };
  seconds: { sweep: number; analysis: number; trialsCpu: number };
  /** Backends that computed the stored trials (normally one). */
  backends: string[];
  analysis: Analysis;
  agreement: Agreement;
}

/**
 * Runs one experiment: every (point, seed) of its grid that the store lacks is computed on the
 * pool and stored as soon as it finishes (one transaction each; see `sweepMissing` for how
 * processes sharing the store split the work), then all trials are read back from the store and
 * analysed. A rerun after a kill computes only what is missing; a rerun of a complete sweep
 * computes nothing.
 * @throws the first error of a trial (the sweep stops; finished trials stay stored).
 * @example await runExperiment(errorVsAlpha, { size: 'quick', store, pool })
 */
export async function runExperiment<C, P extends Params, V extends Values>(
  experiment: Experiment<C, P, V>,
  options: RunOptions,
): Promise<ExperimentRun> {
  const { size, store, pool, onProgress } = options;
  const key = storeKey(experiment);
  // The sweep handles experiments whose types are not known statically (they come from the
  // registry by name); this one's P and V only matter to its own simulate and analyse.
  const sweeps = await sweepMissing([{ experiment: experiment as Experiment, size, key }], {
    store,
    pool,
    onProgress: onProgress && ((_name, done, total) => onProgress(done, total)),
  });
  return analyseExperiment(experiment, size, store, sweeps.get(key)!);
}

/**
 * Reads an experiment's trials at `size` back from the store (all of them must be there) and
 * runs its analysis. OpenBLAS runs on one thread meanwhile, as in the trial pool: its sums
 * differ in the last bits with the thread count, and the same store must give the same summary
 * whether or not this run computed trials.
 * @example await analyseExperiment(bbp, 'quick', store, { missing: 0, computed: 0, seconds: 0 })
 */
export async function analyseExperiment<C, P extends Params, V extends Values>(
  experiment: Experiment<C, P, V>,
  size: Size,
  store: ResultStore,
  sweep: SweepStats,
): Promise<ExperimentRun> {
  const config = experiment.config(size);
  experiment.prepare?.(config);
  const points = experiment.points(config);
  const trialsPerPoint = experiment.trials(config);
  const key = storeKey(experiment);
  const results: PointResults<P, V>[] = [];
  const backends = new Set<string>();
  let trialsCpu = 0;
  for (const params of points) {
    const trials = store.point(key, params).filter((t) => t.seed < trialsPerPoint);
    for (const t of trials) {
      backends.add(t.backend);
      trialsCpu += t.seconds;
    }
    // The one place where stored JSON becomes the experiment's value type: the store holds, under
    // this experiment's key and this point's paramsKey, exactly what its `simulate` returned (the
    // params themselves are the P objects of `points` above, not read back from the store).
    results.push({ params, trials: trials.map((t) => t.values as V) });
  }
  const analysisStart = performance.now();
  const blasThreads = setBlasThreads(1);
  let analysis: Analysis;
  try {
    analysis = await experiment.analyse(config, results);
  } finally {
    if (blasThreads !== undefined) setBlasThreads(blasThreads);
  }
  const total = points.length * trialsPerPoint;
  return {
    name: experiment.name,
    key,
    title: experiment.title,
    description: experiment.description,
    size,
    config,
    points: points.length,
    trials: { total, reused: total - sweep.computed, computed: sweep.computed },
    seconds: {
      sweep: sweep.seconds,
      analysis: (performance.now() - analysisStart) / 1000,
      trialsCpu,
    },
    backends: [...backends].sort(),
    analysis,
    agreement: agreement(analysis.checks),
  };
}
