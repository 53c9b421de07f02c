import { DataFormatError } from '../../errors.js';
import { parseNpzAsync } from '../npz-async.js';
import { arraysWeightFile, npyWeightFile } from './array-weights.js';
import { parseOnnx } from './onnx-parse.js';
import { parseShardedSafetensors, safetensorsShards } from './safetensors-index.js';
import { parseSafetensors } from './safetensors-parse.js';
import type { WeightFile } from './tensor.js';
import { parseTfjs } from './tfjs-parse.js';

/** What {@link readWeightBytes} returns: the models read, and the files that could not be. */
export interface WeightBytesResult {
  files: WeightFile[];
  /** One line per model file that failed (its message names the file and the place). */
  errors: Array<{ file: string; message: string }>;
}

/**
 * Reads the models among a set of files given as bytes (files a user dropped on a page, a folder
 * chosen in the browser), without Node: `.onnx` (external data looked up in the set), single
 * `.safetensors`, sharded safetensors with their index (`*.index.json` with a `weight_map`), a
 * TF.js `model.json` (any `.json` with a `weightsManifest`) or bare `*weights_manifest.json` (a
 * JSON array of groups) with its shards, `.npy` and `.npz`.
 * Shards a manifest or index claims are not read again on their own; other files are ignored.
 * Paths are `/`-separated and relative (`model/group1-shard1of1.bin`); a manifest's paths are
 * resolved against its folder and must stay among the given files. Models come in path order.
 * @throws {DataFormatError} only when no file of the set is a model file; per-file failures are
 * returned in `errors`.
 * @example await readWeightBytes(new Map([['vad.onnx', new Uint8Array(buffer)]]))
 */
export async function readWeightBytes(
  files: ReadonlyMap<string, Uint8Array>,
): Promise<WeightBytesResult> {
  const paths = [...files.keys()].sort();
  const claimed = new Set<string>();
  const manifests = new Map<string, 'tfjs' | 'index'>();
  for (const path of paths) {
    if (!path.toLowerCase().endsWith('.json')) continue;
    const json = jsonOf(files.get(path)!, /weights_manifest\.json$/i.test(path));
    if (json?.weightsManifest !== undefined) manifests.set(path, 'tfjs');
    else if (json?.weight_map !== undefined) manifests.set(path, 'index');
    else continue;
    // A malformed manifest claims nothing; its error is reported when it is read below.
    try {
      for (const shard of claimedBy(path, json, manifests.get(path)!))
        claimed.add(resolvePath(path, shard));
    } catch {}
  }
  const out: WeightBytesResult = { files: [], errors: [] };
  let models = 0;
  for (const path of paths) {
    const kind = modelKind(path, manifests);
    if (!kind || (claimed.has(path) && kind === 'safetensors')) continue;
    models++;
    try {
      out.files.push(await readOne(path, kind, files));
    } catch (error) {
      if (!(error instanceof DataFormatError) && !(error instanceof RangeError)) throw error;
      out.errors.push({ file: path, message: (error as Error).message });
    }
  }
  if (models === 0)
    throw new DataFormatError(
      paths.join(', ') || '(no files)',
      '',
      'holds no model file (.onnx, .safetensors, .npy, .npz, model.json, *.safetensors.index.json)',
    );
  return out;
}

type Kind = 'onnx' | 'safetensors' | 'npy' | 'npz' | 'tfjs' | 'index';

function modelKind(path: string, manifests: ReadonlyMap<string, 'tfjs' | 'index'>): Kind | null {
  const lower = path.toLowerCase();
  for (const ext of ['onnx', 'safetensors', 'npy', 'npz'] as const)
    if (lower.endsWith(`.${ext}`)) return ext;
  return manifests.get(path) ?? null;
}

async function readOne(
  path: string,
  kind: Kind,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<WeightFile> {
  const bytes = files.get(path)!;
  const sibling = (name: string): Uint8Array => {
    const found = files.get(resolvePath(path, name));
    if (!found)
      throw new DataFormatError(path, `weight file '${name}'`, 'is not among the chosen files');
    return found;
  };
  switch (kind) {
    case 'onnx':
      return parseOnnx(bytes, path, (location, { offset, length }) => {
        const data = sibling(location);
        if (offset + length > data.length)
          throw new DataFormatError(
            path,
            `weight file '${location}'`,
            `holds ${data.length} bytes, ${offset + length} declared`,
          );
        return data.subarray(offset, offset + length);
      });
    case 'safetensors':
      return parseSafetensors(bytes, path);
    case 'index':
      return parseShardedSafetensors(bytes, path, sibling);
    case 'tfjs':
      return parseTfjs(bytes, path, sibling);
    case 'npy':
      return npyWeightFile(bytes, path);
    case 'npz':
      return arraysWeightFile(await parseNpzAsync(bytes, path, { share: true }), path, 'npz');
  }
}

function claimedBy(path: string, json: Record<string, unknown>, kind: 'tfjs' | 'index'): string[] {
  if (kind === 'index') return safetensorsShards(JSON.stringify(json), path);
  const groups = json.weightsManifest as Array<{ paths?: unknown }>;
  return groups.flatMap((g) => (Array.isArray(g.paths) ? g.paths.map(String) : []));
}

/**
 * The JSON object in `bytes`; with `bareManifest` (a `*weights_manifest.json`, as parseTfjs
 * accepts only under that name) a top-level array of groups reads as `{ weightsManifest }`.
 */
function jsonOf(bytes: Uint8Array, bareManifest = false): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (bareManifest && Array.isArray(value)) return { weightsManifest: value };
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `name` relative to the folder of `from`, with `.` and `..` resolved (`/`-separated). */
function resolvePath(from: string, name: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of name.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
