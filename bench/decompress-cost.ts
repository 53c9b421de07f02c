// Cost of the free-decompression explorer view at its defaults (issue 20: a redraw within 100 ms):
// one Wishart(c = 1/2) sample of order n_s = 200, its fit (`freeForm`) and its decompression to
// N = 1600 (`decompress`, the CLI's 512-point grid), on the JS backend (the browser's), in CPU
// milliseconds per call (process.cpuUsage: robust to other processes on a shared machine), and
// the number of glue evaluations one decompression makes.
// Usage: node --import tsx bench/decompress-cost.ts [--reps 30] [--ns 200] [--size 1600]
import { ensembleLaw } from '../src/experiments/defs/free-decompression-trial.js';
import { decompress, freeForm } from '../src/free/index.js';
import { eigvalsh } from '../src/linalg/api.js';
import { setBackend } from '../src/linalg/backend.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const arg = (name: string, fallback: number) => Number(args[name] ?? fallback);
const reps = arg('reps', 30);
const ns = arg('ns', 200);
const size = arg('size', 1600);
setBackend('js');

const cpuMs = (run: () => void) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const times = { eig: [] as number[], fit: [] as number[], decompress: [] as number[] };
for (let r = 0; r < reps; r++) {
  let eigs: Float64Array = new Float64Array(0);
  let fit: ReturnType<typeof freeForm> | undefined;
  times.eig.push(cpuMs(() => (eigs = eigvalsh(ensembleLaw('wishart-1/2', 1).sampleMatrix(ns, r)))));
  times.fit.push(cpuMs(() => (fit = freeForm(eigs))));
  times.decompress.push(cpuMs(() => decompress(fit!, size)));
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const fit = freeForm(eigvalsh(ensembleLaw('wishart-1/2', 1).sampleMatrix(ns, 0)));
let evaluations = 0;
const { support, at } = fit.sheets;
const counted = {
  ...fit,
  sheets: { support, at: (w: Parameters<typeof at>[0]) => (evaluations++, at(w)) },
};
decompress(counted, size);
console.log(
  `n_s = ${ns} → N = ${size}, JS backend, CPU ms (median of ${reps}): sample + eigvalsh ${median(times.eig).toFixed(1)}, freeForm ${median(times.fit).toFixed(1)}, decompress ${median(times.decompress).toFixed(1)}; glue evaluations per decompress ${evaluations}`,
);
