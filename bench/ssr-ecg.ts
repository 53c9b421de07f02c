// Real-data example for docs/ssr.md: masked SSR on windows of the ECG record that Debian's
// python3-scipy ships (scipy/misc/ecg.dat: 5 minutes at 360 Hz, an .npz holding uint16 ADC
// counts; mV = (count − 1024)/200, as scipy.misc.electrocardiogram does).
//  1. Cuts the record into windows of d samples (stride s), the first 80 % of the record for
//     training and the last 20 % for testing, and writes ecg_train.npy and ecg_test.npy for the
//     CLI (`rmtkit fit`, `rmtkit theory --cov data:ecg_train.npy`).
//  2. Forecast vs reality: fits SSR on n = α·d training windows drawn at random (5 seeded draws)
//     and scores them on all training windows (the distribution the forecast is about) and on
//     the test windows, next to the theory from the plug-in covariance of all training windows.
// Usage: node --import tsx bench/ssr-ecg.ts [--file /path/to/ecg.dat] [--out dir] [--d 32] [--stride 4] [--lambda 1e-4]
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readNpz, writeNpy } from '../src/io/index.js';
import { Matrix } from '../src/linalg/matrix.js';
import { dataCovariance } from '../src/random/covariance/index.js';
import { randomStream } from '../src/random/index.js';
import { fitSsr, irreducibleError, optimalLambda, ssrTheory } from '../src/ssr/index.js';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((s) => s.trim().split(/\s+/) as [string, string]));
const candidates = [args.file, '/usr/lib/python3/dist-packages/scipy/misc/ecg.dat', '/usr/lib/python3/dist-packages/scipy/datasets/ecg.dat'].filter(Boolean) as string[];
const file = candidates.find(existsSync);
if (!file) {
  console.error(`ecg.dat not found (looked in ${candidates.join(', ')}); install python3-scipy or pass --file`);
  process.exit(2);
}
const d = Number(args.d ?? 32);
const stride = Number(args.stride ?? 4);
const out = args.out ?? '.';
mkdirSync(out, { recursive: true });

const raw = readNpz(file).get('ecg')!.data;
const mv = raw.map((v) => (v - 1024) / 200);
const cut = Math.floor(0.8 * mv.length);
const windows = (from: number, to: number) => {
  const starts: number[] = [];
  for (let s = from; s + d <= to; s += stride) starts.push(s);
  const m = Matrix.zeros(starts.length, d);
  starts.forEach((s, i) => m.data.set(mv.subarray(s, s + d), i * d));
  return m;
};
const train = windows(0, cut);
const test = windows(cut, mv.length);
writeNpy(join(out, 'ecg_train.npy'), train);
writeNpy(join(out, 'ecg_test.npy'), test);
console.log(`${file}: ${mv.length} samples; ${train.rows} training and ${test.rows} test windows of d = ${d} (stride ${stride}) written to ${out}`);

const form = dataCovariance(train).spectrum();
console.log(`irreducible error (n → ∞) of the training windows ${irreducibleError(form).toPrecision(4)}, of the test windows ${irreducibleError(dataCovariance(test).spectrum()).toPrecision(4)} mV²`);
const lambda = Number(args.lambda ?? 1e-4);
const draws = 5;
console.log(`forecast from the plug-in covariance vs SSR fitted on n = α·d random training windows (λ = ${lambda}; errors in mV², mean of ${draws} draws)`);
console.log('    α      n   theory L_gen   measured on train windows   on test windows   theory λ*   L_gen(λ*)');
for (const alpha of [1, 2, 4, 8, 32]) {
  const n = Math.round(alpha * d);
  let onTrain = 0;
  let onTest = 0;
  for (let draw = 0; draw < draws; draw++) {
    const picked = randomStream(draw).choice(train.rows, n);
    const rows = Matrix.zeros(n, d);
    picked.forEach((r, i) => rows.data.set(train.data.subarray(r * d, (r + 1) * d), i * d));
    const fit = fitSsr(rows, { lambda });
    onTrain += fit.score(train) / draws;
    onTest += fit.score(test) / draws;
  }
  const [theory] = ssrTheory(form, [{ alpha, lambda }]);
  const opt = optimalLambda(form, alpha).point;
  console.log(`${String(alpha).padStart(5)} ${String(n).padStart(6)}   ${theory.genError.toPrecision(4).padStart(12)}   ${onTrain.toPrecision(4).padStart(25)}   ${onTest.toPrecision(4).padStart(15)}   ${opt.lambda.toPrecision(3).padStart(9)}   ${opt.genError.toPrecision(4).padStart(9)}`);
}
