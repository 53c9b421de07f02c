// Diagnostics benchmark (issue 7): every layer of the full-precision models the tests use (Silero
// VAD v5, the largest file, and legacy, the most layers; ONNX float32), end to end, and a few large
// synthetic layers, against bench/diagnose_numpy.py (numpy SVD + the same fits) in the same run.
// Options on both sides: MP fit, randomisation (one permuted copy per layer), fingers. numpy reads
// the layers from .npy files written here (it has no ONNX reader): its time excludes parsing, ours
// includes it.
// Usage: node --import tsx bench/diagnose.ts [--sizes 1024x512,2048x1024] [--repeat 3]
//        node --import tsx bench/diagnose.ts --large 4096x11008 (bench/diagnose-large.ts only)
//        node --import tsx bench/diagnose.ts --fits (bench/diagnose-fits.ts only: Pareto, HTMP)
//        node --import tsx bench/diagnose.ts --model 24x1024x1024 [--plain] (bench/diagnose-model.ts)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { weightEsdAsync } from '../src/diagnostics/esd.js';
import { diagnoseModel, type ModelOptions } from '../src/diagnostics/model.js';
import { randomizeMatrix } from '../src/diagnostics/traps.js';
import { writeNpy } from '../src/io/npy.js';
import { readWeightFile } from '../src/io/weights/read.js';
import type { WeightFile } from '../src/io/weights/tensor.js';
import { backend } from '../src/linalg/backend.js';
import { Matrix } from '../src/linalg/matrix.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '1024x512,2048x1024')
  .split(',')
  .map((s: string) => s.split('x').map(Number) as [number, number]);
const repeat = Number(args.repeat ?? 3);
const options: ModelOptions = { mpFit: true, randomize: true, fixFingers: true, seed: 0 };
const DIST = new URL('../node_modules/@ricky0123/vad-web/dist/', import.meta.url).pathname;

/** Best of `repeat` runs, in seconds. */
async function best(f: () => Promise<unknown>): Promise<number> {
  let t = Infinity;
  for (let k = 0; k < repeat; k++) {
    const start = performance.now();
    await f();
    t = Math.min(t, (performance.now() - start) / 1000);
  }
  return t;
}

function numpy(dir: string): {
  numpy: string;
  seconds: number;
  svdSeconds: number;
  layers: number;
  alpha: number[];
} {
  const script = new URL('./diagnose_numpy.py', import.meta.url).pathname;
  const runs = Array.from({ length: repeat }, () =>
    JSON.parse(
      execFileSync(
        'python3',
        [script, JSON.stringify({ dir, mpFit: true, randomize: true, fingers: true })],
        { encoding: 'utf8' },
      ),
    ),
  );
  return {
    ...runs[0],
    seconds: Math.min(...runs.map((r) => r.seconds)),
    svdSeconds: Math.min(...runs.map((r) => r.svdSeconds)),
  };
}

if (args.large) {
  const [r, c] = String(args.large).split('x').map(Number) as [number, number];
  await (await import('./diagnose-large.js')).benchLarge(r, c, args.krylov !== undefined);
  process.exit(0);
}
if (args.model) {
  const [l, r, c] = String(args.model).split('x').map(Number) as [number, number, number];
  await (await import('./diagnose-model.js')).benchModel(l, r, c, args.plain !== undefined);
  process.exit(0);
}
if (args.fits !== undefined) {
  await (await import('./diagnose-fits.js')).benchFits();
  process.exit(0);
}
console.log(
  `rmtkit ${backend()} backend; MP fit, randomised copy and fingers on every layer; best of ${repeat}`,
);
console.log(
  'model                                         layers   rmtkit s    numpy s   ×numpy   max |Δα|',
);
console.log(
  '(numpy: np.linalg.svd values only, then bench/diagnose_numpy.py: vectorised KS per candidate xmin, scipy for the MP median)',
);
const row = (what: string, layers: number, t: number, ref: number, dAlpha: number) =>
  console.log(
    `${what.padEnd(46)}${String(layers).padStart(6)}${t.toFixed(3).padStart(11)}${ref.toFixed(3).padStart(11)}${(t / ref).toFixed(2).padStart(9)}${(Number.isNaN(dAlpha) ? '—' : dAlpha.toExponential(1)).padStart(11)}`,
  );

async function compare(what: string, files: () => WeightFile[]): Promise<void> {
  const result = await diagnoseModel(files(), options);
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bench-'));
  const matrices = result.layers.map((l, k) => {
    const tensor = files()[0]!.tensors.find((t) => t.name === l.name)!;
    const [r, c] = tensor.shape.filter((d) => d !== 1);
    const m = Matrix.fromRowMajor(r!, c!, tensor.data);
    writeNpy(join(dir, `${String(k).padStart(3, '0')}.npy`), m);
    return m;
  });
  const t = await best(() => diagnoseModel(files(), options));
  const tEig = await best(async () => {
    for (const m of matrices) {
      await weightEsdAsync(m);
      await weightEsdAsync(randomizeMatrix(m, 1));
    }
  });
  const ref = numpy(dir);
  rmSync(dir, { recursive: true });
  const dAlpha = Math.max(...result.layers.map((l, k) => Math.abs(l.alpha - ref.alpha[k]!)));
  row(what, result.layers.length, t, ref.seconds, dAlpha);
  row(
    '  eigenvalues only (W and its permuted copy)',
    result.layers.length,
    tEig,
    ref.svdSeconds,
    NaN,
  );
}

for (const model of ['silero_vad_v5.onnx', 'silero_vad_legacy.onnx']) {
  if (existsSync(join(DIST, model)))
    await compare(`${model} (read + diagnose)`, () => [readWeightFile(join(DIST, model))]);
}
for (const [rows, cols] of sizes) {
  const w = gaussianMatrix(rows, cols, 1);
  // A heavier tail than noise: scale a few columns up, as trained layers often have.
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j += 17) w.data[i * cols + j] *= 3;
  const file: WeightFile = {
    file: 'synthetic',
    format: 'npy',
    skipped: [],
    tensors: [
      {
        name: `W${rows}x${cols}`,
        shape: [rows, cols],
        data: w.data,
        dtype: 'float64',
        floating: true,
      },
    ],
  };
  await compare(`synthetic ${rows}×${cols}`, () => [file]);
}
