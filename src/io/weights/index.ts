// Readers of model weight files (ONNX, safetensors, TensorFlow.js, .npy/.npz) and what they
// return. The protobuf reader and the element decoders are imported by file path.

export { parseOnnx, readOnnx } from './onnx.js';
export type { ExternalReader } from './onnx-tensor.js';
export { findWeightFiles, readWeightFile } from './read.js';
export { parseSafetensors, readSafetensors } from './safetensors.js';
export type { SkippedTensor, WeightFile, WeightTensor } from './tensor.js';
export { readTfjs, type ShardReader } from './tfjs.js';
