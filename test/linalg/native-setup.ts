// Shared setup of the native-backend tests: the loaded backend, whether this machine must have it,
// and seeded test matrices (a local generator keeps these tests independent of src/random).
import { existsSync } from 'node:fs';
import { loadNativeBackend } from '../../src/linalg/backends/native/load.js';
import type { Backend } from '../../src/linalg/kernels.js';
import { Matrix } from '../../src/linalg/matrix.js';

export const loaded = loadNativeBackend();

/**
 * True where libopenblas-dev and liblapacke-dev are installed, so the addon must have been built.
 */
export const librariesInstalled =
  [
    '/usr/include/x86_64-linux-gnu/cblas.h',
    '/usr/include/aarch64-linux-gnu/cblas.h',
    '/usr/include/cblas.h',
  ].some(existsSync) && existsSync('/usr/include/lapacke.h');

/** Options for `describe`: skip (with the loader's reason) only where the libraries are absent. */
export const nativeSuite = {
  skip:
    loaded.backend || librariesInstalled ? false : `native backend unavailable: ${loaded.reason}`,
};

/** The native backend; fails the calling test when it did not load. */
export function native(): Required<Pick<Backend, 'kernels' | 'asyncKernels'>> & Backend {
  if (!loaded.backend) throw new Error(`native backend did not load: ${loaded.reason}`);
  return loaded.backend as Required<Pick<Backend, 'kernels' | 'asyncKernels'>> & Backend;
}

/** A rows×cols matrix of uniform(−1, 1) entries from a seeded mulberry32 stream. */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  let state = seed >>> 0;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    data[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return Matrix.fromRowMajor(rows, cols, data);
}

/** A symmetric d×d matrix (A + Aᵀ)/2. */
export function randomSymmetric(d: number, seed: number): Matrix {
  const a = randomMatrix(d, d, seed);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const v = (a.data[i * d + j]! + a.data[j * d + i]!) / 2;
      a.data[i * d + j] = v;
      a.data[j * d + i] = v;
    }
  }
  return a;
}

/** A well-conditioned SPD matrix XᵀX/n + I. */
export function randomSpd(d: number, seed: number): Matrix {
  const x = randomMatrix(2 * d, d, seed);
  const g = native().kernels.gram!(x, 1 / x.rows);
  for (let i = 0; i < d; i++) g.data[i * d + i] += 1;
  return g;
}
