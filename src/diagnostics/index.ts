// Public surface of `diagnostics`: WeightWatcher-style diagnostics of one matrix or a whole model,
// the individual metrics and fits, and plot specs. The CLI's report formatting is imported by file
// path.
export { type Esd, weightEsd, weightEsdAsync } from './esd.js';
export { type FingersFit, type FingersOptions, fitWithoutFingers } from './fingers.js';
export { diagnosticsHtml, type HtmlReportOptions } from './html-report.js';
export { fitHtmp, type HtmpFit, type HtmpFitOptions } from './htmp-fit.js';
export {
  analyzeSpectrum,
  type DiagnoseOptions,
  diagnoseMatrix,
  diagnoseMatrixAsync,
  type LayerDiagnostics,
} from './layer.js';
export {
  type LayerKind,
  type LayerKindOptions,
  type LayerReading,
  layerReadings,
} from './layer-kinds.js';
export {
  diagnoseModel,
  type LayerRow,
  type ModelDiagnostics,
  type ModelOptions,
  type SkippedLayer,
} from './model.js';
export { type MpFit, type MpFitOptions, mpFit } from './mp-fit.js';
export { type NormMetrics, normMetrics } from './norms.js';
export {
  classifyPhase,
  PHASE_RULES,
  type Phase,
  type PhaseCall,
  type PhaseInput,
} from './phases.js';
export { esdPlotSpec, mpPlotSpec } from './plots.js';
export { fitPowerLaw, type PowerLawFit, type PowerLawOptions } from './powerlaw.js';
export { type LayerRecord, toColumns, toRecords } from './records.js';
export type { SliceSpectra } from './slice-spectra.js';
export type { SpectrumRoute } from './spectrum-route.js';
export { SUMMARY_METRICS, type Summary, summarize } from './summary.js';
export { fitTruncatedPowerLaw, type TruncatedPowerLawFit } from './tpl.js';
export { correlationTraps, randomizeMatrix, type TrapMetrics } from './traps.js';
export { type WwOptions, type WwRandomEsd, weightWatcherColumns } from './ww/columns.js';
export type { WwFitOptions, WwPowerLaw } from './ww/fit.js';
export { toWwRecord, WW_NAMES, type WwColumns } from './ww/names.js';
export { type WwSlices, wwSlices } from './ww/slices.js';
