export { type ClaimBatch, TrialClaims, type TrialSlot } from './claims.js';
export { ECG_FILES, ecgDataset, ecgWindows, loadEcg } from './data/ecg.js';
export { FASHION_MNIST_DIR, fashionMnist } from './data/fashion-mnist.js';
export { type IdxArray, parseIdx } from './data/idx.js';
export { type Environment, environment } from './environment.js';
export { experimentSummary, type RenderedFigure, writeExperimentOutputs } from './outputs.js';
export { lazyPool, TrialPool, type TrialRunner } from './pool.js';
export { EXPERIMENTS, findExperiment } from './registry.js';
export { type ReportSection, reportHtml } from './report.js';
export { type ReproduceOptions, type ReproduceResult, reproduce } from './reproduce.js';
export {
  analyseExperiment,
  type ExperimentRun,
  type RunOptions,
  runExperiment,
  storeKey,
} from './runner.js';
export { type Agreement, agreement, Z_LIMIT, zScore } from './stats.js';
export { ResultStore, type StoredTrial } from './store.js';
export { missingCount, type SweepOptions, type SweepStats, sweepMissing } from './sweep.js';
export { runTrial, type TrialOutcome, trialStream } from './trial.js';
export type {
  Analysis,
  Check,
  Experiment,
  Figure,
  Params,
  PointResults,
  Row,
  Scalar,
  Size,
  Values,
} from './types.js';
