import { Matrix } from '../../linalg/matrix.js';
import { fashionMnist } from './fashion-mnist.js';
import { fashionLabels } from './fashion-two-class.js';

/** Images (rows) and their labels 0…9. */
export interface LabeledImages {
  x: Matrix;
  labels: Int32Array;
}

const cache = new Map<string, LabeledImages>();

/**
 * All images of a Fashion-MNIST split with their ten labels, pooled `pool`×`pool`, centred by the
 * split's mean image and scaled so that the mean squared norm of a row is 1. Cached per thread.
 * @throws {DataFormatError} naming a missing or malformed file.
 * @example fashionClasses('test', 2).x.cols // 196
 */
export function fashionClasses(split: 'train' | 'test', pool: 1 | 2 | 4): LabeledImages {
  const key = `${split}@${pool}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const images = fashionMnist(split, pool);
  const labels = Int32Array.from(fashionLabels(split));
  const { rows: n, cols: d } = images;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += images.data[i * d + j]! / n;
  const x = Matrix.zeros(n, d);
  let norm = 0;
  for (let k = 0; k < x.data.length; k++) {
    x.data[k] = images.data[k]! - mean[k % d]!;
    norm += x.data[k]! ** 2 / n;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let k = 0; k < x.data.length; k++) x.data[k]! *= scale;
  const out = { x, labels };
  cache.set(key, out);
  return out;
}
