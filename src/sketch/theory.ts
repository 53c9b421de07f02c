// The random-matrix theory of sketching (docs/theory.md §12), one file per topic: subspace
// embedding and preconditioning, sketch-and-solve and low-rank approximation, inversion bias
// and model averaging.
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
