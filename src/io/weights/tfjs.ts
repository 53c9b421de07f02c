import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { decodeElements, ELEMENT_TYPES, elementCount, type WeightFile } from './tensor.js';

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

/**
 * Reads a TensorFlow.js model: model.json's `weightsManifest` (groups of `paths` — binary shards
 * concatenated in order — and `weights` {name, shape, dtype, quantization}) and the shards next
 * to it. Dequantisation: uint8/uint16 values q become q·scale + min; float16 halves are widened;
 * integers stay integers (original_dtype int32 is rounded). String weights are skipped (their
 * length prefixes are read to find the next weight).
 * @param readShard reads a shard path relative to model.json (default: from disk).
 * @throws {DataFormatError} naming model.json or the shard when a weight runs past the data.
 * @example readTfjs('models/blazeface/model.json').tensors.length
 */
export function readTfjs(modelJson: string, readShard?: (path: string) => Uint8Array): WeightFile {
  const dir = dirname(modelJson);
  const read = readShard ?? ((path: string) => readFileSync(join(dir, path)));
  let model: { weightsManifest?: Array<{ paths: string[]; weights: ManifestEntry[] }> };
  try {
    model = JSON.parse(readFileSync(modelJson, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code) throw error;
    throw new DataFormatError(modelJson, '', `is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(model.weightsManifest))
    throw new DataFormatError(modelJson, '', 'has no weightsManifest (not a TensorFlow.js model)');
  const out: WeightFile = { file: modelJson, format: 'tfjs', tensors: [], skipped: [] };
  for (const group of model.weightsManifest) {
    const shards = group.paths.map((p) => read(p));
    const bytes = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of shards) {
      bytes.set(s, at);
      at += s.length;
    }
    const where = `${modelJson} (${group.paths.join(', ')})`;
    let offset = 0;
    for (const w of group.weights) {
      const count = elementCount(w.shape, modelJson, w.name);
      if (w.dtype === 'string') {
        for (let k = 0; k < count; k++) {
          if (offset + 4 > bytes.length)
            throw new DataFormatError(
              where,
              `weight '${w.name}'`,
              'string data runs past the shards',
            );
          offset += 4 + new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
        }
        out.skipped.push({ name: w.name, reason: 'string weights are not read' });
        continue;
      }
      const stored = w.quantization?.dtype ?? w.dtype;
      const type = ELEMENT_TYPES[stored];
      if (!type)
        throw new DataFormatError(modelJson, `weight '${w.name}'`, `unsupported dtype '${stored}'`);
      let data = decodeElements(bytes, offset, stored, count, where, w.name);
      offset += count * type.size;
      const q = w.quantization;
      if (q && (q.dtype === 'uint8' || q.dtype === 'uint16')) {
        const scale = q.scale ?? 1;
        const min = q.min ?? 0;
        data = data.map((v) => v * scale + min);
        if ((q.original_dtype ?? w.dtype) === 'int32') data = data.map(Math.round);
      }
      const floating = w.dtype === 'float32' || w.dtype === 'float16';
      out.tensors.push({
        name: w.name,
        shape: [...w.shape],
        data,
        dtype: q ? `${q.dtype}→${w.dtype}` : w.dtype,
        floating,
      });
    }
    if (offset !== bytes.length)
      out.skipped.push({
        name: `${group.paths.join(', ')}`,
        reason: `${bytes.length - offset} bytes after the last weight were not used`,
      });
  }
  return out;
}
