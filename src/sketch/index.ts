// Public surface of `sketch` (RandNLA): seeded sketching operators, their distributions and
// leverage scores, the randomized solvers built on them, and their random-matrix theory. A plain
// list of re-exports, one block per file.

// Randomized solvers (docs/theory.md §12).
export { cqrrpt, type PivotedQr } from './cqrrpt.js';
export {
  checkSketchDistribution,
  DEFAULT_VEC_NNZ,
  formatSketch,
  parseSketch,
  SKETCH_SYNTAX,
} from './distribution.js';
export { defaultEmbedding } from './embedding.js';
export { leverageScores } from './leverage.js';
export { type LsqrOptions, type LsqrResult, lsqr } from './lsqr.js';
export {
  LSTSQ_METHODS,
  type LstsqMethod,
  type LstsqOptions,
  type LstsqResult,
  lstsq,
} from './lstsq.js';
export { type NystromApproximation, nystrom } from './nystrom.js';
export { sketchingOperator } from './operator.js';
export { SKETCH_PARAMS } from './params.js';
export type { PreconditionerKind } from './preconditioner.js';
export { type Qb, qb, type RangeOptions, rangeFinder } from './range-finder.js';
export { rsvd, type TruncatedSvd } from './rsvd.js';
export { approximateLeverageScores } from './sketch-matrix.js';

// The random-matrix theory of sketching (docs/theory.md §12), one file per topic.
export {
  preconditionedConditionNumber,
  type SketchedSingularValueEdges,
  sketchedSingularValueEdges,
} from './theory-embedding.js';
export {
  asymptoticInversionBias,
  averagedInverseError,
  gaussianInversionBias,
  type InverseDebiasing,
  type InverseGramMoments,
} from './theory-inversion.js';
export { SKETCH_THEORY_PARAMS } from './theory-params.js';
export {
  lowRankErrorFactor,
  sketchAndSolveExcessRisk,
  sketchAndSolveResidualFactor,
} from './theory-solve.js';

export type { SketchDistribution, SketchingOperator, SketchKind } from './types.js';
