import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { Matrix } from '../../linalg/matrix.js';
import { parseIdx } from './idx.js';

/** Where Debian's `dataset-fashion-mnist` installs the IDX files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

const cache = new Map<string, Matrix>();

/**
 * Fashion-MNIST images (Debian package `dataset-fashion-mnist`) as rows of pixel intensities in
 * [0, 1], average-pooled over `pool`×`pool` blocks (pool 2: 14×14 = 196 pixels, pool 1: all 784).
 * `split` is the 60 000 training or 10 000 test images; `dir` (or env `RMTKIT_FASHION_MNIST_DIR`)
 * overrides the folder. Decoded once per thread and kept in memory.
 * @throws {DataFormatError} naming the file when it is absent (and the package to install) or
 * malformed.
 * @example fashionMnist('test', 2).cols // 196
 */
export function fashionMnist(split: 'train' | 'test', pool: 1 | 2 | 4, dir?: string): Matrix {
  const folder = dir ?? process.env.RMTKIT_FASHION_MNIST_DIR ?? FASHION_MNIST_DIR;
  const file = join(folder, `${split === 'train' ? 'train' : 't10k'}-images-idx3-ubyte.gz`);
  const key = `${file}@${pool}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!existsSync(file))
    throw new DataFormatError(
      file,
      '',
      "not found: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)",
    );
  const { shape, data } = parseIdx(readFileSync(file), file);
  if (shape.length !== 3 || shape[1] % pool !== 0 || shape[2] % pool !== 0)
    throw new DataFormatError(
      file,
      '',
      `has shape ${shape.join('×')}; expected images divisible into ${pool}×${pool} blocks`,
    );
  const [n, h, w] = shape;
  const ph = h / pool;
  const pw = w / pool;
  const out = Matrix.zeros(n, ph * pw);
  const scale = 1 / (255 * pool * pool);
  for (let i = 0; i < n; i++) {
    const image = i * h * w;
    const row = i * ph * pw;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        out.data[row + Math.floor(y / pool) * pw + Math.floor(x / pool)] +=
          data[image + y * w + x] * scale;
  }
  cache.set(key, out);
  return out;
}
