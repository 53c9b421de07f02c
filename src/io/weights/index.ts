// Readers of model weight files (ONNX, safetensors, TensorFlow.js, .npy/.npz) and what they
// return. The protobuf reader and the element decoders are imported by file path.

export { arraysWeightFile, npyWeightFile } from './array-weights.js';
export { parseOnnx, readOnnx } from './onnx.js';
export type { ExternalReader } from './onnx-tensor.js';
export { findWeightFiles, readWeightFile } from './read.js';
export { parseSafetensors, readSafetensors, readShardedSafetensors } from './safetensors.js';
export { parseShardedSafetensors, safetensorsShards } from './safetensors-index.js';
export type { SkippedTensor, TensorUse, WeightFile, WeightTensor } from './tensor.js';
export { readTfjs } from './tfjs.js';
export { parseTfjs, type ShardReader } from './tfjs-parse.js';
export { readWeightBytes, type WeightBytesResult } from './weight-bytes.js';
