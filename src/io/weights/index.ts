// Readers of model weight files (ONNX, safetensors, TensorFlow.js, .npy/.npz) and what they
// return. The protobuf reader and the element decoders are imported by file path.
export type { WeightTensor, WeightFile, SkippedTensor } from './tensor.js';
export { parseOnnx, readOnnx } from './onnx.js';
export type { ExternalReader } from './onnx-tensor.js';
export { parseSafetensors, readSafetensors } from './safetensors.js';
export { readTfjs } from './tfjs.js';
export { readWeightFile, findWeightFiles } from './read.js';
