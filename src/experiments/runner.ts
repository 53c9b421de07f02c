import { paramsKey } from './keys.js';
import type { TrialRunner } from './pool.js';
import { type Agreement, agreement } from './stats.js';
import type { ResultStore } from './store.js';
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
  title: string;
  description: string;
  size: Size;
  config: unknown;
  points: number;
  /** All trials of the sweep, those found in the store, those computed now. */
  trials: { total: number; reused: number; computed: number };
  seconds: { sweep: number; analysis: number; trialsCpu: number };
  /** Backends that computed the stored trials (normally one). */
  backends: string[];
  analysis: Analysis;
  agreement: Agreement;
}

/**
 * Runs one experiment: every (point, seed) of its grid that the store lacks is computed on the
 * pool and stored as soon as it finishes (one transaction each), then all trials are read back
 * from the store and analysed. A rerun after a kill computes only what is missing; a rerun of a
 * complete sweep computes nothing.
 * @throws the first error of a trial (the sweep stops; finished trials stay stored).
 * @example await runExperiment(errorVsAlpha, { size: 'quick', store, pool })
 */
export async function runExperiment<C, P extends Params, V extends Values>(
  experiment: Experiment<C, P, V>,
  options: RunOptions,
): Promise<ExperimentRun> {
  const { size, store, pool, onProgress } = options;
  const config = experiment.config(size);
  experiment.prepare?.(config);
  const points = experiment.points(config);
  const trialsPerPoint = experiment.trials(config);
  const key = storeKey(experiment);
  const stored = store.storedSeeds(key);
  const todo: Array<{ params: P; seed: number }> = [];
  for (const params of points) {
    const have = stored.get(paramsKey(params));
    for (let seed = 0; seed < trialsPerPoint; seed++)
      if (!have?.has(seed)) todo.push({ params, seed });
  }
  const sweepStart = performance.now();
  let done = 0;
  onProgress?.(0, todo.length);
  await Promise.all(
    todo.map(async ({ params, seed }) => {
      const outcome = await pool.run(experiment.name, params, seed);
      store.put(key, params, { seed, ...outcome });
      onProgress?.(++done, todo.length);
    }),
  );
  const sweep = (performance.now() - sweepStart) / 1000;
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
  const analysis = await experiment.analyse(config, results);
  return {
    name: experiment.name,
    title: experiment.title,
    description: experiment.description,
    size,
    config,
    points: points.length,
    trials: {
      total: points.length * trialsPerPoint,
      reused: points.length * trialsPerPoint - todo.length,
      computed: todo.length,
    },
    seconds: { sweep, analysis: (performance.now() - analysisStart) / 1000, trialsCpu },
    backends: [...backends].sort(),
    analysis,
    agreement: agreement(analysis.checks),
  };
}
