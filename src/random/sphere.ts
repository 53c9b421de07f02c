import type { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from './gaussian.js';
import type { Seed } from './seed.js';
import type { RandomStream } from './stream.js';

/**
 * n points uniform on the unit sphere of ℝᵖ, as the rows of an n×p matrix: Gaussian rows divided
 * by their norms (the data model of the deep conjugate-kernel theorem, docs/theory.md §15).
 * @example sphereRows(100, 50, 7) // every row has norm 1
 */
export function sphereRows(n: number, p: number, seed: Seed | RandomStream): Matrix {
  const x = gaussianMatrix(n, p, seed);
  for (let i = 0; i < n; i++) {
    const row = x.data.subarray(i * p, (i + 1) * p);
    let s = 0;
    for (const v of row) s += v * v;
    const r = Math.sqrt(s);
    for (let j = 0; j < p; j++) row[j] /= r;
  }
  return x;
}
