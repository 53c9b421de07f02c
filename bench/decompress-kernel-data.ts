// The kernel of bench/decompress-kernel-direct.ts: the RBF Gram matrix of Fashion-MNIST training
// images (14×14 pooled), and the direct spectrum of its leading N×N block, computed once and saved
// (at N = 16384 it takes about 25 minutes on the shared 2-core machine).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fashionMnist } from '../src/experiments/data/fashion-mnist.js';
import { eigvalsh, gram } from '../src/linalg/api.js';
import { Matrix } from '../src/linalg/matrix.js';

/** Per-pixel mean squared distances of the listed training images (gram divides by 196). */
function squaredDistances(rows: ArrayLike<number>): Matrix {
  const images = fashionMnist('train', 2);
  const m = rows.length;
  const xt = Matrix.zeros(images.cols, m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < images.cols; j++)
      xt.data[j * m + i] = images.data[rows[i]! * images.cols + j]!;
  const g = gram(xt);
  const d2 = Matrix.zeros(m, m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++)
      d2.data[i * m + j] = Math.max(
        g.data[i * m + i]! + g.data[j * m + j]! - 2 * g.data[i * m + j]!,
        0,
      );
  return d2;
}

/** exp(−d²/(2ℓ²)) of the listed images: a principal sub-matrix of the N×N kernel. */
export function rbfKernel(rows: ArrayLike<number>, ell: number): Matrix {
  const k = squaredDistances(rows);
  for (let i = 0; i < k.data.length; i++) k.data[i] = Math.exp(-k.data[i]! / (2 * ell * ell));
  return k;
}

/** The benches' median heuristic over the first n images: pairs (i mod n, (7i + 1) mod n). */
function medianEll(d2: Matrix): number {
  const n = d2.rows;
  const sample = Array.from({ length: 2000 }, (_, i) =>
    Math.sqrt(d2.data[(i % n) * n + ((7 * i + 1) % n)]!),
  );
  return sample.sort((a, b) => a - b)[1000]!;
}

/** A direct spectrum with its ℓ and the seconds its eigvalsh took. */
export interface DirectSpectrum {
  eigenvalues: Float64Array;
  ell: number;
  seconds: number;
}

/**
 * The spectrum of the kernel of the first n training images, read from `file` (little-endian
 * float64, ascending; ℓ and seconds in `file`.json) or computed by rmtkit's eigvalsh and saved.
 */
export function directSpectrum(file: string, n: number): DirectSpectrum {
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    const eigenvalues = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as DirectSpectrum;
    return { eigenvalues: eigenvalues.slice().sort(), ell: meta.ell, seconds: meta.seconds };
  }
  const k = squaredDistances(Int32Array.from({ length: n }, (_, i) => i));
  const ell = medianEll(k);
  for (let i = 0; i < k.data.length; i++) k.data[i] = Math.exp(-k.data[i]! / (2 * ell * ell));
  const t = performance.now();
  const eigenvalues = eigvalsh(k);
  const seconds = (performance.now() - t) / 1000;
  writeFileSync(file, eigenvalues);
  writeFileSync(`${file}.json`, JSON.stringify({ ell, seconds, n }));
  return { eigenvalues, ell, seconds };
}
