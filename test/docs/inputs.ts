import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ar1Covariance } from '../../src/covariance/ar1.js';
import { DataFormatError } from '../../src/errors.js';
import { ecgDataset } from '../../src/experiments/data/ecg.js';
import { writeCsv } from '../../src/io/csv.js';
import { writeNpy } from '../../src/io/npy.js';
import { eigvalsh, gram } from '../../src/linalg/api.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { randomStream } from '../../src/random/stream.js';

/** Where the documented inputs come from when the docs do not say (README and docs/*.md). */
const ROOT = new URL('../..', import.meta.url).pathname;

/** A d × d SPD matrix: the sample covariance of 2d Gaussian rows plus a small ridge. */
function spd(d: number, seed: number): Matrix {
  const s = gram(gaussianMatrix(2 * d, d, seed));
  for (let i = 0; i < d; i++) s.data[i * d + i] += 0.01;
  return s;
}

/**
 * Writes into `dir` every input file the documented commands name (small, seeded instances of
 * what the docs describe) and links `node_modules`, so `node_modules/…` paths and `--import tsx`
 * work there. The ECG windows are written only where Debian's python3-scipy data exists.
 * @returns whether the ECG files were written.
 */
export function writeDocumentedInputs(dir: string): boolean {
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const model = ar1Covariance(0.5, 40);
  const X = model.sample(400, 1);
  writeNpy(join(dir, 'X.npy'), X);
  writeCsv(join(dir, 'Xtest.csv'), model.sample(100, 2));
  const y = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) y[i] = Math.sign(X.data[i * X.cols]!) || 1;
  writeNpy(join(dir, 'y.npy'), y);
  writeNpy(join(dir, 'A.npy'), spd(200, 3));
  writeNpy(join(dir, 'big.npy'), spd(300, 4));
  writeNpy(join(dir, 'tall.npy'), gaussianMatrix(2000, 100, 11));
  writeNpy(join(dir, 'b.npy'), gaussianMatrix(2000, 1, 5).data);
  writeNpy(join(dir, 'K.npy'), rbfKernel(gaussianMatrix(300, 10, 6)));
  writeNpy(join(dir, 'small.npy'), eigvalsh(spd(300, 7)));
  const stream = randomStream(8);
  const uniform = new Float64Array(400);
  for (let i = 0; i < uniform.length; i++) uniform[i] = stream.uniform();
  writeNpy(join(dir, 'uniform400.npy'), uniform.sort());
  writeNpy(join(dir, 'S.npy'), symmetricIndefinite(200, 9));
  writeNpy(join(dir, 'G.npy'), gaussianMatrix(200, 200, 10));
  for (const folder of ['my-model-folder', 'models']) {
    mkdirSync(join(dir, folder));
    copyFileSync(
      join(ROOT, 'node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx'),
      join(dir, folder, 'silero_vad_v5.onnx'),
    );
  }
  return writeEcg(dir);
}

/** exp(−‖xᵢ − xⱼ‖²/(2p)) for the rows of x (p columns). */
function rbfKernel(x: Matrix): Matrix {
  const { rows: n, cols: p } = x;
  const k = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += (x.data[i * p + c]! - x.data[j * p + c]!) ** 2;
      k.data[i * n + j] = Math.exp(-s / (2 * p));
    }
  }
  return k;
}

/** (G + Gᵀ)/2 for a Gaussian G: symmetric with eigenvalues of both signs. */
function symmetricIndefinite(d: number, seed: number): Matrix {
  const g = gaussianMatrix(d, d, seed);
  const s = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) s.data[i * d + j] = (g.data[i * d + j]! + g.data[j * d + i]!) / 2;
  return s;
}

/** The ECG windows of docs/ssr.md, from the record Debian's python3-scipy ships (if present). */
function writeEcg(dir: string): boolean {
  let data: { train: Matrix; test: Matrix };
  try {
    data = ecgDataset(32, 4);
  } catch (error) {
    if (error instanceof DataFormatError) return false;
    throw error;
  }
  writeNpy(join(dir, 'ecg_train.npy'), data.train);
  writeNpy(join(dir, 'ecg_test.npy'), data.test);
  return true;
}
