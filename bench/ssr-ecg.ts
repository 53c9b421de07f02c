// Real-data example for docs/ssr.md: masked SSR on windows of the ECG record that Debian's
// python3-scipy ships (scipy/misc/ecg.dat: 5 minutes at 360 Hz, an .npz holding uint16 ADC
// counts; mV = (count − 1024)/200, as scipy.misc.electrocardiogram does).
//  1. Cuts the record into windows of d samples (stride s), the first 80 % of the record for
//     training and the last 20 % for testing, and writes ecg_train.npy and ecg_test.npy for the
//     CLI (`rmtkit fit`, `rmtkit theory --cov data:ecg_train.npy`).
//  2. Forecast vs reality: fits SSR on n = α·d training windows drawn at random (5 seeded draws)
//     and scores them on all training windows (the distribution the forecast is about) and on
//     the test windows, next to the theory from the plug-in covariance of all training windows.
// Usage: node --import tsx bench/ssr-ecg.ts [--file /path/to/ecg.dat] [--out dir] [--d 32]
// [--stride 4] [--lambda 1e-4]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { reportError } from '../src/cli/main.js';
import { dataCovariance } from '../src/covariance/index.js';
import { ecgDataset } from '../src/experiments/data/ecg.js';
import { writeNpy } from '../src/io/index.js';
import { Matrix } from '../src/linalg/matrix.js';
import { randomStream } from '../src/random/index.js';
import { fitSsr, irreducibleError, optimalLambda, ssrTheory } from '../src/ssr/index.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const d = Number(args.d ?? 32);
const stride = Number(args.stride ?? 4);
const out = args.out ?? '.';
let dataset: ReturnType<typeof ecgDataset>;
try {
  dataset = ecgDataset(d, stride, args.file);
} catch (error) {
  process.exit(reportError(error)); // one line naming python3-scipy when the record is missing
}
const { file, train, test } = dataset;
mkdirSync(out, { recursive: true });
writeNpy(join(out, 'ecg_train.npy'), train);
writeNpy(join(out, 'ecg_test.npy'), test);
console.log(
  `${file}: ${train.rows} training and ${test.rows} test windows of d = ${d} (stride ${stride}) written to ${out}`,
);

const form = dataCovariance(train).spectrum();
console.log(
  `irreducible error (n → ∞) of the training windows ${irreducibleError(form).toPrecision(4)}, of the test windows ${irreducibleError(dataCovariance(test).spectrum()).toPrecision(4)} mV²`,
);
const lambda = Number(args.lambda ?? 1e-4);
const draws = 5;
console.log(
  `forecast from the plug-in covariance vs SSR fitted on n = α·d random training windows (λ = ${lambda}; errors in mV², mean of ${draws} draws)`,
);
console.log(
  '    α      n   theory L_gen   measured on train windows   on test windows   theory λ*   L_gen(λ*)',
);
for (const alpha of [1, 2, 4, 8, 32]) {
  const n = Math.round(alpha * d);
  let onTrain = 0;
  let onTest = 0;
  for (let draw = 0; draw < draws; draw++) {
    const picked = randomStream(draw).choice(train.rows, n);
    const rows = Matrix.zeros(n, d);
    picked.forEach((r, i) => rows.data.set(train.data.subarray(r * d, (r + 1) * d), i * d));
    const fit = fitSsr(rows, { lambda });
    onTrain += fit.testError(train) / draws;
    onTest += fit.testError(test) / draws;
  }
  const [theory] = ssrTheory(form, [{ alpha, lambda }]);
  const opt = optimalLambda(form, alpha).point;
  console.log(
    `${String(alpha).padStart(5)} ${String(n).padStart(6)}   ${theory.genError.toPrecision(4).padStart(12)}   ${onTrain.toPrecision(4).padStart(25)}   ${onTest.toPrecision(4).padStart(15)}   ${opt.lambda.toPrecision(3).padStart(9)}   ${opt.genError.toPrecision(4).padStart(9)}`,
  );
}
