import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { FASHION_MNIST_DIR, fashionMnist } from './fashion-mnist.js';
import { parseIdx } from './idx.js';

/** A two-class regression task: rows of x are samples, targets ±1. */
export interface TwoClassTask {
  x: Matrix;
  y: Float64Array;
  xTest: Matrix;
  yTest: Float64Array;
}

const cache = new Map<string, TwoClassTask>();

/**
 * The first n training and nTest test images of two Fashion-MNIST classes (default 0 T-shirt,
 * +1 target, and 1 trouser, −1), pooled `pool`×`pool`, centred by the training mean and scaled so
 * that the mean squared norm of a training row is 1 (the random-feature convention ‖x‖ ≈ 1,
 * docs/theory.md §15). Cached per thread.
 * @throws {DataFormatError} naming a missing or malformed file, or a split with too few images.
 * @example fashionTwoClass(1024, 1024, 1).x.rows // 1024
 */
export function fashionTwoClass(
  n: number,
  nTest: number,
  pool: 1 | 2 | 4,
  classes: readonly [number, number] = [0, 1],
): TwoClassTask {
  const key = `${n},${nTest},${pool},${classes.join('/')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pick = (split: 'train' | 'test', count: number) => {
    const images = fashionMnist(split, pool);
    const labels = fashionLabels(split);
    const rows: number[] = [];
    for (let i = 0; i < labels.length && rows.length < count; i++)
      if (labels[i] === classes[0] || labels[i] === classes[1]) rows.push(i);
    if (rows.length < count)
      throw new DataFormatError(split, '', `has only ${rows.length} images of classes ${classes}`);
    const x = Matrix.zeros(count, images.cols);
    const y = new Float64Array(count);
    rows.forEach((r, i) => {
      x.data.set(images.data.subarray(r * images.cols, (r + 1) * images.cols), i * images.cols);
      y[i] = labels[r] === classes[0] ? 1 : -1;
    });
    return { x, y };
  };
  const train = pick('train', n);
  const test = pick('test', nTest);
  const p = train.x.cols;
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += train.x.data[i * p + j] / n;
  let norm = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) norm += (train.x.data[i * p + j] - mean[j]) ** 2 / n;
  const scale = 1 / Math.sqrt(norm);
  for (const m of [train.x, test.x])
    for (let i = 0; i < m.rows; i++)
      for (let j = 0; j < p; j++) m.data[i * p + j] = (m.data[i * p + j] - mean[j]) * scale;
  const task = { x: train.x, y: train.y, xTest: test.x, yTest: test.y };
  cache.set(key, task);
  return task;
}

/**
 * The labels 0…9 of a Fashion-MNIST split (Debian package `dataset-fashion-mnist`).
 * @throws {DataFormatError} naming the file when it is absent or malformed.
 * @example fashionLabels('test').length // 10000
 */
export function fashionLabels(split: 'train' | 'test'): Uint8Array | Float64Array {
  const folder = process.env.RMTKIT_FASHION_MNIST_DIR ?? FASHION_MNIST_DIR;
  const file = join(folder, `${split === 'train' ? 'train' : 't10k'}-labels-idx1-ubyte.gz`);
  if (!existsSync(file))
    throw new DataFormatError(file, '', "not found: install Debian's dataset-fashion-mnist");
  return parseIdx(readFileSync(file), file).data as Uint8Array;
}
