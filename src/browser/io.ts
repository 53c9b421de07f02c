// The `io` namespace of the browser entry (src/browser.ts): every reader and writer that works on
// bytes, none that opens a file by path (those need node:fs). The weight readers take bytes;
// readWeightBytes reads a whole set of dropped files.

export { type CsvWriteOptions, formatCsv } from '../io/csv-format.js';
export { type CsvReadOptions, type CsvTable, parseCsv } from '../io/csv-parse.js';
export type { NdArray } from '../io/ndarray.js';
export { toVectorOrMatrix } from '../io/ndarray.js';
export { parseNpy, parseNpyArray } from '../io/npy-parse.js';
export { toNpyBytes } from '../io/npy-write.js';
export { parseNpzAsync } from '../io/npz-async.js';
export { arraysWeightFile, npyWeightFile } from '../io/weights/array-weights.js';
export { parseOnnx } from '../io/weights/onnx-parse.js';
export type { ExternalReader } from '../io/weights/onnx-tensor.js';
export { parseShardedSafetensors, safetensorsShards } from '../io/weights/safetensors-index.js';
export { parseSafetensors } from '../io/weights/safetensors-parse.js';
export type { SkippedTensor, WeightFile, WeightTensor } from '../io/weights/tensor.js';
export { parseTfjs, type ShardReader } from '../io/weights/tfjs-parse.js';
export { readWeightBytes, type WeightBytesResult } from '../io/weights/weight-bytes.js';
export { readZipAsync } from '../io/zip-async.js';
export type { ZipOptions } from '../io/zip-directory.js';
