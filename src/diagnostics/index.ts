// Public surface of `diagnostics`: WeightWatcher-style diagnostics of one matrix or a whole model,
// the individual metrics and fits, and plot specs. The CLI's report formatting is imported by file path.
export { weightEsd, weightEsdAsync, type Esd } from './esd.js';
export { normMetrics, type NormMetrics } from './norms.js';
export { fitPowerLaw, type PowerLawFit, type PowerLawOptions } from './powerlaw.js';
export { fitWithoutFingers, type FingersFit, type FingersOptions } from './fingers.js';
export { fitTruncatedPowerLaw, type TruncatedPowerLawFit } from './tpl.js';
export { mpFit, type MpFit, type MpFitOptions } from './mp-fit.js';
export { correlationTraps, randomizeMatrix, type TrapMetrics } from './traps.js';
export { diagnoseMatrix, diagnoseMatrixAsync, analyzeSpectrum, type DiagnoseOptions, type LayerDiagnostics } from './layer.js';
export { diagnoseModel, type LayerRow, type SkippedLayer, type ModelOptions, type ModelDiagnostics } from './model.js';
export { summarize, SUMMARY_METRICS, type Summary } from './summary.js';
export { esdPlotSpec, mpPlotSpec } from './plots.js';
