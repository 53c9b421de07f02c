import { DataFormatError } from '../../errors.js';
import { arrayAt, numberAt, objectAt, parseJsonAt, shapeAt, stringAt } from './schema.js';
import { ELEMENT_TYPES, elementCount } from './tensor.js';

/** One weight of a TF.js weights manifest, checked. */
export interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

/** One group of a weights manifest: shards concatenated in order, and the weights they hold. */
export interface ManifestGroup {
  paths: string[];
  weights: ManifestEntry[];
}

/**
 * A TF.js weights manifest, checked against its schema: model.json's `weightsManifest`, or, in a
 * file named `*weights_manifest.json`, a bare manifest (the JSON array of groups itself, as
 * face-api.js ships its models). Quantization follows TF.js's decodeWeight
 * (tfjs-core/src/io/io_utils.ts): `uint8`/`uint16` need `min` and `scale` and dequantise to a
 * float32 or int32 weight; `float16` is for float32 weights only; no other dtype is allowed.
 * @throws {DataFormatError} naming the file and the place.
 * @example parseManifest('[{"paths":["w.bin"],"weights":[]}]', 'w-weights_manifest.json')
 */
export function parseManifest(manifest: string | Uint8Array, file: string): ManifestGroup[] {
  const top = parseJsonAt(manifest, file, '');
  let groups: unknown[];
  let at = (g: number) => `weightsManifest[${g}]`;
  // Only a file named as one is read as a bare manifest: a model.json must be an object.
  if (Array.isArray(top) && /weights_manifest\.json$/i.test(file)) {
    groups = top;
    at = (g) => `[${g}]`;
  } else {
    const model = objectAt(top, file, 'top level');
    if (!Array.isArray(model.weightsManifest))
      throw new DataFormatError(file, '', 'has no weightsManifest (not a TensorFlow.js model)');
    groups = model.weightsManifest;
  }
  return groups.map((item, g) => {
    const group = objectAt(item, file, at(g));
    const paths = arrayAt(group.paths, file, `${at(g)}.paths`).map((p, k) =>
      stringAt(p, file, `${at(g)}.paths[${k}]`),
    );
    const weights = arrayAt(group.weights, file, `${at(g)}.weights`).map((value, k) =>
      manifestEntry(value, file, `${at(g)}.weights[${k}]`),
    );
    return { paths, weights };
  });
}

function manifestEntry(value: unknown, file: string, place: string): ManifestEntry {
  const w = objectAt(value, file, place);
  const entry: ManifestEntry = {
    name: stringAt(w.name, file, `${place}.name`, true),
    shape: shapeAt(w.shape, file, `${place}.shape`),
    dtype: stringAt(w.dtype, file, `${place}.dtype`),
  };
  const weight = `weight '${entry.name}'`;
  if (w.quantization !== undefined && w.quantization !== null) {
    const at = `${place}.quantization`;
    const q = objectAt(w.quantization, file, at);
    const quantization: NonNullable<ManifestEntry['quantization']> = {
      dtype: stringAt(q.dtype, file, `${at}.dtype`),
    };
    for (const key of ['scale', 'min'] as const)
      if (q[key] !== undefined && q[key] !== null)
        quantization[key] = numberAt(q[key], file, `${at}.${key}`);
    if (q.original_dtype !== undefined && q.original_dtype !== null)
      quantization.original_dtype = stringAt(q.original_dtype, file, `${at}.original_dtype`);
    const affine = quantization.dtype === 'uint8' || quantization.dtype === 'uint16';
    if (affine && (quantization.scale === undefined || quantization.min === undefined))
      throw new DataFormatError(
        file,
        weight,
        `quantization ${quantization.dtype} needs both min and scale`,
      );
    if (affine && entry.dtype !== 'float32' && entry.dtype !== 'int32')
      throw new DataFormatError(
        file,
        weight,
        `quantization ${quantization.dtype} is for float32 or int32 weights, not ${entry.dtype}`,
      );
    if (quantization.dtype === 'float16' && entry.dtype !== 'float32')
      throw new DataFormatError(
        file,
        weight,
        `quantization float16 is for float32 weights only, not ${entry.dtype}`,
      );
    if (!affine && quantization.dtype !== 'float16')
      throw new DataFormatError(
        file,
        weight,
        `unsupported quantization dtype '${quantization.dtype}' (uint8, uint16 or float16)`,
      );
    entry.quantization = quantization;
  }
  const stored = entry.quantization?.dtype ?? entry.dtype;
  if (entry.dtype !== 'string' && !ELEMENT_TYPES[stored])
    throw new DataFormatError(file, weight, `unsupported dtype '${stored}'`);
  return entry;
}

/** Bytes a group's weights declare, or undefined when string weights make it unknown. */
export function declaredBytes(
  weights: readonly ManifestEntry[],
  file: string,
  g: number,
): number | undefined {
  let total = 0;
  for (const w of weights) {
    if (w.dtype === 'string') return undefined;
    const size = ELEMENT_TYPES[w.quantization?.dtype ?? w.dtype]!.size;
    total += elementCount(w.shape, file, w.name) * size;
  }
  if (!Number.isSafeInteger(total))
    throw new DataFormatError(file, `weightsManifest[${g}]`, 'declares too many bytes');
  return total;
}
