export type { WeightTensor, WeightFile, SkippedTensor } from './tensor.js';
export { decodeElements, halfToFloat, bfloat16ToFloat, elementCount } from './tensor.js';
export { protoFields, protoInts, protoString, type ProtoField } from './protobuf.js';
export { parseOnnx, readOnnx } from './onnx.js';
export { decodeOnnxTensor, type ExternalReader } from './onnx-tensor.js';
export { parseSafetensors, readSafetensors } from './safetensors.js';
export { readTfjs } from './tfjs.js';
export { readWeightFile, findWeightFiles } from './read.js';
